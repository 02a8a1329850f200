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
            description = {
                "Measured transfers (default 200000: ten full devnet blocks, so the figure is a steady state; with"
                        + " --localnet 60000, the saturating load)."
            })
    private Integer transfers;

    @Option(
            names = "--warm-up",
            description = {
                "Transfers committed before the measured ones, not measured (default 20000; 0"
                        + " measures a cold start, as the bench did before 2026-12-02)."
            })
    private Integer warmUp;

    @Option(
            names = "--sync",
            paramLabel = "<blocks>",
            description = {
                "Instead: a devnet node makes <blocks> empty blocks, and a fresh node syncs them over the encrypted"
                        + " network on loopback; prints blocks per second."
            })
    private Integer syncBlocks;

    @Option(
            names = "--sync-transfers",
            paramLabel = "<transfers>",
            description = {
                "Instead: a devnet node commits <transfers> signed transfers in full 1 s blocks (as the default"
                        + " bench does), and a fresh node syncs them over the encrypted network on loopback, checking"
                        + " every signature; prints transactions and blocks per second."
            })
    private Integer syncTransfers;

    @Option(
            names = "--localnet",
            paramLabel = "<validators>",
            description = {
                "Instead: a new localnet of <validators> validator processes (1 to 16) in a temporary folder, loaded"
                        + " over JSON-RPC: committed transfers/s under a saturating load (--transfers), then finality"
                        + " p50/p99 at an offered load (--offered-rate for --offered-seconds)."
            })
    private Integer localnetValidators;

    @Option(
            names = "--offered-rate",
            paramLabel = "<transfers/s>",
            defaultValue = "1000",
            description = "With --localnet: the offered load of the finality run (default ${DEFAULT-VALUE}/s).")
    private int offeredRate;

    @Option(
            names = "--offered-seconds",
            paramLabel = "<s>",
            defaultValue = "25",
            description = "With --localnet: how long the offered load runs (default ${DEFAULT-VALUE} s).")
    private int offeredSeconds;

    @Option(
            names = "--block-interval-ms",
            paramLabel = "<ms>",
            defaultValue = "200",
            description = "With --localnet: the pause between heights of the nodes (default ${DEFAULT-VALUE} ms).")
    private long blockIntervalMillis;

    @Option(
            names = "--max-block-transactions",
            paramLabel = "<n>",
            description =
                    "With --localnet: the localnet genesis's cap on transactions a block (default: the devnet's).")
    private Integer maxBlockTransactions;

    @Option(
            names = "--node-jvm-option",
            paramLabel = "<option>",
            description = "With --localnet, repeatable: a Java option of each node process instead of the localnet's"
                    + " (-Xmx1g -XX:+UseParallelGC -XX:+UseCompactObjectHeaders), e.g. --node-jvm-option=-Xmx2g"
                    + " --node-jvm-option=-XX:+UseSerialGC.")
    private java.util.List<String> nodeJvmOptions;

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
        if (syncTransfers != null) {
            if (syncTransfers < 1_000 || syncTransfers > 1_000_000) {
                throw new picocli.CommandLine.ParameterException(
                        new picocli.CommandLine(this), "--sync-transfers must be between 1000 and 1000000");
            }
            java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("cas-sync-bench");
            var r = global.cas.bench.SyncBenchmark.withTransfers(tmp, syncTransfers, H2ChainStore::open)
                    .run();
            terminal.out()
                    .printf(
                            "sync over loopback: %d blocks holding %d transactions in %.2f s = %.0f transactions/s"
                                    + " (%.1f blocks/s)%n",
                            r.blocks(), r.transactions(), r.seconds(), r.transactionsPerSecond(), r.blocksPerSecond());
            terminal.out().flush();
            return 0;
        }
        if (localnetValidators != null) {
            return localnet();
        }
        int transfers = this.transfers == null ? 200_000 : this.transfers;
        if (transfers < 1000 || transfers > 1_000_000) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--transfers must be between 1000 and 1000000");
        }
        int warmUp = this.warmUp == null ? 20_000 : this.warmUp;
        if (warmUp < 0 || warmUp > 1_000_000) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--warm-up must be between 0 and 1000000");
        }
        java.io.PrintWriter sink = terminal.out();
        BenchmarkReport.run(transfers, warmUp, sink, H2ChainStore::open);
        sink.flush();
        return 0;
    }

    private int localnet() throws Exception {
        int transfers = this.transfers == null ? 60_000 : this.transfers;
        int warmUp = this.warmUp == null ? 20_000 : this.warmUp;
        picocli.CommandLine cl = new picocli.CommandLine(this);
        if (localnetValidators < 1 || localnetValidators > global.cas.app.localnet.Localnet.MAX_VALIDATORS) {
            throw new picocli.CommandLine.ParameterException(cl, "--localnet takes 1 to 16 validators");
        }
        if (transfers < 1000 || transfers > 1_000_000) {
            throw new picocli.CommandLine.ParameterException(cl, "--transfers must be between 1000 and 1000000");
        }
        if (warmUp < 0 || warmUp > 1_000_000) {
            throw new picocli.CommandLine.ParameterException(cl, "--warm-up must be between 0 and 1000000");
        }
        if (offeredRate < 1 || offeredRate > 100_000 || offeredSeconds < 1 || offeredSeconds > 3600) {
            throw new picocli.CommandLine.ParameterException(
                    cl, "--offered-rate takes 1 to 100000 and --offered-seconds 1 to 3600");
        }
        if (blockIntervalMillis < 10 || blockIntervalMillis > 60_000) {
            throw new picocli.CommandLine.ParameterException(cl, "--block-interval-ms takes 10 to 60000");
        }
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("cas-localnet-bench");
        java.io.PrintWriter sink = terminal.out();
        new LocalnetBenchmark(
                        tmp,
                        new LocalnetBenchmark.Settings(
                                localnetValidators,
                                warmUp,
                                transfers,
                                offeredRate,
                                offeredSeconds,
                                blockIntervalMillis,
                                maxBlockTransactions == null
                                        ? java.util.OptionalInt.empty()
                                        : java.util.OptionalInt.of(maxBlockTransactions),
                                nodeJvmOptions == null
                                        ? global.cas.app.localnet.Localnet.DEFAULT_JVM_OPTIONS
                                        : java.util.List.copyOf(nodeJvmOptions)),
                        sink)
                .run();
        try (var files = java.nio.file.Files.walk(tmp)) {
            for (java.nio.file.Path p :
                    files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
        sink.flush();
        return 0;
    }
}
