package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.store.TipMarker;
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
                node.chain()
                        .produce(global.cas.testing.TestChain.validator(), time)
                        .get(30, TimeUnit.SECONDS);
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
        System.out.printf(
                "tip marker write: %.0f µs (%d writes); %d empty blocks made at %.2f ms each; start with checks:%s%n",
                writeMicros, WRITES, BLOCKS, perBlockMillis, opens);
    }
}
