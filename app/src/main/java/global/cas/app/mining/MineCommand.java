package global.cas.app.mining;

import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.NodeConnection;
import global.cas.app.cli.RpcOption;
import global.cas.app.cli.Terminal;
import global.cas.app.wallet.WalletFileOption;
import global.cas.crypto.Address;
import global.cas.crypto.Bytes;
import global.cas.ledger.MiningProof;
import global.cas.ledger.Transaction;
import global.cas.mining.CpuMiner;
import global.cas.node.query.MiningWork;
import global.cas.rpc.RpcException;
import global.cas.rpc.RpcJson;
import global.cas.wallet.keys.Keystore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cas mine}: CPU mining against the running node. Polls {@code mining_work} every 200 ms
 * (so a new tip restarts the search), submits each proof with {@code tx_send} and prints one line
 * per proof: accepted, or the node's reason (a proof goes stale when the block was made before it
 * arrived). Runs until Ctrl-C, or until {@code --count} proofs were accepted.
 */
@Command(
        name = "mine",
        mixinStandardHelpOptions = true,
        description =
                "Mines proofs of work (S5) on the CPU for the running node; each accepted proof earns the miner's share of a block reward.")
public final class MineCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(200);

    private final Terminal terminal;
    private final Keystore keystore;

    @Mixin
    private CommonOptions common;

    @Mixin
    private RpcOption rpc;

    @Mixin
    private WalletFileOption wallet;

    @Option(
            names = "--threads",
            paramLabel = "<n>",
            defaultValue = "1",
            description = "Mining threads (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(
            names = "--address",
            paramLabel = "<address>",
            description = "Address the rewards go to (default: the wallet's first address).")
    private String address;

    @Option(
            names = "--count",
            paramLabel = "<n>",
            defaultValue = "0",
            description = "Stop after this many accepted proofs (default: never).")
    private long count;

    @Inject
    MineCommand(Terminal terminal, Keystore keystore) {
        this.terminal = terminal;
        this.keystore = keystore;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > 4 * cores) {
            throw CliException.usage("--threads takes 1 to " + 4 * cores + ", not " + threads + ".");
        }
        if (count < 0) {
            throw CliException.usage("--count cannot be negative.");
        }
        Address miner = address != null
                ? Address.parse(address, common.network())
                : wallet.open(keystore, common).info().allAddresses().get(0);
        PrintWriter out = terminal.out();
        long accepted = 0;
        long found = 0;
        try (NodeConnection.Connected node = NodeConnection.open(common, rpc);
                CpuMiner cpu = new CpuMiner(threads, miner)) {
            out.printf(
                    "Mining for %s on %d thread%s; Ctrl-C stops.%n",
                    miner.encode(common.network()), threads, threads == 1 ? "" : "s");
            out.flush();
            long started = System.nanoTime();
            long nextPoll = System.nanoTime();
            while (count == 0 || accepted < count) {
                if (System.nanoTime() - nextPoll >= 0) {
                    MiningWork work = RpcJson.readWork(node.rpc().call("mining_work"));
                    cpu.setWork(work);
                    nextPoll = System.nanoTime() + POLL.toNanos();
                }
                Optional<Transaction> proof =
                        cpu.nextProof(Duration.ofNanos(Math.max(1, nextPoll - System.nanoTime())));
                if (proof.isEmpty()) {
                    continue;
                }
                found++;
                Transaction p = proof.get();
                double seconds = (System.nanoTime() - started) / 1e9;
                String rate = String.format("%.2f MH/s on average", cpu.hashes() / seconds / 1e6);
                try {
                    node.rpc().call("tx_send", Map.of("raw", Bytes.hex(p.encoded())));
                    accepted++;
                    out.printf(
                            "proof for block %d accepted (nonce %s, %s)%n",
                            p.expiryHeight(), RpcJson.hex64(((MiningProof) p.action()).nonce()), rate);
                } catch (RpcException e) {
                    if (e.code() != RpcException.REJECTED) {
                        throw e;
                    }
                    out.printf("proof for block %d refused: %s: %s%n", p.expiryHeight(), e.reason(), e.detail());
                }
                out.flush();
            }
        }
        out.printf("%d proof%s found, %d accepted.%n", found, found == 1 ? "" : "s", accepted);
        out.flush();
        return 0;
    }
}
