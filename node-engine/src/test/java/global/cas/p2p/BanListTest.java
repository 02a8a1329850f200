package global.cas.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.testing.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bans outlive a restart; the ended ones and a damaged file do not. */
class BanListTest {
    @TempDir
    Path dir;

    private static NodeId id(int n) {
        return new NodeId(TestPeers.key(n).publicKey());
    }

    @Test
    @DisplayName("a ban saved at stop is in force after a restart, until it ends; one that ended meanwhile is gone")
    void survivesARestart() throws Exception {
        FakeClock clock = new FakeClock(Instant.EPOCH);
        BanList bans = BanList.load(dir, clock);
        bans.ban(id(1), Duration.ofHours(1));
        bans.ban(id(2), Duration.ofMinutes(5));
        bans.save();
        clock.advance(Duration.ofMinutes(10));
        BanList again = BanList.load(dir, clock);
        assertThat(again.isBanned(id(1))).isTrue();
        assertThat(again.expiry(id(1))).contains(Instant.EPOCH.plus(Duration.ofHours(1)));
        assertThat(again.isBanned(id(2))).isFalse();
        assertThat(again.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("a damaged file is moved aside and the list starts empty")
    void damagedMovedAside() throws Exception {
        Files.writeString(
                dir.resolve(BanList.FILE_NAME), "{\"format\":1,\"bans\":[{\"nodeId\":\"zz\",\"untilMillis\":1}]}");
        BanList bans = BanList.load(dir, new FakeClock(Instant.EPOCH));
        assertThat(bans.size()).isZero();
        assertThat(dir.resolve(BanList.FILE_NAME + ".damaged")).exists();
        assertThat(dir.resolve(BanList.FILE_NAME)).doesNotExist();
    }

    @Test
    @DisplayName("the list is bounded: past the limit the ban ending soonest goes")
    void bounded() {
        FakeClock clock = new FakeClock(Instant.EPOCH);
        BanList bans = new BanList(clock);
        for (int i = 0; i < BanList.MAX_BANS; i++) {
            bans.ban(new NodeId(global.cas.crypto.KeyPair.fromSeed(seed(i)).publicKey()), Duration.ofMinutes(10 + i));
        }
        NodeId first = new NodeId(global.cas.crypto.KeyPair.fromSeed(seed(0)).publicKey());
        assertThat(bans.isBanned(first)).isTrue();
        bans.ban(id(3), Duration.ofDays(1));
        assertThat(bans.size()).isEqualTo(BanList.MAX_BANS);
        assertThat(bans.isBanned(first)).isFalse();
        assertThat(bans.isBanned(id(3))).isTrue();
    }

    private static byte[] seed(int i) {
        byte[] s = new byte[32];
        s[0] = (byte) i;
        s[1] = (byte) (i >> 8);
        s[31] = 1;
        return s;
    }
}
