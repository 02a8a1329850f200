package global.cas.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.wallet.keys.DevnetAccounts;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The localnet benchmark's coins and transfers, over one node's JSON-RPC: the genesis allocations
 * of the devnet faucet keys (the public test phrase's, which a localnet genesis keeps) split in one
 * or two rounds (at most {@value #FAN} outputs a split) into one coin a transfer over {@value
 * #OWNERS} new keys, each split round committed before the next; then one transfer a coin, a
 * payment and its change (one input, two outputs, as {@code ThroughputBenchmark}'s), signed on all
 * cores. Amounts are integers. Not thread-safe.
 */
final class LocalnetCoins {
    private static final long FEE = 4_000;
    private static final int FAN = 1000;
    private static final int OWNERS = 1000;
    private static final int BATCH_BYTES = 400_000;

    /** A coin and the key that spends it. */
    record Coin(OutputRef ref, long amount, KeyPair owner) {}

    private final BatchRpc rpc;
    private final Network network;
    private final List<KeyPair> keys;
    private final Map<Address, KeyPair> owners = new HashMap<>();
    private String chain = "";
    private long expiry;
    private int rounds;

    LocalnetCoins(BatchRpc rpc, Network network) {
        this.rpc = rpc;
        this.network = network;
        SecureRandom random = new SecureRandom();
        this.keys =
                IntStream.range(0, OWNERS).mapToObj(i -> KeyPair.random(random)).toList();
        keys.forEach(k -> owners.put(k.address(), k));
    }

    /** At least {@code needed} coins, committed. */
    List<Coin> prepare(int needed) throws Exception {
        JsonNode info = rpc.call("chain_info", Map.of());
        chain = info.path("chainId").asText();
        expiry = info.path("height").asLong() + 1_000_000;
        List<Coin> coins = faucetCoins();
        while (coins.size() < needed) {
            int fan = coins.size() * (long) FAN >= needed
                    ? ceilDiv(needed, coins.size())
                    : (int) Math.ceil(Math.sqrt((double) needed / coins.size()));
            coins = split(coins, Math.min(FAN, fan));
            rounds++;
        }
        return coins;
    }

    /** The rounds of splits {@link #prepare} made. */
    int rounds() {
        return rounds;
    }

    /** The genesis allocations of the devnet faucet keys, one coin each. */
    private List<Coin> faucetCoins() throws Exception {
        List<Coin> coins = new ArrayList<>();
        for (KeyPair f : new DevnetAccounts().faucetKeys()) {
            JsonNode outs = rpc.call(
                            "address_outputs", Map.of("address", f.address().encode(network)))
                    .path("outputs");
            for (JsonNode o : outs) {
                if (o.path("asset").asText().equals(AssetId.CAS.toString())) {
                    coins.add(new Coin(
                            new OutputRef(
                                    Hash.fromHex(o.path("txId").asText()),
                                    o.path("index").asInt()),
                            o.path("amount").asLong(),
                            f));
                }
            }
        }
        if (coins.isEmpty()) {
            throw new IllegalStateException("the localnet's genesis gives the devnet faucet keys no coins");
        }
        return coins;
    }

    /** Splits every coin into {@code fan} outputs over {@code keys}, waits until committed, returns them. */
    private List<Coin> split(List<Coin> coins, int fan) throws Exception {
        long splitFee = 10L * (300L + 80L * fan);
        List<Transaction> splits = new ArrayList<>();
        int next = ThreadLocalRandom.current().nextInt(OWNERS);
        for (Coin c : coins) {
            long each = (c.amount() - splitFee) / fan;
            List<TxOutput> outs = new ArrayList<>(fan);
            for (int i = 0; i < fan; i++) {
                outs.add(new TxOutput(keys.get(next++ % OWNERS).address(), AssetId.CAS, each));
            }
            splits.add(transfer(c, outs, c.amount() - each * fan));
        }
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        boolean[] accepted = new boolean[splits.size()];
        int from = 0;
        while (from < splits.size()) {
            int to = from;
            int bytes = 0;
            while (to < splits.size() && to - from < LocalnetBenchmark.SUBMIT_BATCH && bytes < BATCH_BYTES) {
                bytes += 2 * splits.get(to).size();
                to++;
            }
            LocalnetBenchmark.send(rpc, splits, from, to, accepted, refused);
            from = to;
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("setup splits refused: " + refused);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        List<String> pending =
                new ArrayList<>(splits.stream().map(t -> t.id().hex()).toList());
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " setup splits not committed within 5 minutes");
            }
            List<String> still = new ArrayList<>();
            for (int i = 0; i < pending.size(); i += LocalnetBenchmark.SUBMIT_BATCH) {
                List<String> part = pending.subList(i, Math.min(pending.size(), i + LocalnetBenchmark.SUBMIT_BATCH));
                List<BatchRpc.Answer> a = rpc.batch(
                        "chain_transaction",
                        part.stream().map(id -> Map.of("id", id)).toList());
                for (int j = 0; j < part.size(); j++) {
                    if (!a.get(j).ok()
                            || !a.get(j).result().path("status").asText().equals("committed")) {
                        still.add(part.get(j));
                    }
                }
            }
            pending = still;
            if (!pending.isEmpty()) {
                Thread.sleep(200);
            }
        }
        List<Coin> out = new ArrayList<>();
        for (Transaction t : splits) {
            for (int i = 0; i < t.outputs().size(); i++) {
                TxOutput o = t.outputs().get(i);
                out.add(new Coin(new OutputRef(t.id(), i), o.amount(), owners.get(o.owner())));
            }
        }
        return out;
    }

    /** One payment per coin to a random key, change back to its owner, signed on all cores. */
    List<Transaction> payments(List<Coin> coins) {
        return IntStream.range(0, coins.size())
                .parallel()
                .mapToObj(i -> {
                    Coin c = coins.get(i);
                    Address to = keys.get(ThreadLocalRandom.current().nextInt(OWNERS))
                            .address();
                    long pay = c.amount() / 3;
                    List<TxOutput> outs = List.of(
                            new TxOutput(to, AssetId.CAS, pay),
                            new TxOutput(c.owner().address(), AssetId.CAS, c.amount() - pay - FEE));
                    return transfer(c, outs, FEE);
                })
                .toList();
    }

    private Transaction transfer(Coin coin, List<TxOutput> outputs, long fee) {
        return Transfer.unsigned(chain, expiry, List.of(coin.ref()), outputs, fee)
                .sign(List.of(coin.owner()));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
