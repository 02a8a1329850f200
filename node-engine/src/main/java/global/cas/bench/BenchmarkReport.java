package global.cas.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs both benchmarks and prints the figures and their ratio. */
public final class BenchmarkReport {
    private BenchmarkReport() {}

    /** Runs both; the node under test stores its chain with {@code stores} (H2 in the program). */
    public static void run(
            int transfers, PrintWriter out, java.util.function.Function<Path, global.cas.store.ChainStore> stores)
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
            ThroughputBenchmark.Result r = new ThroughputBenchmark(dir, transfers, out, stores).run();
            out.printf(
                    "(b) committed transfers/s (mempool -> 1 s blocks -> H2): %,.0f  (%d transfers in %.2f s, %d blocks)%n",
                    r.perSecond(), r.transfers(), r.seconds(), r.blocks());
            out.printf("ratio (b)/(a): %.3f%n", r.perSecond() / verify);
            out.flush();
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
