package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.ChainTip;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real node process with SIGKILL at random moments, restarts it on the same data folder,
 * and checks it is at its last committed block with the state a node that never crashed has.
 */
class CrashRestartTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "C6: after kill -9 at random moments, four times, the node restarts at its last committed block with identical state")
    void killNineRepeatedly() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        long lastReported = 0;
        for (int round = 1; round <= 4; round++) {
            Process p = start();
            AtomicLong committed = new AtomicLong(-1);
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> read(p, committed, lines));
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long startHeight = -1;
            while (committed.get() < 0 || committed.get() < lastReported + 5) {
                assertThat(System.nanoTime())
                        .as("node did not commit blocks in time; output: %s", lines)
                        .isLessThan(deadline);
                Thread.sleep(20);
                if (startHeight < 0 && committed.get() >= 0) {
                    startHeight = committed.get();
                }
            }
            Thread.sleep(random.nextInt(1500));
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            long seen = committed.get();
            try (H2ChainStore store = H2ChainStore.open(dir)) {
                ChainTip tip = store.tip().orElseThrow();
                assertThat(tip.height())
                        .as("round %d (seed %d): tip after the crash", round, seed)
                        .isGreaterThanOrEqualTo(seen);
                ChainVerifier.Report report = new ChainVerifier(TestChain.params()).verify(store);
                assertThat(report.difference())
                        .as("round %d (seed %d)", round, seed)
                        .isEmpty();
                assertThat(report.height()).isEqualTo(tip.height());
                lastReported = tip.height();
            }
        }
        assertThat(lastReported).isGreaterThanOrEqualTo(20);
    }

    private Process start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), CrashTarget.class.getName(), dir.toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static void read(Process p, AtomicLong committed, List<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    committed.set(Long.parseLong(line.substring(10).trim()));
                } else if (lines.size() < 200) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            }
        } catch (java.io.IOException e) {
            // the process was killed
        }
    }
}
