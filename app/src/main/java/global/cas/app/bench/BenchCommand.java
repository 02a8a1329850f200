package global.cas.app.bench;

import com.google.inject.Inject;
import global.cas.app.cli.Terminal;
import global.cas.bench.BenchmarkReport;
import global.cas.store.h2.H2ChainStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cas bench}: (a) raw Ed25519 verifications per second on all cores, (b) end-to-end
 * transfers per second committed by a devnet node in a temporary folder, and their ratio.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures Ed25519 verifications/s on all cores and transfers/s committed end to end",
            "(mempool -> 1 s blocks -> H2) by a devnet node in a temporary folder."
        })
public final class BenchCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Option(
            names = "--transfers",
            defaultValue = "200000",
            description = {
                "Measured transfers (default ${DEFAULT-VALUE}: ten full devnet blocks, so the figure is a steady"
                        + " state)."
            })
    private int transfers;

    @Option(
            names = "--warm-up",
            defaultValue = "20000",
            description = {
                "Transfers committed before the measured ones, not measured (default ${DEFAULT-VALUE}; 0 measures a"
                        + " cold start, as the bench did before 2026-12-02)."
            })
    private int warmUp;

    @Option(
            names = "--sync",
            paramLabel = "<blocks>",
            description = {
                "Instead: a devnet node makes <blocks> empty blocks, and a fresh node syncs them over the encrypted"
                        + " network on loopback; prints blocks per second."
            })
    private Integer syncBlocks;

    @Inject
    BenchCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (syncBlocks != null) {
            if (syncBlocks < 100 || syncBlocks > 1_000_000) {
                throw new picocli.CommandLine.ParameterException(
                        new picocli.CommandLine(this), "--sync must be between 100 and 1000000");
            }
            java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("cas-sync-bench");
            var r = new global.cas.bench.SyncBenchmark(tmp, syncBlocks, H2ChainStore::open).run();
            terminal.out()
                    .printf(
                            "sync over loopback: %d empty blocks in %.2f s = %.0f blocks/s%n",
                            r.blocks(), r.seconds(), r.blocksPerSecond());
            terminal.out().flush();
            return 0;
        }
        if (transfers < 1000 || transfers > 1_000_000) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--transfers must be between 1000 and 1000000");
        }
        if (warmUp < 0 || warmUp > 1_000_000) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--warm-up must be between 0 and 1000000");
        }
        java.io.PrintWriter sink = terminal.out();
        BenchmarkReport.run(transfers, warmUp, sink, H2ChainStore::open);
        sink.flush();
        return 0;
    }
}
