package global.cas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Hash;
import global.cas.rejection.Reason;
import global.cas.testing.TestDataFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TipMarkerTest {
    @TempDir
    Path dir;

    private static TipMarker.Tip tip(long height) {
        return new TipMarker.Tip(height, Hash.sha256(new byte[] {(byte) height}));
    }

    /** A marker in {@code dir} that wrote these heights, in order. */
    private TipMarker written(long... heights) {
        TipMarker m = new TipMarker(dir);
        for (long h : heights) {
            m.write(tip(h));
        }
        return m;
    }

    private Path file() {
        return dir.resolve(TipMarker.FILE_NAME);
    }

    @Test
    @DisplayName("Each write is read back; the file keeps two records, the newest wins")
    void roundTrip() throws Exception {
        TipMarker m = new TipMarker(dir);
        assertThat(m.read()).isEmpty();
        for (long h = 0; h < 5; h++) {
            m.write(tip(h));
            assertThat(new TipMarker(dir).read()).contains(tip(h));
            assertThat(Files.size(file())).isEqualTo(2L * TipMarker.SLOT_BYTES);
        }
    }

    @Test
    @DisplayName("A record a crash cut short leaves the other: the previous block is read")
    void tornNewestRecord() throws Exception {
        written(7, 8); // the file is made with 7 in record 0; 8 goes to record 1
        TestDataFolder.flip(file(), TipMarker.SLOT_BYTES + 30);
        assertThat(new TipMarker(dir).read()).contains(tip(7));
        byte[] bytes = Files.readAllBytes(file());
        java.util.Arrays.fill(bytes, TipMarker.SLOT_BYTES + 40, 2 * TipMarker.SLOT_BYTES, (byte) 0);
        Files.write(file(), bytes);
        assertThat(new TipMarker(dir).read()).contains(tip(7));
    }

    @Test
    @DisplayName("A marker opened again overwrites its older record, never the newest")
    void reopenedWritesTheOlderRecord() throws Exception {
        new TipMarker(dir).write(tip(1));
        new TipMarker(dir).write(tip(2));
        TipMarker again = new TipMarker(dir);
        again.read();
        again.write(tip(3));
        // record with 2 must still be whole: damage the record with 3, 2 is read
        byte[] bytes = Files.readAllBytes(file());
        int at = new String(bytes, 0, TipMarker.SLOT_BYTES, StandardCharsets.UTF_8).contains("height 3\n")
                ? 10
                : TipMarker.SLOT_BYTES + 10;
        TestDataFolder.flip(file(), at);
        assertThat(new TipMarker(dir).read()).contains(tip(2));
    }

    @Test
    @DisplayName("The record written last is read, even when its height is lower")
    void lastWriteWins() throws Exception {
        written(9, 10);
        written(3);
        assertThat(new TipMarker(dir).read()).contains(tip(3));
    }

    @Test
    @DisplayName("Both records damaged is damage, with its reason code")
    void bothDamaged() throws Exception {
        written(1, 2);
        TestDataFolder.flip(file(), 20);
        TestDataFolder.flip(file(), TipMarker.SLOT_BYTES + 20);
        assertThatThrownBy(() -> new TipMarker(dir).read())
                .isInstanceOfSatisfying(
                        ChainDataException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHAIN_DATA_DAMAGED))
                .satisfies(e -> assertThat(e.toString()).contains("neither of its two records"));
        Files.write(file(), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> new TipMarker(dir).read()).isInstanceOf(ChainDataException.class);
    }

    @Test
    @DisplayName("The one-record marker of earlier versions is read, and the next write makes the two-record file")
    void oneRecordFormat() throws Exception {
        String body = "cas-chain-tip 1\nheight 41\nhash " + tip(41).hash().hex() + "\n";
        Files.writeString(
                file(),
                body + "check "
                        + Hash.sha256(body.getBytes(StandardCharsets.UTF_8)).hex() + "\n");
        TipMarker m = new TipMarker(dir);
        assertThat(m.read()).contains(tip(41));
        m.write(tip(42));
        assertThat(Files.size(file())).isEqualTo(2L * TipMarker.SLOT_BYTES);
        assertThat(new TipMarker(dir).read()).contains(tip(42));
        Files.writeString(file(), body + "check " + "00".repeat(32) + "\n");
        assertThatThrownBy(() -> new TipMarker(dir).read()).isInstanceOf(ChainDataException.class);
    }
}
