package global.cas.store.h2;

import global.cas.chain.Block;
import global.cas.chain.BlockHeader;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.StoredTransaction;
import global.cas.crypto.Hash;
import global.cas.h2.FileInspector;
import global.cas.h2.StoreException;
import global.cas.h2.UntrustedDatabaseException;
import global.cas.ledger.ColouredOutput;
import global.cas.ledger.Owner;
import global.cas.ledger.UnspentOutput;
import global.cas.params.ParamsSchedule;
import global.cas.store.ChainDataException;
import global.cas.store.ChainStore;
import global.cas.store.StateDigest;
import global.cas.validators.ValidatorSchedule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain store on an embedded H2 database ({@code <dataDir>/chain.mv.db}), schema by the Flyway
 * migrations in {@code db/chain}.
 *
 * <p><b>Atomic.</b> {@link #commit} writes a block, its transactions, created and spent outputs,
 * touched balances and the new tip in one database transaction; on any failure it rolls back and
 * throws {@link StoreException}, leaving the store exactly as before. An output created and spent
 * in the same block is in neither list of the block's {@code LedgerDelta}, so it has no row in
 * {@code outputs} (its transactions are stored).
 *
 * <p><b>Durable.</b> The database runs with {@code WRITE_DELAY=0}: H2's MVStore then writes the
 * committed changes to the file inside the JDBC commit itself instead of leaving them to a
 * background thread for up to half a second, so once {@code commit} returns the block is in the
 * operating system's hands and a {@code kill -9} of the node loses nothing committed. After that
 * {@code CHECKPOINT SYNC} forces the file to the disk (one fsync per block), so a power cut does
 * not lose it either, as far as the disk keeps its promises. The MVStore file is append-only with
 * checksummed chunks: a crash in the middle of a commit leaves the previous block as the last one.
 * {@code WRITE_DELAY=0} also stops H2's background housekeeping, so {@link FileCompactor} does it
 * on a thread of its own woken after each commit (on the chain thread when blocks come as fast as
 * in a sync). H2's retention time is 0 ({@link
 * CompactionPolicy#DEFAULT}): with the file forced to the disk after every block, no recovery needs
 * a chunk the last synced block no longer uses, and each read pins the version it reads ({@link
 * VersionPin}), so the file stays near the size of its live data however fast blocks come.
 *
 * <p><b>Hostile files.</b> Before H2 opens an existing file, {@link FileInspector} reads its schema
 * records and refuses triggers, function aliases, aggregates, linked tables, table engines and
 * unknown settings, which H2 would otherwise load and run while opening. After opening, and again
 * after migrating, {@link SchemaGuard} compares the schema with the migrations'. Either refusal is
 * an {@link UntrustedDatabaseException}. The URL is built here from a path that may not carry H2
 * settings ({@code ;INIT=} and the like).
 *
 * <p><b>Threads.</b> One writer connection (autocommit off, statements prepared once) serves
 * {@link #commit}, which is meant for the chain thread and is serialized. Reads use a small pool
 * of other connections: MVStore gives each a committed snapshot without locking, so RPC and UI
 * threads read while a block is being committed, and see it whole or not at all. The tip is kept
 * in memory as well. Thread-safe.
 */
public final class H2ChainStore implements ChainStore {
    private static final Logger LOG = LoggerFactory.getLogger(H2ChainStore.class);

    /** The database's base name in the data directory: H2 adds {@code .mv.db}. */
    public static final String DATABASE_NAME = "chain";

    private final String where;
    private final Connection writerConnection;
    private final BlockWriter writer;
    private final Statement sync;
    private final FileCompactor compactor;
    private final ReaderPool readers;
    /** Held around each block's commit and sync, and by each compaction pass. */
    private final Object writeLock;

    private volatile ChainTip tip;
    private volatile ParamsSchedule params;
    private volatile ValidatorSchedule validators;
    private final java.util.OptionalInt format;
    /** The governance records read when the store opened, until {@link #moduleRecords} hands them over. */
    private final java.util.concurrent.atomic.AtomicReference<global.cas.records.RecordSet> openedGovernance;
    /** The digest of the unspent outputs at the tip; null when a version before it wrote the tip. */
    private volatile StateDigest digest;
    /** See {@link #prunedBelow}; set after each pruning pass's database commit. */
    private volatile long prunedBelow;
    /** Held by each pruning pass and by {@link #forEachUnspent}, which reads spends, then outputs. */
    private final Object pruneLock = new Object();

    private boolean closed;

    private H2ChainStore(ChainStoreOpening.Parts p) {
        this.prunedBelow = p.prunedBelow();
        this.where = p.where();
        this.writerConnection = p.writer();
        this.writer = p.blockWriter();
        this.sync = p.sync();
        this.compactor = p.compactor();
        this.readers = p.readers();
        this.writeLock = p.writeLock();
        this.tip = p.tip();
        this.digest = p.digest();
        this.params = p.params();
        this.validators = p.validators();
        this.format = p.format();
        this.openedGovernance = new java.util.concurrent.atomic.AtomicReference<>(p.governance());
    }

    /**
     * Opens the chain database in {@code dataDir}, creating the directory and the database when
     * missing, and migrates it to the newest schema.
     *
     * @throws UntrustedDatabaseException when the existing file holds anything this node never
     *     creates (it is then left untouched)
     * @throws StoreException when the database cannot be opened or migrated (for example because
     *     another process has it open)
     * @throws IllegalArgumentException when the path contains {@code ;}, which H2 would read as a
     *     connection setting
     */
    public static H2ChainStore open(Path dataDir) {
        return open(dataDir, CompactionPolicy.DEFAULT);
    }

    /**
     * {@link #open(Path)} with another retention time: how long H2 keeps a freed chunk before
     * overwriting it, and how old a chunk must be before {@link FileCompactor} rewrites it.
     */
    static H2ChainStore open(Path dataDir, int retentionMillis) {
        return open(dataDir, CompactionPolicy.DEFAULT.withRetention(retentionMillis));
    }

    /** {@link #open(Path)} with another compaction policy: the storage benchmark compares them. */
    static H2ChainStore open(Path dataDir, CompactionPolicy policy) {
        return new H2ChainStore(ChainStoreOpening.file(dataDir, policy));
    }

    /**
     * Opens a private in-memory chain database, for tests and tools. It lives until {@link #close};
     * opening the same name while it is open reaches the same database.
     *
     * @param name letters, digits, {@code _} and {@code -}
     */
    public static H2ChainStore openInMemory(String name) {
        return new H2ChainStore(ChainStoreOpening.memory(name));
    }

    @Override
    public java.util.OptionalInt format() {
        return format;
    }

    @Override
    public Optional<ParamsSchedule> paramsSchedule() {
        return Optional.ofNullable(params);
    }

    @Override
    public global.cas.records.RecordSet moduleRecords(String module) {
        if (module.equals(global.cas.governance.GovernanceState.MODULE)) {
            global.cas.records.RecordSet opened = openedGovernance.getAndSet(null);
            if (opened != null) {
                return opened;
            }
        }
        return readers.read(
                () -> "the " + module + " records", r -> ModuleStateRows.readModule(r.connection(), module, where));
    }

    @Override
    public java.util.List<RecordVersion> recordHistory(String module, global.cas.records.RecordKey key) {
        return readers.read(
                () -> "the history of a " + module + " record", r -> ModuleHistoryRows.history(r, module, key));
    }

    @Override
    public java.util.List<java.util.Map.Entry<global.cas.records.RecordKey, byte[]>> recordsAt(
            String module,
            global.cas.records.RecordKey prefix,
            long height,
            Optional<global.cas.records.RecordKey> after,
            int limit) {
        return readers.read(
                () -> "the " + module + " records at height " + height,
                r -> ModuleHistoryRows.at(r, module, prefix, height, after, limit));
    }

    @Override
    public Optional<ValidatorSchedule> validatorSchedule() {
        return Optional.ofNullable(validators);
    }

    @Override
    public Optional<ChainTip> tip() {
        return Optional.ofNullable(tip);
    }

    @Override
    public Optional<StateDigest> stateDigest() {
        return Optional.ofNullable(digest);
    }

    /**
     * Records the digest of the tip's unspent outputs in a database a version before digests wrote
     * (trust on first use: the caller computed it from the outputs it loaded).
     *
     * @throws IllegalStateException when the store is empty or already holds a digest
     */
    @Override
    public void recordStateDigest(StateDigest computed) {
        synchronized (writeLock) {
            checkOpen();
            if (tip == null || digest != null) {
                throw new IllegalStateException("the store " + where + " is empty or already records a state digest");
            }
            try (PreparedStatement s = writerConnection.prepareStatement(
                    "UPDATE chain_tip SET state_digest = ? WHERE id = 0 AND state_digest IS NULL")) {
                s.setBytes(1, computed.value().bytes());
                if (s.executeUpdate() != 1) {
                    throw new SQLException("the tip row did not take the digest");
                }
                writerConnection.commit();
                sync.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                try {
                    writerConnection.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw new StoreException("cannot record the state digest in " + where, e);
            }
            digest = computed;
        }
    }

    /**
     * Stores {@code executed} in one database transaction and makes it the tip; on disk when this
     * returns.
     *
     * @throws IllegalArgumentException when the block does not follow the tip (nothing is written)
     * @throws StoreException when the database fails; the transaction was rolled back and the store
     *     is as before
     */
    @Override
    public void commit(ExecutedBlock executed, Commit commit) {
        commitBatch(List.of(new Committed(executed, commit)));
    }

    /**
     * Stores consecutive blocks in one database transaction and makes the last the tip; on disk
     * (one {@code CHECKPOINT SYNC}) when this returns.
     *
     * @throws IllegalArgumentException when a block does not follow the one before it or the tip
     *     (nothing is written)
     * @throws StoreException when the database fails; the transaction was rolled back and the store
     *     is as before
     */
    @Override
    public void commitBatch(List<Committed> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        synchronized (writeLock) {
            checkOpen();
            if (format.isPresent() && format.getAsInt() != BlockWriter.FORMAT) {
                throw new IllegalStateException("the chain database " + where + " is of block format "
                        + format.getAsInt() + " and is not written to");
            }
            ChainTip previous = tip;
            for (Committed c : blocks) {
                checkFollows(c.block(), previous);
                previous = c.block().tip();
            }
            StateDigest current = digest;
            boolean empty = tip == null;
            ParamsSchedule newParams = params;
            ValidatorSchedule newValidators = validators;
            long first = blocks.getFirst().block().block().height();
            long last = blocks.getLast().block().block().height();
            try {
                for (Committed c : blocks) {
                    ExecutedBlock executed = c.block();
                    // an empty store starts from no outputs; one of an older version has no digest
                    // until recordStateDigest, and its blocks are stored without one meanwhile
                    current = current != null
                            ? current.after(executed.delta())
                            : empty ? StateDigest.EMPTY.after(executed.delta()) : null;
                    writer.write(executed, c.commit(), current);
                    if (executed.paramsChanged().isPresent()) {
                        newParams = executed.paramsChanged().get();
                    }
                    if (executed.validatorsChanged().isPresent()) {
                        newValidators = executed.validatorsChanged().get();
                    }
                }
                writerConnection.commit();
            } catch (SQLException | RuntimeException e) {
                writer.clearBatches();
                try {
                    writerConnection.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw new StoreException(
                        (first == last ? "Block " + first + " was" : "Blocks " + first + " to " + last + " were")
                                + " not stored (rolled back, the store is as before): " + e.getMessage(),
                        e);
            }
            tip = blocks.getLast().block().tip();
            digest = current;
            params = newParams;
            validators = newValidators;
            try {
                sync.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                throw new StoreException(
                        "Block " + last + " was committed but the database file could not be forced to disk", e);
            }
            compactor.afterCommit();
        }
    }

    private static void checkFollows(ExecutedBlock executed, ChainTip current) {
        Block block = executed.block();
        ChainTip next = executed.tip();
        if (next.height() != block.height() || !next.hash().equals(block.hash())) {
            throw new IllegalArgumentException(
                    "The new tip " + next.height() + "/" + next.hash() + " is not block " + block.height() + ".");
        }
        if (current == null) {
            if (block.height() != 0) {
                throw new IllegalArgumentException(
                        "The store is empty: the first block must be genesis (height 0), not " + block.height() + ".");
            }
        } else if (block.height() != current.height() + 1
                || !block.header().previousHash().equals(current.hash())) {
            throw new IllegalArgumentException("Block " + block.height() + " does not follow the tip "
                    + current.height() + " " + current.hash() + ".");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The chain store " + where + " is closed.");
        }
    }

    @Override
    public Optional<Block> block(long height) {
        if (height > 0 && height < prunedBelow) {
            return Optional.empty();
        }
        return readers.read(() -> "block " + height, r -> BlockReader.readBlock(r, height));
    }

    @Override
    public Optional<Hash> blockHash(long height) {
        return readers.read(() -> "the header of block " + height, r -> BlockReader.readHash(r, height));
    }

    @Override
    public long prunedBelow() {
        return prunedBelow;
    }

    /**
     * One pruning pass ({@link Pruning#pass}) on the writer connection, under the write lock
     * (between two blocks) and the prune lock, committed or rolled back whole.
     */
    @Override
    public long prune(long below, int maxTransactions) {
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("a pruning pass takes at least one transaction, not " + maxTransactions);
        }
        synchronized (writeLock) {
            synchronized (pruneLock) {
                checkOpen();
                ChainTip t = tip;
                if (t == null || below > t.height()) {
                    throw new IllegalArgumentException("Pruning below block " + below + " would prune the tip "
                            + (t == null ? "(none)" : t.height()) + "; the tip's transactions are always kept.");
                }
                long from = Math.max(prunedBelow, 1);
                if (below <= from) {
                    return prunedBelow;
                }
                long to;
                try {
                    to = Pruning.pass(writerConnection, from, below, maxTransactions, where);
                    writerConnection.commit();
                } catch (SQLException | RuntimeException e) {
                    try {
                        writerConnection.rollback();
                    } catch (SQLException r) {
                        e.addSuppressed(r);
                    }
                    if (e instanceof ChainDataException cd) {
                        throw cd;
                    }
                    throw new StoreException(
                            "Blocks from " + from + " of " + where + " were not pruned (rolled back): "
                                    + e.getMessage(),
                            e);
                }
                prunedBelow = to;
                LOG.debug("Pruned blocks {} to {} of {}", from, to - 1, where);
            }
            compactor.afterCommit();
            return prunedBelow;
        }
    }

    @Override
    public Optional<PrunedOutputs> prunedOutputs(java.util.Set<global.cas.crypto.Address> owners) {
        return Pruning.prunedOutputs(readers, owners);
    }

    @Override
    public Optional<Block> blockByHash(Hash hash) {
        return readers.read(() -> "block " + hash, r -> {
            OptionalLong height = BlockReader.heightOf(r, hash);
            boolean pruned = height.isPresent() && height.getAsLong() > 0 && height.getAsLong() < prunedBelow;
            return height.isEmpty() || pruned ? Optional.<Block>empty() : BlockReader.readBlock(r, height.getAsLong());
        });
    }

    @Override
    public Optional<Commit> commit(long height) {
        return readers.read(() -> "commit " + height, r -> BlockReader.readCommit(r, height));
    }

    @Override
    public void forEachOwner(Consumer<Owner> sink) {
        StateRows.forEachOwner(readers, sink);
    }

    @Override
    public void forEachColoured(Consumer<ColouredOutput> sink) {
        StateRows.forEachColoured(readers, sink);
    }

    @Override
    public void forEachEvidence(Consumer<global.cas.chain.StoredEvidence> sink) {
        readers.read(() -> "the evidence", r -> {
            BlockReader.forEachEvidence(r, sink);
            return null;
        });
    }

    @Override
    public java.util.List<global.cas.chain.StoredEvidence> evidence(long afterPosition, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one piece of evidence, not " + limit);
        }
        return readers.read(
                () -> "the evidence after " + afterPosition,
                r -> BlockReader.readEvidencePage(r, afterPosition, limit));
    }

    /**
     * Streams every stored header from genesis up, in height order, without loading the blocks'
     * transactions: one lazy query over the block rows. Each header given decodes, hashes to its
     * stored hash and sits at its row's height; the caller checks how they link.
     *
     * @throws ChainDataException when a header does not decode or match, or H2 meets damage
     */
    @Override
    public void forEachHeader(Consumer<BlockHeader> sink) {
        readers.read(() -> "the block headers", r -> {
            PreparedStatement s = r.prepare("SELECT height, hash, header FROM blocks ORDER BY height");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(BlockReader.checkedHeader(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
            return null;
        });
    }

    @Override
    public Optional<StoredTransaction> transaction(Hash id) {
        return readers.read(() -> "transaction " + id, r -> BlockReader.readTransaction(r, id));
    }

    /**
     * Streams every unspent output in storage order. Meant for start-up, to fill the in-memory
     * ledger; the rows come from one committed snapshot even while blocks are committed meanwhile.
     * {@code sink} runs on the calling thread while a reader connection is held.
     */
    @Override
    public void forEachUnspent(Consumer<UnspentOutput> sink) {
        synchronized (pruneLock) {
            StateRows.forEachUnspent(readers, sink);
        }
    }

    /** Outputs (spent or not) with storage ids in {@code [from, to]}: a primary-key range read. */
    @Override
    public java.util.List<UnspentOutput> outputsCreated(long from, long to) {
        return StateRows.outputsCreated(readers, from, to);
    }

    /** Closes every connection; H2 then closes the database file. Idempotent. */
    @Override
    public void close() {
        // stopped first and outside the lock: its pass takes the lock
        compactor.close();
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
            compactor.lastPass();
            try {
                // stores what the last pass rewrote; H2's own close then compacts nothing (MAX_COMPACT_TIME=0)
                sync.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                LOG.warn("Could not store the last compaction of the chain database {}", where, e);
            }
            readers.close();
            StoreException failure = new StoreException("cannot close the chain database " + where + " cleanly");
            ChainStoreOpening.closeQuietly(writer, failure);
            ChainStoreOpening.closeQuietly(sync, failure);
            try {
                writerConnection.rollback();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            ChainStoreOpening.closeQuietly(writerConnection, failure);
            if (failure.getSuppressed().length > 0) {
                if (java.util.Arrays.stream(failure.getSuppressed()).allMatch(H2Damage::is)) {
                    // H2 met a damaged page after every block was stored (the last compaction reads old
                    // chunks) and closed the file itself; nothing is lost by stopping, and the next
                    // start checks the file again and refuses it if the damage reaches live data
                    LOG.error(
                            "The chain database {} showed damage while closing; the next start checks it again",
                            where,
                            failure);
                    return;
                }
                throw failure;
            }
            LOG.info("Closed the chain database {}", where);
        }
    }

    /** How many compaction passes rewrote something since opening; for tests. */
    long compactions() {
        return compactor.passes();
    }

    /** Waits until the compaction asked for after the last commit has run; for measurements. */
    void awaitCompaction() throws InterruptedException {
        compactor.awaitIdle();
    }

    @Override
    public String toString() {
        return "H2ChainStore[" + where + "]";
    }
}
