package global.cas.bench;

import global.cas.store.h2.ChainFileSize;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs both benchmarks and prints the figures, their ratio and, when the node stored its chain in
 * H2, the size of its chain file after the run against its live data.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {}

    /** Runs both; the node under test stores its chain with {@code stores} (H2 in the program). */
    public static void run(
            int transfers,
            int warmUp,
            PrintWriter out,
            java.util.function.Function<Path, global.cas.store.ChainStore> stores)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(
                "CAS bench: %d cores, %s %s%n",
                cores, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        double verify = VerifyBenchmark.run(cores, 5);
        out.printf("(a) Ed25519 verifications/s on %d threads: %,.0f%n", cores, verify);
        out.flush();
        Path dir = Files.createTempDirectory("cas-bench");
        try {
            ThroughputBenchmark.Result r = new ThroughputBenchmark(dir, transfers, warmUp, out, stores).run();
            out.printf(
                    "(b) committed transfers/s (mempool -> 1 s blocks -> H2): %,.0f  (%d transfers in %.2f s, %d blocks)%n",
                    r.perSecond(), r.transfers(), r.seconds(), r.blocks());
            out.printf("ratio (b)/(a): %.3f%n", r.perSecond() / verify);
            StringBuilder cpu = new StringBuilder();
            for (var e : r.cpuNanos().entrySet()) {
                cpu.append(String.format("%s%s %.0f", cpu.isEmpty() ? "" : ", ", e.getKey(), r.cpuMicros(e.getKey())));
            }
            out.printf(
                    "    CPU µs a transfer: %s (%.2f of %d cores busy); collectors %,d ms%n",
                    cpu, r.cpuMicros("process") * r.perSecond() / 1e6, cores, r.gcMillis());
            out.printf(
                    "    all admitted to the mempool after %.2f s; blocks committed at (s, transfers): %s%n",
                    r.admittedSeconds(), r.timeline());
            if (r.blocks() < ThroughputBenchmark.STEADY_STATE_BLOCKS) {
                out.printf(
                        "note: %d blocks of transfers; fewer than %d measure the first and last blocks more than the"
                                + " steady state (raise --transfers)%n",
                        r.blocks(), ThroughputBenchmark.STEADY_STATE_BLOCKS);
            }
            if (Files.exists(dir.resolve("chain.mv.db"))) {
                ChainFileSize size = ChainFileSize.of(dir);
                out.printf(
                        "(c) chain file after a clean stop: %,d bytes (%,.0f a measured transfer, setup included);"
                                + " live data (SHUTDOWN COMPACT of a copy) %,d bytes (%,.0f a transfer), %,d uncompressed;"
                                + " file/live %.2f%n",
                        size.fileBytes(),
                        (double) size.fileBytes() / r.transfers(),
                        size.liveBytes(),
                        (double) size.liveBytes() / r.transfers(),
                        size.uncompressedBytes(),
                        size.ratio());
            }
            out.flush();
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
