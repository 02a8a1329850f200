package global.cas.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The peers a person chose to keep connected, saved in the data folder. */
class PersistentPeersTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("peers added are saved in order, once each, and read back at the next start; removed ones are gone")
    void savesAndReadsBack() {
        PersistentPeers peers = PersistentPeers.load(dir);
        assertThat(peers.list()).isEmpty();
        assertThat(peers.add(PeerAddress.parse("10.0.0.2:26656"))).isTrue();
        assertThat(peers.add(PeerAddress.parse("seed.example.org:28656"))).isTrue();
        assertThat(peers.add(PeerAddress.parse(" 10.0.0.2:26656 "))).isFalse();
        assertThat(PersistentPeers.load(dir).list())
                .extracting(PeerAddress::toString)
                .containsExactly("10.0.0.2:26656", "seed.example.org:28656");
        assertThat(peers.remove(PeerAddress.parse("10.0.0.2:26656"))).isTrue();
        assertThat(peers.remove(PeerAddress.parse("10.0.0.2:26656"))).isFalse();
        assertThat(PersistentPeers.load(dir).list())
                .extracting(PeerAddress::toString)
                .containsExactly("seed.example.org:28656");
    }

    @Test
    @DisplayName("the list is bounded: one more than the limit is refused with PEER_LIST_FULL and not saved")
    void bounded() {
        PersistentPeers peers = PersistentPeers.load(dir);
        for (int i = 0; i < PersistentPeers.MAX_PEERS; i++) {
            peers.add(new PeerAddress("10.0.1." + i, 26656));
        }
        assertThatThrownBy(() -> peers.add(new PeerAddress("10.0.2.1", 26656)))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PEER_LIST_FULL));
        assertThat(PersistentPeers.load(dir).list()).hasSize(PersistentPeers.MAX_PEERS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "[]",
                "{\"format\":2,\"peers\":[]}",
                "{\"format\":1}",
                "{\"format\":1,\"peers\":[\"nope\"]}",
                "{\"format\":1,\"peers\":[null]}"
            })
    @DisplayName("a damaged list is refused with PEER_LIST_DAMAGED naming the file, and the file is left as it was")
    void damagedRefused(String content) throws Exception {
        Path file = dir.resolve(PersistentPeers.FILE_NAME);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PersistentPeers.load(dir)).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.PEER_LIST_DAMAGED);
            assertThat(e.detail()).contains(file.toAbsolutePath().toString());
        });
        assertThat(Files.readString(file)).isEqualTo(content);
    }
}
