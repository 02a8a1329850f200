package global.cas.network;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import global.cas.mempool.Mempool;
import global.cas.p2p.Channel;
import global.cas.p2p.DisconnectReason;
import global.cas.p2p.NodeId;
import global.cas.p2p.PeerEvent;
import global.cas.p2p.PeerNetwork;
import global.cas.rejection.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads transactions between mempools: each one admitted here (from the wallet or from a peer)
 * goes, in batches, to every peer not known to have it; each batch from a peer goes through the
 * mempool's full checks. A batch that does not decode, or a transaction whose signature or form no
 * honest node would relay, disconnects and bans the sender; a transaction refused for the state
 * (spent meanwhile, expired, pool full) is simply dropped, as honest nodes can differ there. One
 * thread does the work; thread-safe.
 */
public final class TransactionGossip implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionGossip.class);

    /** Transactions per batch, at most. */
    public static final int MAX_BATCH = 500;

    /** Ids remembered per peer as known to it (sent or received). */
    static final int KNOWN_PER_PEER = 20_000;

    static final long FLUSH_MILLIS = 50;

    /** Reasons no honest relay causes: the transaction was broken when it was sent. */
    private static final Set<Reason> DISHONEST =
            Set.of(Reason.BAD_SIGNATURE, Reason.MALFORMED, Reason.OVERSIZE, Reason.WRONG_CHAIN);

    private final PeerNetwork network;
    private final Function<List<Transaction>, List<Mempool.Admission>> submit;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cas-tx-gossip");
        t.setDaemon(true);
        return t;
    });
    private final Map<NodeId, Known> known = new ConcurrentHashMap<>();
    private final List<Transaction> outbox = new ArrayList<>();

    /** A bounded set of ids, oldest forgotten first. Gossip thread only. */
    private static final class Known extends LinkedHashMap<Hash, Boolean> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
            return size() > KNOWN_PER_PEER;
        }
    }

    /**
     * @param submit admits a batch to the mempool (the node's {@code submitAll}), one admission per
     *     transaction in order
     */
    public TransactionGossip(PeerNetwork network, Function<List<Transaction>, List<Mempool.Admission>> submit) {
        this.network = network;
        this.submit = submit;
        network.onMessage((from, channel, body) -> {
            if (channel == Channel.TRANSACTIONS) {
                thread.execute(() -> received(from, body));
            }
        });
        network.onPeer(e -> {
            if (e instanceof PeerEvent.Disconnected d) {
                thread.execute(() -> known.remove(d.id()));
            }
        });
        thread.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A transaction the mempool admitted: it goes to the peers in the next batch. Any thread. */
    public void admitted(Transaction tx) {
        try {
            thread.execute(() -> outbox.add(tx));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the node is stopping: the transaction stays in this node's mempool, unsent
        }
    }

    /** Encodes a batch as it travels. */
    public static byte[] encode(List<Transaction> txs) {
        Encoder e = new Encoder(txs.size() * 300 + 8);
        e.list(txs, Transaction::write);
        return e.toBytes();
    }

    /** Decodes a batch, at most {@link #MAX_BATCH} transactions and nothing after them. */
    public static List<Transaction> decode(byte[] body) {
        Decoder d = new Decoder(body);
        List<Transaction> txs = d.list(MAX_BATCH, Transaction::read);
        d.finish();
        return txs;
    }

    private void received(NodeId from, byte[] body) {
        List<Transaction> txs;
        try {
            txs = decode(body);
        } catch (RuntimeException e) {
            LOG.info("peer {} sent a transaction batch that does not decode: {}", from.shortId(), e.getMessage());
            network.disconnect(from, DisconnectReason.MALFORMED_MESSAGE);
            return;
        }
        Known k = known.computeIfAbsent(from, id -> new Known());
        for (Transaction tx : txs) {
            k.put(tx.id(), Boolean.TRUE);
        }
        List<Mempool.Admission> admissions = submit.apply(txs);
        for (Mempool.Admission a : admissions) {
            if (a.rejection().isPresent()
                    && DISHONEST.contains(a.rejection().get().reason())) {
                LOG.info(
                        "peer {} relayed transaction {} that no honest node relays: {}",
                        from.shortId(),
                        a.id(),
                        a.rejection().get().getMessage());
                network.disconnect(from, DisconnectReason.INVALID_MESSAGE);
                return;
            }
        }
    }

    private void flush() {
        try {
            send();
        } catch (RuntimeException e) {
            LOG.error("transaction gossip failed; it goes on with the next batch", e);
        }
    }

    private void send() {
        if (outbox.isEmpty()) {
            return;
        }
        List<Transaction> all = List.copyOf(outbox);
        outbox.clear();
        for (var peer : network.peers()) {
            Known k = known.computeIfAbsent(peer.id(), id -> new Known());
            List<Transaction> batch = new ArrayList<>();
            int bytes = 0;
            for (Transaction tx : all) {
                if (k.containsKey(tx.id())) {
                    continue;
                }
                int size = tx.size();
                if (batch.size() == MAX_BATCH || bytes + size > Channel.TRANSACTIONS.maxMessageBytes() - 1024) {
                    network.send(peer.id(), Channel.TRANSACTIONS, encode(batch));
                    batch = new ArrayList<>();
                    bytes = 0;
                }
                batch.add(tx);
                bytes += size;
                k.put(tx.id(), Boolean.TRUE);
            }
            if (!batch.isEmpty()) {
                network.send(peer.id(), Channel.TRANSACTIONS, encode(batch));
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
