package global.cas.bench;

import global.cas.chain.ChainParams;
import global.cas.chain.Genesis;
import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.mempool.Mempool;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.node.NodeEvent;
import global.cas.store.ChainStore;
import global.cas.wallet.DevnetAccounts;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * End-to-end transfers per second through one devnet node: signed transfers are submitted to the
 * mempool (signatures verified in parallel), packed into 1 s blocks and committed to H2; the rate
 * is transfers committed divided by the time from the first submission to the last commit.
 */
public final class ThroughputBenchmark {
    private static final long FEE = 4_000;
    private static final int FAN = 1000;

    private final Path dataDir;
    private final int transfers;
    private final java.io.PrintWriter log;
    private final java.util.function.Function<Path, ChainStore> stores;

    public ThroughputBenchmark(
            Path dataDir,
            int transfers,
            java.io.PrintWriter log,
            java.util.function.Function<Path, ChainStore> stores) {
        this.dataDir = dataDir;
        this.transfers = transfers;
        this.log = log;
        this.stores = stores;
    }

    /** The measured run. */
    public record Result(int transfers, double seconds, long blocks, double perSecond) {}

    public Result run() throws Exception {
        ChainParams params = Genesis.bundled(Network.DEVNET);
        DevnetAccounts devnet = new DevnetAccounts();
        NodeConfig config = new NodeConfig(
                dataDir, params, Optional.of(devnet.validatorKey()), 400_000, params.blockIntervalMillis());
        SecureRandom random = new SecureRandom();
        List<KeyPair> keys =
                IntStream.range(0, 1000).mapToObj(i -> KeyPair.random(random)).toList();
        try (Node node = Node.start(config, stores)) {
            String chain = params.chainId();
            long expiry = node.tip().height() + 10_000;
            // round 1: each faucet key splits its allocation into 1000 outputs
            List<Transaction> round1 = new ArrayList<>();
            int perFaucet = Math.min(FAN, Math.max(1, (transfers / 5 + 9) / 10));
            for (KeyPair f : devnet.faucetKeys()) {
                UnspentOutput u = node.spendableOutputs(f.address()).get(0);
                long each = (u.output().amount() - 1_000_000) / perFaucet;
                List<TxOutput> outs = new ArrayList<>();
                for (int i = 0; i < perFaucet; i++) {
                    outs.add(new TxOutput(
                            keys.get((round1.size() * perFaucet + i) % keys.size())
                                    .address(),
                            AssetId.CAS,
                            each));
                }
                long fee = u.output().amount() - each * perFaucet;
                round1.add(Transfer.unsigned(chain, expiry, List.of(u.ref()), outs, fee)
                        .sign(List.of(f)));
            }
            List<UnspentOutput> coins = settle(node, round1);
            // round 2: each coin splits in five, giving the measured transfers one input each
            List<Transaction> round2 = new ArrayList<>();
            for (UnspentOutput u : coins) {
                long each = (u.output().amount() - FEE) / 5;
                List<TxOutput> outs = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    outs.add(new TxOutput(u.output().owner(), AssetId.CAS, each));
                }
                long fee = u.output().amount() - each * 5;
                round2.add(Transfer.unsigned(chain, expiry, List.of(u.ref()), outs, fee)
                        .sign(List.of(keyOf(keys, u.output().owner()))));
            }
            List<UnspentOutput> inputs = settle(node, round2);
            if (inputs.size() < transfers) {
                throw new IllegalStateException("setup made only " + inputs.size() + " coins");
            }
            log.printf(
                    "setup: %d coins ready at height %d%n",
                    inputs.size(), node.tip().height());
            log.flush();
            // the measured transfers, signed in advance
            List<Transaction> measured = new ArrayList<>(transfers);
            for (int i = 0; i < transfers; i++) {
                UnspentOutput u = inputs.get(i);
                Address to = keys.get(random.nextInt(keys.size())).address();
                long pay = u.output().amount() / 3;
                List<TxOutput> outs = List.of(
                        new TxOutput(to, AssetId.CAS, pay),
                        new TxOutput(u.output().owner(), AssetId.CAS, u.output().amount() - pay - FEE));
                measured.add(Transfer.unsigned(chain, expiry, List.of(u.ref()), outs, FEE)
                        .sign(List.of(keyOf(keys, u.output().owner()))));
            }
            AtomicLong committed = new AtomicLong();
            AtomicLong blocks = new AtomicLong();
            AtomicLong lastCommitNanos = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            AutoCloseable sub = node.subscribe(e -> {
                if (e instanceof NodeEvent.BlockCommitted b && b.transactions() > 0) {
                    blocks.incrementAndGet();
                    lastCommitNanos.set(System.nanoTime());
                    if (committed.addAndGet(b.transactions()) >= transfers) {
                        done.countDown();
                    }
                }
            });
            try {
                long start = System.nanoTime();
                for (int i = 0; i < transfers; i += 2_000) {
                    List<Mempool.Admission> r = node.submitAll(measured.subList(i, Math.min(transfers, i + 2_000)));
                    for (Mempool.Admission a : r) {
                        if (!a.accepted()) {
                            throw new IllegalStateException("a benchmark transfer was rejected: "
                                    + a.rejection().orElseThrow().getMessage());
                        }
                    }
                }
                if (!done.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("transfers not committed within 10 minutes");
                }
                double seconds = (lastCommitNanos.get() - start) / 1e9;
                return new Result(transfers, seconds, blocks.get(), transfers / seconds);
            } finally {
                sub.close();
            }
        }
    }

    private static KeyPair keyOf(List<KeyPair> keys, Address owner) {
        for (KeyPair k : keys) {
            if (k.address().equals(owner)) {
                return k;
            }
        }
        throw new IllegalStateException("no key for " + owner);
    }

    /** Submits, waits until all are committed, and returns the outputs they created. */
    private List<UnspentOutput> settle(Node node, List<Transaction> txs) throws InterruptedException {
        for (Mempool.Admission a : node.submitAll(txs)) {
            if (!a.accepted()) {
                throw new IllegalStateException("setup transfer rejected: "
                        + a.rejection().orElseThrow().getMessage());
            }
        }
        while (true) {
            long highest = -1;
            for (Transaction t : txs) {
                var stored = node.transaction(t.id());
                if (stored.isEmpty()) {
                    highest = -1;
                    break;
                }
                highest = Math.max(highest, stored.get().height());
            }
            // stored first, then applied in memory: wait until the tip has moved past them too
            if (highest >= 0 && node.tip().height() >= highest) {
                break;
            }
            Thread.sleep(100);
        }
        List<UnspentOutput> out = new ArrayList<>();
        for (Transaction t : txs) {
            for (int i = 0; i < t.outputs().size(); i++) {
                node.chain().state().unspent(new OutputRef(t.id(), i)).ifPresent(out::add);
            }
        }
        return out;
    }
}
