package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.store.StateDigest;
import global.cas.store.TipMarker;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestDataFolder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the chain data checks cost (docs/benchmarks.md): one tip marker write (two fsyncs), and a
 * start on a chain of {@value #BLOCKS} blocks, which checks every header, the marker and the state
 * digest. Prints the figures; asserts only that the node opens at the height it closed at.
 */
@Tag("benchmark")
class ChainOpenBenchmarkTest {
    private static final int BLOCKS = 10_000;
    private static final int WRITES = 1_000;

    @TempDir
    Path dir;

    @Test
    @DisplayName("tip marker write and start-up check of a 10,000-block chain (measured, not asserted)")
    void markerAndOpenCost() throws Exception {
        TipMarker marker = new TipMarker(dir.resolve("marker"));
        java.nio.file.Files.createDirectories(dir.resolve("marker"));
        long t0 = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            marker.write(new TipMarker.Tip(i, Hash.sha256(new byte[] {(byte) i})));
        }
        double writeMicros = (System.nanoTime() - t0) / 1_000.0 / WRITES;

        Path chain = dir.resolve("chain");
        long built;
        long t1 = System.nanoTime();
        try (Node node = TestDataFolder.startIdle(chain)) {
            long time = node.tip().time();
            for (int h = 1; h <= BLOCKS; h++) {
                time += 1_000;
                node.chain().produce(TestChain.validator(), time).get(30, TimeUnit.SECONDS);
            }
            built = node.tip().height();
        }
        double perBlockMillis = (System.nanoTime() - t1) / 1e6 / BLOCKS;
        StringBuilder opens = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            long t2 = System.nanoTime();
            try (Node node = TestDataFolder.startIdle(chain)) {
                assertThat(node.tip().height()).isEqualTo(built);
            }
            opens.append(String.format(" %.0f ms", (System.nanoTime() - t2) / 1e6));
        }
        long headers;
        long[] count = {0};
        try (H2ChainStore store = H2ChainStore.open(chain)) {
            long t3 = System.nanoTime();
            store.forEachHeader(h -> count[0]++);
            headers = System.nanoTime() - t3;
        }
        // the digest: one SHA-256 per output created or spent, added or subtracted
        UnspentOutput sample = new UnspentOutput(
                new OutputRef(Hash.sha256(new byte[] {7}), 1),
                new TxOutput(TestChain.funded(1).address(), AssetId.CAS, 12_345),
                UnspentOutput.storageId(5, 3, 1));
        StateDigest d = StateDigest.EMPTY;
        long t4 = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
            d = d.plus(sample);
        }
        double digestMicros = (System.nanoTime() - t4) / 1_000.0 / 200_000;
        assertThat(d).isNotEqualTo(StateDigest.EMPTY);
        System.out.printf(
                "tip marker write: %.0f µs (%d writes); %d empty blocks made at %.2f ms each; start with checks:%s;"
                        + " %d headers read and checked alone in %.0f ms; digest %.2f µs per output%n",
                writeMicros, WRITES, BLOCKS, perBlockMillis, opens, count[0], headers / 1e6, digestMicros);
    }
}
