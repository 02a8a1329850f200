package global.cas.bench;

import global.cas.chain.ChainParams;
import global.cas.chain.Genesis;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.node.BlockProducer;
import global.cas.node.NetworkSettings;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.node.consensus.ConsensusBlockProducer;
import global.cas.store.ChainStore;
import global.cas.wallet.keys.DevnetAccounts;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How fast a fresh node catches up over the real network. A devnet validator node's chain is made
 * first: {@code blocks} empty blocks, or (with {@link #withTransfers}) full blocks of signed
 * transfers as {@link ThroughputBenchmark} commits them. Then that node serves it over loopback to
 * a new node without a key, which checks each block's commit, executes it (every transfer's
 * signatures included) and commits it. Measured from the follower's start to its tip reaching the
 * source's.
 */
public final class SyncBenchmark {
    /** A pause between heights long enough that the validator makes no block while it serves. */
    private static final long IDLE_INTERVAL = 3_600_000;

    private final Path dir;
    private final int blocks;
    private final int transfers;
    private final Function<Path, ChainStore> stores;

    /** Empty blocks. */
    public SyncBenchmark(Path dir, int blocks, Function<Path, ChainStore> stores) {
        this(dir, blocks, 0, stores);
    }

    private SyncBenchmark(Path dir, int blocks, int transfers, Function<Path, ChainStore> stores) {
        this.dir = dir;
        this.blocks = blocks;
        this.transfers = transfers;
        this.stores = stores;
    }

    /** Full blocks: {@code transfers} signed transfers (and the splits that make their coins). */
    public static SyncBenchmark withTransfers(Path dir, int transfers, Function<Path, ChainStore> stores) {
        return new SyncBenchmark(dir, 0, transfers, stores);
    }

    /** What the follower synced: blocks and the transactions in them, in how many seconds. */
    public record Result(long blocks, long transactions, double seconds) {
        public double blocksPerSecond() {
            return blocks / seconds;
        }

        public double transactionsPerSecond() {
            return transactions / seconds;
        }
    }

    public Result run() throws Exception {
        ChainParams params = Genesis.bundled(Network.DEVNET);
        KeyPair validator = new DevnetAccounts().validatorKey();
        Path source = dir.resolve("source");
        NodeConfig sourceConfig = new NodeConfig(source, params, Optional.of(validator), 10_000, IDLE_INTERVAL);
        if (transfers > 0) {
            new ThroughputBenchmark(source, transfers, 0, new java.io.PrintWriter(java.io.Writer.nullWriter()), stores)
                    .run();
        } else {
            try (Node maker = Node.builder(sourceConfig)
                    .store(stores)
                    .producers(BlockProducer.Factory.NONE)
                    .start()) {
                long t = params.genesisTime();
                for (int i = 0; i < blocks; i++) {
                    t += 1_000;
                    maker.chain().produce(validator, t).join();
                }
            }
        }
        try (Node server = Node.builder(sourceConfig)
                .store(stores)
                .producers(ConsensusBlockProducer.FACTORY)
                .network(NetworkSettings.of("127.0.0.1", 0, List.of(), false))
                .start()) {
            long tip = server.tip().height();
            long transactions = 0;
            for (long h = 1; h <= tip; h++) {
                transactions += server.block(h).orElseThrow().transactions().size();
            }
            int port = server.peerNetwork()
                    .orElseThrow()
                    .listenAddress()
                    .orElseThrow()
                    .getPort();
            NodeConfig followerConfig =
                    new NodeConfig(dir.resolve("follower"), params, Optional.empty(), 10_000, IDLE_INTERVAL);
            long start = System.nanoTime();
            try (Node follower = Node.builder(followerConfig)
                    .store(stores)
                    .producers(ConsensusBlockProducer.FACTORY)
                    .network(NetworkSettings.of(
                            "127.0.0.1", 0, List.of(new InetSocketAddress("127.0.0.1", port)), false))
                    .start()) {
                long deadline = System.nanoTime() + 600_000_000_000L;
                while (follower.tip().height() < tip) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the follower did not reach block " + tip + " in 10 minutes"
                                + " (at " + follower.tip().height() + ")");
                    }
                    Thread.sleep(5);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Result(tip, transactions, seconds);
            }
        }
    }
}
