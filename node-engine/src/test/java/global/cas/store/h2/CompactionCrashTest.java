package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.Block;
import global.cas.chain.ChainTip;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writer while the store compacts its file, again and again, and reopens what it left. */
class CompactionCrashTest {
    private static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    @DisplayName(
            "L2, C6: killed at random moments while its file is being compacted, the store reopens at its last commit, whole and consistent")
    void killedDuringCompaction() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        long lastHeight = -1;
        long compactions = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CompactingWriter.class.getName(),
                            dir.toString())
                    .redirectErrorStream(true)
                    .start();
            AtomicLong committed = new AtomicLong(-1);
            AtomicLong compacted = new AtomicLong();
            List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> read(child, committed, compacted, output));
            reader.start();
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(60);
            long target = lastHeight + 100;
            while (committed.get() < target || System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3)) {
                assertThat(System.nanoTime())
                        .as("round %d (seed %d): the writer stalled; output: %s", round, seed, tail(output))
                        .isLessThan(deadline);
                Thread.sleep(10);
            }
            Thread.sleep(random.nextInt(300));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            compactions += compacted.get();

            try (H2ChainStore store = H2ChainStore.open(dir, CompactingWriter.RETENTION_MILLIS)) {
                ChainTip tip = store.tip().orElseThrow();
                assertThat(tip.height()).as("round %d (seed %d)", round, seed).isGreaterThanOrEqualTo(committed.get());
                checkChain(store, tip);
                lastHeight = tip.height();
            }
        }
        System.out.printf(
                "CompactionCrashTest: %d rounds, height %d, %d compactions, seed %d%n",
                ROUNDS, lastHeight, compactions, seed);
        assertThat(compactions)
                .as("compactions while the writers ran (seed %d)", seed)
                .isPositive();
    }

    /** Every block links to the one before; the unspent outputs give the balances root of the tip (L2). */
    private static void checkChain(H2ChainStore store, ChainTip tip) {
        Block previous = store.block(0).orElseThrow();
        for (long h = 1; h <= tip.height(); h++) {
            Block b = store.block(h).orElseThrow();
            assertThat(b.header().previousHash()).isEqualTo(previous.hash());
            previous = b;
        }
        assertThat(previous.hash()).isEqualTo(tip.hash());
        assertThat(previous.header().stateRoot()).isEqualTo(tip.stateRoot());
        assertThat(global.cas.testing.StoredBalances.root(store))
                .isEqualTo(tip.roots().balances());
    }

    private static void read(Process p, AtomicLong committed, AtomicLong compacted, List<String> output) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith("COMMITTED ")) {
                    String[] w = line.split(" ");
                    committed.set(Long.parseLong(w[1]));
                    compacted.set(Long.parseLong(w[2]));
                }
            }
        } catch (java.io.IOException e) {
            // the process was killed
        }
    }

    private static List<String> tail(List<String> output) {
        synchronized (output) {
            return List.copyOf(output.subList(Math.max(0, output.size() - 20), output.size()));
        }
    }
}
