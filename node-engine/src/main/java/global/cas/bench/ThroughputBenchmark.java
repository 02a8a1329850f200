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
import global.cas.wallet.keys.DevnetAccounts;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * End-to-end transfers per second through one devnet node: signed transfers are submitted to the
 * mempool (signatures verified in parallel), packed into 1 s blocks and committed to H2; the rate
 * is transfers committed divided by the time from the first submission to the last commit.
 *
 * <p>The setup first gives each measured transfer a coin of its own: the faucets' outputs are split
 * again and again (at most {@value #FAN} outputs a split, as many rounds as the count needs), so any
 * count works. Every transfer the benchmark makes, setup or measured, is built and signed by {@link
 * #transfer}, the one place to change when the transaction format changes. Not thread-safe: one run
 * at a time.
 */
public final class ThroughputBenchmark {
    /** The measured transfers' fee: one input, two outputs. */
    private static final long FEE = 4_000;

    /** Most outputs one setup split makes ({@code Transaction.MAX_OUTPUTS}). */
    private static final int FAN = 1000;

    /** Keys the coins are spread over. */
    private static final int OWNERS = 1000;

    private static final int SUBMIT_BATCH = 2_000;

    /** Fewer blocks of transfers than this measure the start and the end more than the steady state. */
    public static final int STEADY_STATE_BLOCKS = 10;

    private final Path dataDir;
    private final int transfers;
    /**
     * Transfers committed before the measured ones, made and committed the same way, so that the
     * measured run sees compiled code (the JIT still spent a third of a core compiling during the
     * first 100,000 transfers without it) and the steady state is what is measured; 0 for none.
     */
    private final int warmUp;

    private final java.io.PrintWriter log;
    private final java.util.function.Function<Path, ChainStore> stores;

    public ThroughputBenchmark(
            Path dataDir,
            int transfers,
            int warmUp,
            java.io.PrintWriter log,
            java.util.function.Function<Path, ChainStore> stores) {
        this.dataDir = dataDir;
        this.transfers = transfers;
        this.warmUp = warmUp;
        this.log = log;
        this.stores = stores;
    }

    /** The measured run. */
    public record Result(
            int transfers,
            double seconds,
            long blocks,
            double perSecond,
            double admittedSeconds,
            String timeline,
            Map<String, Long> cpuNanos,
            long gcMillis) {
        /** Microseconds of CPU a transfer in {@code group} of {@link CpuBreakdown}. */
        public double cpuMicros(String group) {
            return cpuNanos.getOrDefault(group, 0L) / 1e3 / transfers;
        }
    }

    /** A block of measured transfers: when its commit was announced and how many it held. */
    private record Committed(long nanos, int transactions) {}

    /** A coin and the key that spends it. */
    private record Coin(UnspentOutput output, KeyPair owner) {}

    /** A submitted transaction and how many outputs it creates. */
    private record Made(Transaction tx, int outputs) {}

    public Result run() throws Exception {
        ChainParams params = Genesis.bundled(Network.DEVNET);
        DevnetAccounts devnet = new DevnetAccounts();
        // the whole run sits in the mempool at once: the setup's last round, then every measured transfer
        int needed = transfers + warmUp;
        int capacity = Math.max(400_000, needed + OWNERS);
        NodeConfig config = new NodeConfig(
                dataDir, params, Optional.of(devnet.validatorKey()), capacity, params.blockIntervalMillis());
        SecureRandom random = new SecureRandom();
        List<KeyPair> keys =
                IntStream.range(0, OWNERS).mapToObj(i -> KeyPair.random(random)).toList();
        try (Node node = Node.start(config, stores)) {
            String chain = params.chainId();
            long expiry = node.tip().height() + 10_000;
            List<Coin> coins = new ArrayList<>();
            for (KeyPair f : devnet.faucetKeys()) {
                coins.add(new Coin(node.spendableOutputs(f.address()).get(0), f));
            }
            // each round splits every coin in up to FAN, until there is one coin per measured transfer
            int rounds = 0;
            while (coins.size() < needed) {
                int fan = Math.min(FAN, (needed + coins.size() - 1) / coins.size());
                long splitFee = params.minFeePerByte() * (300L + 80L * fan);
                List<Made> splits = new ArrayList<>();
                int next = rounds * 7;
                for (Coin c : coins) {
                    long each = (c.output().output().amount() - splitFee) / fan;
                    List<TxOutput> outs = new ArrayList<>(fan);
                    for (int i = 0; i < fan; i++) {
                        outs.add(new TxOutput(keys.get(next++ % OWNERS).address(), AssetId.CAS, each));
                    }
                    long fee = c.output().output().amount() - each * fan;
                    splits.add(new Made(transfer(chain, expiry, c, outs, fee), fan));
                }
                coins = settle(node, splits, ownerOf(keys));
                rounds++;
            }
            log.printf(
                    "setup: %d coins ready at height %d (%d rounds of splits)%n",
                    coins.size(), node.tip().height(), rounds);
            log.flush();
            // warm-up and measured transfers, signed in advance (in parallel: signing is not what is measured)
            List<Transaction> warmUps = payments(chain, expiry, coins.subList(transfers, needed), keys);
            List<Transaction> measured = payments(chain, expiry, coins.subList(0, transfers), keys);
            if (!warmUps.isEmpty()) {
                long warmStart = System.nanoTime();
                settle(node, warmUps.stream().map(t -> new Made(t, 0)).toList(), Map.of());
                log.printf(
                        "warm-up: %d transfers committed in %.2f s, up to height %d (not measured)%n",
                        warmUps.size(),
                        (System.nanoTime() - warmStart) / 1e9,
                        node.tip().height());
                log.flush();
            }
            AtomicLong committed = new AtomicLong();
            AtomicLong blocks = new AtomicLong();
            AtomicLong lastCommitNanos = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            List<Committed> timeline = java.util.Collections.synchronizedList(new ArrayList<>());
            AutoCloseable sub = node.subscribe(e -> {
                if (e instanceof NodeEvent.BlockCommitted b && b.transactions() > 0) {
                    blocks.incrementAndGet();
                    lastCommitNanos.set(System.nanoTime());
                    timeline.add(new Committed(System.nanoTime(), b.transactions()));
                    if (committed.addAndGet(b.transactions()) >= transfers) {
                        done.countDown();
                    }
                }
            });
            try {
                CpuBreakdown cpu = CpuBreakdown.start();
                long gcBefore = gcMillis();
                long start = System.nanoTime();
                for (int i = 0; i < transfers; i += SUBMIT_BATCH) {
                    List<Mempool.Admission> r =
                            node.submitAll(measured.subList(i, Math.min(transfers, i + SUBMIT_BATCH)));
                    for (Mempool.Admission a : r) {
                        if (!a.accepted()) {
                            throw new IllegalStateException("a benchmark transfer was rejected: "
                                    + a.rejection().orElseThrow().getMessage());
                        }
                    }
                }
                long admitted = System.nanoTime();
                if (!done.await(30, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("transfers not committed within 30 minutes");
                }
                double seconds = (lastCommitNanos.get() - start) / 1e9;
                Map<String, Long> used = cpu.stop();
                long gc = gcMillis() - gcBefore;
                StringBuilder line = new StringBuilder();
                synchronized (timeline) {
                    for (Committed c : timeline) {
                        line.append(String.format(
                                "%s%.2f %d", line.isEmpty() ? "" : ", ", (c.nanos() - start) / 1e9, c.transactions()));
                    }
                }
                return new Result(
                        transfers,
                        seconds,
                        blocks.get(),
                        transfers / seconds,
                        (admitted - start) / 1e9,
                        line.toString(),
                        used,
                        gc);
            } finally {
                sub.close();
            }
        }
    }

    /** One payment per coin to a random key, change back to its owner, signed on all cores. */
    private static List<Transaction> payments(String chain, long expiry, List<Coin> coins, List<KeyPair> keys) {
        return IntStream.range(0, coins.size())
                .parallel()
                .mapToObj(i -> {
                    Coin c = coins.get(i);
                    Address to = keys.get(java.util.concurrent.ThreadLocalRandom.current()
                                    .nextInt(OWNERS))
                            .address();
                    long amount = c.output().output().amount();
                    long pay = amount / 3;
                    List<TxOutput> outs = List.of(
                            new TxOutput(to, AssetId.CAS, pay),
                            new TxOutput(c.owner().address(), AssetId.CAS, amount - pay - FEE));
                    return transfer(chain, expiry, c, outs, FEE);
                })
                .toList();
    }

    /**
     * Builds and signs a transfer spending {@code coin} into {@code outputs}, paying {@code fee}: the
     * only place the benchmark makes a transaction, so a new transaction format changes only this.
     */
    private static Transaction transfer(String chain, long expiry, Coin coin, List<TxOutput> outputs, long fee) {
        return Transfer.unsigned(chain, expiry, List.of(coin.output().ref()), outputs, fee)
                .sign(List.of(coin.owner()));
    }

    /** Milliseconds the collectors have spent so far (their own accounting: pauses and concurrent work). */
    private static long gcMillis() {
        long ms = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    private static Map<Address, KeyPair> ownerOf(List<KeyPair> keys) {
        Map<Address, KeyPair> m = new HashMap<>();
        for (KeyPair k : keys) {
            m.put(k.address(), k);
        }
        return m;
    }

    /** Submits, waits until all are committed, and returns the coins they created. */
    private List<Coin> settle(Node node, List<Made> made, Map<Address, KeyPair> owners) throws InterruptedException {
        List<Transaction> txs = made.stream().map(Made::tx).toList();
        for (int i = 0; i < txs.size(); i += SUBMIT_BATCH) {
            for (Mempool.Admission a : node.submitAll(txs.subList(i, Math.min(txs.size(), i + SUBMIT_BATCH)))) {
                if (!a.accepted()) {
                    throw new IllegalStateException("setup transfer rejected: "
                            + a.rejection().orElseThrow().getMessage());
                }
            }
        }
        // stored first, then applied in memory: wait until the tip has moved past the highest one too
        long highest = -1;
        for (Transaction t : txs) {
            Optional<global.cas.chain.StoredTransaction> stored;
            while ((stored = node.transaction(t.id())).isEmpty()) {
                Thread.sleep(100);
            }
            highest = Math.max(highest, stored.get().height());
        }
        while (node.tip().height() < highest) {
            Thread.sleep(50);
        }
        List<Coin> out = new ArrayList<>();
        for (Made m : made) {
            for (int i = 0; i < m.outputs(); i++) {
                node.chain()
                        .state()
                        .unspent(new OutputRef(m.tx().id(), i))
                        .ifPresent(
                                u -> out.add(new Coin(u, owners.get(u.output().owner()))));
            }
        }
        return out;
    }
}
