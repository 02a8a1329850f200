package global.cas.node;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.BlockExecutor.ExecutedBlock;
import global.cas.chain.ChainParams;
import global.cas.chain.ChainTip;
import global.cas.crypto.KeyPair;
import global.cas.ledger.BlockScope;
import global.cas.ledger.LedgerState;
import global.cas.ledger.Transaction;
import global.cas.mempool.Mempool;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.store.ChainStore;
import global.cas.store.TipMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one chain thread: the only code that writes chain state. Each block is executed, committed
 * to the store in one database transaction, and only then applied to the in-memory state and
 * announced. If a commit fails the node stops making blocks and keeps its last committed block.
 * Public methods are thread-safe; block work is queued to the chain thread.
 */
public final class ChainService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChainService.class);

    private final ChainParams params;
    private final ChainStore store;
    private final TipMarker marker;
    private final BlockExecutor executor;
    private final Mempool mempool;
    private final EventBus events;
    private final LedgerState state = new LedgerState();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cas-chain");
        t.setDaemon(false);
        return t;
    });
    private volatile ChainTip tip;
    private volatile boolean failed;
    private volatile global.cas.crypto.Hash genesisHash;

    /**
     * @param marker the data folder's record of the last committed block, written after each commit
     */
    public ChainService(
            ChainParams params,
            ChainStore store,
            TipMarker marker,
            BlockExecutor executor,
            Mempool mempool,
            EventBus events) {
        this.params = params;
        this.store = store;
        this.marker = marker;
        this.executor = executor;
        this.mempool = mempool;
        this.events = events;
    }

    /**
     * Opens the chain: writes genesis into an empty store, or checks that the store holds this
     * chain, whole and as last committed ({@link ChainOpener}), then loads unspent outputs and
     * balances into memory.
     *
     * @throws global.cas.store.ChainDataException when the chain data are damaged or behind the
     *     tip marker
     */
    public void open() {
        tip = new ChainOpener(params, store, marker).open(state);
        genesisHash = store.block(0)
                .orElseThrow(() -> new IllegalStateException("the chain database has no block 0"))
                .hash();
        LOG.info(
                "chain {} open at height {} ({} unspent outputs)",
                params.chainId(),
                tip.height(),
                state.unspentCount());
    }

    public ChainTip tip() {
        return tip;
    }

    /** The hash of block 0 of this chain; set by {@link #open}. */
    public global.cas.crypto.Hash genesisHash() {
        return genesisHash;
    }

    public LedgerState state() {
        return state;
    }

    public ChainParams params() {
        return params;
    }

    public ChainStore store() {
        return store;
    }

    public Mempool mempool() {
        return mempool;
    }

    /** The scope transactions are checked against: the block after the current tip. */
    public BlockScope nextScope() {
        ChainTip t = tip;
        return new BlockScope(t.height() + 1, t.hash(), t.target());
    }

    /** The pseudo transaction id of block {@code height}'s reward outputs (0: packer, 1: miner). */
    public global.cas.crypto.Hash rewardId(long height) {
        return executor.rewardId(height);
    }

    /** Admits a transaction to the mempool or throws {@link RejectedException}. */
    public void submit(Transaction tx) {
        mempool.submit(tx, state, nextScope());
    }

    public List<Mempool.Admission> submitAll(List<Transaction> txs) {
        return mempool.submitAll(txs, state, nextScope());
    }

    /** Makes and commits the next block from the mempool, on the chain thread. */
    public CompletableFuture<ExecutedBlock> produce(KeyPair proposer, long time) {
        return CompletableFuture.supplyAsync(
                () -> {
                    ensureHealthy();
                    List<Transaction> candidates = mempool.candidates(params.maxBlockTransactions());
                    List<Transaction> dropped = new ArrayList<>();
                    ExecutedBlock built =
                            executor.build(tip, state, candidates, time, proposer, r -> dropped.add(r.transaction()));
                    commit(built, dropped);
                    return built;
                },
                thread);
    }

    /** Checks a block made elsewhere and commits it, on the chain thread. */
    public CompletableFuture<ExecutedBlock> importBlock(Block block) {
        return CompletableFuture.supplyAsync(
                () -> {
                    ensureHealthy();
                    ExecutedBlock executed = executor.execute(tip, state, block, true);
                    commit(executed, List.of());
                    return executed;
                },
                thread);
    }

    private void ensureHealthy() {
        if (failed) {
            throw new IllegalStateException("the chain stopped after a storage failure; restart the node");
        }
    }

    private void commit(ExecutedBlock built, List<Transaction> dropped) {
        try {
            store.commit(built);
            // after the database: a stop between the two leaves the database one block ahead,
            // which the next start accepts (ChainOpener); never the marker ahead
            marker.write(new TipMarker.Tip(built.tip().height(), built.tip().hash()));
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        state.apply(built.delta());
        tip = built.tip();
        Block b = built.block();
        mempool.blockCommitted(b.transactions(), dropped, tip.height() + 1);
        long fees = 0;
        for (Transaction t : b.transactions()) {
            if (t instanceof global.cas.ledger.Transfer tr) {
                fees += tr.fee();
            }
        }
        events.publish(new NodeEvent.BlockCommitted(
                b.height(), b.hash(), b.header().time(), b.transactions().size(), fees));
    }

    /** Finishes queued block work, then stops the chain thread. Does not close the store. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("chain thread did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static RejectedException notFound(String what) {
        return new RejectedException(Reason.NOT_FOUND, what);
    }
}
