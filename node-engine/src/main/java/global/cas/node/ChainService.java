package global.cas.node;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.ChainParams;
import global.cas.chain.ChainState;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.Precommit;
import global.cas.chain.StateMachine;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.BlockScope;
import global.cas.ledger.LedgerState;
import global.cas.ledger.Transaction;
import global.cas.mempool.Mempool;
import global.cas.params.ParamsSchedule;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.store.ChainStore;
import global.cas.store.TipMarker;
import global.cas.validators.ValidatorSchedule;
import global.cas.validators.ValidatorSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one chain thread: the only code that writes chain state. Execution is split from commit:
 * {@link #propose} builds and executes a candidate block, {@link #validate} executes a block made
 * elsewhere (both cached by block hash, the state untouched), and {@link #commit} makes one of
 * them final with its commit (C3): stored in one database transaction, then applied to memory and
 * announced. The solo producer ({@link #produce}) and a BFT engine are both callers of these three.
 * If a commit fails the node stops making blocks and keeps its last committed block. Public
 * methods are thread-safe; block work is queued to the chain thread.
 */
public final class ChainService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChainService.class);
    private static final int MAX_CANDIDATES = 16;

    private final ChainParams params;
    private final ChainStore store;
    private final TipMarker marker;
    private final BlockExecutor executor;
    private final Mempool mempool;
    private final EventBus events;
    private final RecentBlocks recentBlocks;
    private final BlockPruner pruner;
    private final LedgerState ledger = new LedgerState();
    /** Double signs seen and not recorded yet (C4): {@link #propose} draws from it. */
    private final EvidencePool evidencePool = new EvidencePool();

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cas-chain");
        t.setDaemon(false);
        return t;
    });
    /** Executed blocks for the next height, by hash; chain thread only. */
    private final Map<Hash, Candidate> candidates = new LinkedHashMap<>();

    private volatile ChainState committed;
    /**
     * Readers hold it to see one height whole; the chain thread holds it to apply a committed block
     * in memory (the database commit is outside it, so readers wait only for the in-memory apply).
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock memory =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    private volatile boolean failed;
    private volatile Hash genesisHash;

    private record Candidate(ExecutedBlock executed, List<Transaction> dropped) {}

    /**
     * @param marker the data folder's record of the last committed block, written after each commit
     * @param pruner prunes old block bodies after commits, when the node prunes
     */
    public ChainService(
            ChainParams params,
            ChainStore store,
            TipMarker marker,
            BlockExecutor executor,
            Mempool mempool,
            EventBus events,
            BlockPruner pruner) {
        this.pruner = pruner;
        this.params = params;
        this.store = store;
        this.marker = marker;
        this.executor = executor;
        this.mempool = mempool;
        this.events = events;
        this.recentBlocks = new RecentBlocks(store);
    }

    /**
     * Opens the chain: writes genesis into an empty store, or checks that the store holds this
     * chain, whole and as last committed ({@link ChainOpener}), then loads the modules' state into
     * memory.
     *
     * @throws global.cas.store.ChainDataException when the chain data are damaged, behind the tip
     *     marker or of an older format
     */
    public void open() {
        ChainOpener.Opened o = new ChainOpener(params, store, marker).open(ledger);
        committed = new ChainState(
                o.tip(), ledger, o.params(), o.validators(), o.lastCommit(), o.evidence(), o.governance());
        genesisHash = store.block(0)
                .orElseThrow(() -> new IllegalStateException("the chain database has no block 0"))
                .hash();
        LOG.info(
                "chain {} open at height {} ({} unspent outputs)",
                params.chainId(),
                o.tip().height(),
                ledger.unspentCount());
    }

    public ChainTip tip() {
        return committed.tip();
    }

    /**
     * Runs {@code query} on the committed chain of one height: tip, module state and ledger
     * together, never a block half applied. Keep queries short: the next block's in-memory apply
     * waits for them. Any thread.
     */
    public <T> T read(java.util.function.Function<ChainView, T> query) {
        memory.readLock().lock();
        try {
            return query.apply(new ChainView(committed, ledger));
        } finally {
            memory.readLock().unlock();
        }
    }

    /** The committed state: tip, schedules and last commit of one height, read together. */
    public ChainState committed() {
        return committed;
    }

    /** The hash of block 0 of this chain; set by {@link #open}. */
    public Hash genesisHash() {
        return genesisHash;
    }

    public LedgerState state() {
        return ledger;
    }

    public ChainParams params() {
        return params;
    }

    public StateMachine machine() {
        return executor.machine();
    }

    public ChainStore store() {
        return store;
    }

    public Mempool mempool() {
        return mempool;
    }

    /** Evidence of double signs waiting for a block (C4); {@link #propose} includes it. */
    public EvidencePool evidencePool() {
        return evidencePool;
    }

    public ParamsSchedule paramsSchedule() {
        return committed.params();
    }

    public ValidatorSchedule validatorSchedule() {
        return committed.validators();
    }

    /** The scope transactions are checked against: the block after the current tip. */
    public BlockScope nextScope() {
        ChainState s = committed;
        return executor.machine().nextScope(s, s.tip().time() + 1, Address.of(new byte[Address.LENGTH]));
    }

    /** The pseudo transaction id of block {@code height}'s reward outputs (0: packer, 1: miner). */
    public Hash rewardId(long height) {
        return executor.machine().issuance().rewardId(height);
    }

    /** Admits a transaction to the mempool or throws {@link RejectedException}. */
    public void submit(Transaction tx) {
        mempool.submit(tx, ledger, nextScope());
    }

    public List<Mempool.Admission> submitAll(List<Transaction> txs) {
        return mempool.submitAll(txs, ledger, nextScope());
    }

    /**
     * Builds and executes the next block from the mempool, without committing it; the candidate is
     * kept for {@link #commit} by its hash.
     */
    public CompletableFuture<ExecutedBlock> propose(KeyPair proposer, long clock) {
        return CompletableFuture.supplyAsync(() -> proposeNow(proposer, clock), thread);
    }

    private ExecutedBlock proposeNow(KeyPair proposer, long clock) {
        ensureHealthy();
        List<Transaction> pending = mempool.candidates(
                committed.params().at(committed.tip().height() + 1).maxBlockTransactions());
        List<Transaction> dropped = new ArrayList<>();
        List<global.cas.chain.DoubleSignEvidence> evidence =
                evidencePool.pending(global.cas.chain.DoubleSignEvidence.MAX_PER_BLOCK);
        ExecutedBlock built =
                executor.propose(committed, pending, evidence, clock, proposer, r -> dropped.add(r.transaction()));
        remember(built, dropped);
        return built;
    }

    /** Executes a block made elsewhere against the committed state, without committing it (cached by hash). */
    public CompletableFuture<ExecutedBlock> validate(Block block) {
        return CompletableFuture.supplyAsync(() -> validateNow(block), thread);
    }

    private ExecutedBlock validateNow(Block block) {
        ensureHealthy();
        Candidate known = candidates.get(block.hash());
        if (known != null) {
            return known.executed();
        }
        // a proposal may carry transactions that have not reached this node's mempool yet: their
        // signatures are checked on all cores first, not one by one on this thread (those pending
        // here were verified on entry and are skipped)
        mempool.preverify(block.transactions());
        ExecutedBlock executed = executor.validate(committed, block, true);
        remember(executed, List.of());
        return executed;
    }

    private void remember(ExecutedBlock executed, List<Transaction> dropped) {
        if (candidates.size() >= MAX_CANDIDATES) {
            candidates.remove(candidates.keySet().iterator().next());
        }
        candidates.put(executed.block().hash(), new Candidate(executed, dropped));
    }

    /**
     * Makes a proposed or validated block final: checks its commit against the validators of its
     * height (C3), then stores block, commit and every module's changes in one database
     * transaction, applies them to memory and announces the block.
     *
     * @throws RejectedException {@code NOT_FOUND} when no candidate has that hash, {@code BAD_COMMIT}
     *     when the commit is not a valid quorum for it
     */
    public CompletableFuture<ExecutedBlock> commit(Hash blockHash, Commit commit) {
        return CompletableFuture.supplyAsync(() -> commitNow(blockHash, commit), thread);
    }

    private ExecutedBlock commitNow(Hash blockHash, Commit commit) {
        ensureHealthy();
        Candidate c = candidates.get(blockHash);
        if (c == null) {
            throw notFound("No executed block " + blockHash + " waits for its commit.");
        }
        ExecutedBlock built = c.executed();
        Block b = built.block();
        checkCommitTime(committed, b, commit);
        try {
            store.commit(built, commit);
            // after the database: a stop between the two leaves the database one block ahead,
            // which the next start accepts (ChainOpener); never the marker ahead
            marker.write(new TipMarker.Tip(built.tip().height(), built.tip().hash()));
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        applyInMemory(built, commit);
        candidates.clear();
        announce(built, c.dropped());
        return built;
    }

    /** Checks {@code commit} against the validators of {@code b}'s height (C3) and its time (C5). */
    private void checkCommitTime(ChainState state, Block b, Commit commit) {
        ValidatorSet validators = state.validators().at(b.height());
        long median = executor.verifiedMedian(commit, b.height(), b.hash(), validators);
        if (median <= b.header().time()) {
            throw new RejectedException(
                    Reason.BAD_COMMIT,
                    "The commit's time " + median + " is not after block " + b.height() + "'s "
                            + b.header().time() + " (C5).");
        }
    }

    private void applyInMemory(ExecutedBlock built, Commit commit) {
        memory.writeLock().lock();
        try {
            committed = applyTo(committed, built, commit);
        } finally {
            memory.writeLock().unlock();
        }
    }

    /** Applies {@code built} to the ledger in memory; the state after it. Under the write lock. */
    private ChainState applyTo(ChainState before, ExecutedBlock built, Commit commit) {
        ledger.apply(built.delta());
        ledger.adoptBalanceTree(built.balances());
        before.governance().apply(built.governance(), built.governanceTree());
        return new ChainState(
                built.tip(),
                ledger,
                built.paramsChanged().orElse(before.params()),
                built.validatorsChanged().orElse(before.validators()),
                commit,
                built.evidence(),
                before.governance());
    }

    private void announce(ExecutedBlock built, List<Transaction> dropped) {
        Block b = built.block();
        recentBlocks.remember(b);
        evidencePool.committed(b.height(), built.evidence());
        mempool.blockCommitted(b.transactions(), dropped, built.tip().height() + 1);
        events.publish(new NodeEvent.BlockCommitted(
                b.height(), b.hash(), b.header().time(), b.transactions().size(), b.fees()));
        pruner.afterCommit(b.height());
    }

    /**
     * Committed block {@code height} (of this chain's tip or below, not pruned), from the latest
     * blocks kept in memory or from storage.
     */
    public Optional<Block> block(long height) {
        if (height > tip().height() || (height > 0 && height < store.prunedBelow())) {
            return Optional.empty();
        }
        return recentBlocks.block(height);
    }

    /** A committed block as a node behind receives it: the block and the commit that makes it final. */
    public record Final(Block block, Commit commit) {}

    /**
     * What {@link #importBlocks} did: the blocks it committed (those already on this chain are
     * skipped and not counted), and the first block it refused with why; nothing after a refused
     * block is looked at.
     */
    public record Imported(int committed, long tipHeight, Optional<Refusal> refused) {
        public record Refusal(long height, RejectedException reason) {}
    }

    /**
     * Checks and commits consecutive committed blocks from a peer, in order: each block's commit is
     * checked against the validators of its height (C3, the signatures alone) and the block is
     * executed; the blocks that pass are stored in one database transaction (one forced write for the
     * whole batch), then announced. A block refused ends the batch: the blocks before it are
     * committed. Each block is applied to the ledger in memory before the next is executed, all under
     * the write lock, and the new tip is published only once the run is stored: readers wait for the
     * run and then see it whole, never a block that is not on disk yet. If the transaction fails the
     * node stops making blocks, as for any storage failure, and the next start reads the chain as last
     * stored.
     */
    public CompletableFuture<Imported> importBlocks(List<Final> blocks) {
        List<Final> copy = List.copyOf(blocks);
        return CompletableFuture.supplyAsync(() -> importNow(copy), thread);
    }

    private Imported importNow(List<Final> blocks) {
        ensureHealthy();
        List<ChainStore.Committed> done = new ArrayList<>();
        Optional<Imported.Refusal> refused = Optional.empty();
        // readers see the run only once it is stored: they wait for it (a run is at most 64 MiB of blocks)
        memory.writeLock().lock();
        try {
            ChainState working = committed;
            for (Final f : blocks) {
                Block b = f.block();
                long tipHeight = working.tip().height();
                if (b.height() <= tipHeight) {
                    Optional<Hash> here = b.height() == tipHeight
                            ? Optional.of(working.tip().hash())
                            : store.block(b.height()).map(Block::hash);
                    if (here.isPresent() && !here.get().equals(b.hash())) {
                        refused = Optional.of(new Imported.Refusal(
                                b.height(),
                                new RejectedException(
                                        Reason.BAD_COMMIT,
                                        "Block " + b.height() + " " + b.hash() + " comes with a commit, but this"
                                                + " chain committed " + here.get() + " at that height.")));
                        break;
                    }
                    continue;
                }
                try {
                    if (b.height() != tipHeight + 1) {
                        throw new RejectedException(
                                Reason.BAD_BLOCK_HEIGHT,
                                "Block " + b.height() + " does not follow the tip " + tipHeight + ": blocks"
                                        + " between are missing.");
                    }
                    checkCommitTime(working, b, f.commit());
                    mempool.preverify(b.transactions()); // on all cores; the execution below finds them verified
                    ExecutedBlock executed = executor.validate(working, b, true);
                    working = applyTo(working, executed, f.commit());
                    done.add(new ChainStore.Committed(executed, f.commit()));
                } catch (RejectedException e) {
                    refused = Optional.of(new Imported.Refusal(b.height(), e));
                    break;
                }
            }
            if (!done.isEmpty()) {
                candidates.clear();
                try {
                    store.commitBatch(done);
                    ExecutedBlock last = done.getLast().block();
                    marker.write(
                            new TipMarker.Tip(last.tip().height(), last.tip().hash()));
                } catch (RuntimeException e) {
                    failed = true; // the ledger in memory is ahead of the tip: nothing more is made or read as new
                    throw e;
                }
                committed = working;
            }
        } finally {
            memory.writeLock().unlock();
        }
        for (ChainStore.Committed c : done) {
            announce(c.block(), List.of());
        }
        return new Imported(done.size(), committed.tip().height(), refused);
    }

    /**
     * The solo validator's round: propose the next block, precommit it with this key (timestamp at
     * least a millisecond after the block time, so block times grow, C5), and commit it. A network
     * of one validator is a valid network: its commit has one precommit, its own.
     */
    public CompletableFuture<ExecutedBlock> produce(KeyPair proposer, long clock) {
        return CompletableFuture.supplyAsync(
                () -> {
                    ExecutedBlock built = proposeNow(proposer, clock);
                    Block b = built.block();
                    ValidatorSet validators = committed.validators().at(b.height());
                    int index = validators
                            .indexOf(proposer.address())
                            .orElseThrow(() -> new RejectedException(
                                    Reason.BAD_PROPOSER, "The key " + proposer.address() + " is not a validator."));
                    long timestamp = Math.max(clock, b.header().time() + 1);
                    Precommit own =
                            Precommit.sign(proposer, index, params.chainId(), b.height(), 0, b.hash(), timestamp);
                    return commitNow(b.hash(), new Commit(b.height(), 0, b.hash(), List.of(own)));
                },
                thread);
    }

    /** Checks a block made elsewhere and commits it with its commit, on the chain thread. */
    public CompletableFuture<ExecutedBlock> importBlock(Block block, Commit commit) {
        return CompletableFuture.supplyAsync(
                () -> {
                    validateNow(block);
                    return commitNow(block.hash(), commit);
                },
                thread);
    }

    private void ensureHealthy() {
        if (failed) {
            throw new IllegalStateException("the chain stopped after a storage failure; restart the node");
        }
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
