package global.cas.store.h2;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.BlockHeader;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.ModuleRoots;
import global.cas.chain.StoredTransaction;
import global.cas.codec.Decoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;
import global.cas.h2.DamagedDatabaseException;
import global.cas.h2.FileInspector;
import global.cas.h2.H2Files;
import global.cas.h2.StoreException;
import global.cas.h2.UntrustedDatabaseException;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.ColouredOutput;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Owner;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.params.Params;
import global.cas.params.ParamsSchedule;
import global.cas.store.ChainDataException;
import global.cas.store.ChainStore;
import global.cas.store.StateDigest;
import global.cas.validators.ValidatorSchedule;
import global.cas.validators.ValidatorSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
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

    /**
     * {@code WRITE_DELAY=0}: commits reach the file before they return (see the class comment).
     * {@code CACHE_SIZE} in KiB: the pages of the output and balance indexes that blocks touch.
     * {@code DB_CLOSE_ON_EXIT=FALSE}: the node closes the store itself, after its last commit.
     * {@code MAX_COMPACT_TIME=0}: no compaction while closing. H2 2.3.232 then moves chunks about,
     * and after a {@code kill -9} and a restart that move corrupted the file ("Double mark") in about
     * half of the node's crash-restart runs (2.3.232's close commits before it moves chunks, 2.4's
     * after: the likely cause); {@link FileCompactor} compacts while running instead, and never
     * moves chunks.
     */
    private static final String SETTINGS = ";WRITE_DELAY=0;CACHE_SIZE=65536;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";

    private static final Pattern MEMORY_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int READERS = 4;

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
    /** The digest of the unspent outputs at the tip; null when a version before it wrote the tip. */
    private volatile StateDigest digest;

    private boolean closed;

    private H2ChainStore(
            String where,
            Connection writerConnection,
            BlockWriter writer,
            Statement sync,
            FileCompactor compactor,
            ReaderPool readers,
            Object writeLock,
            ChainTip tip,
            StateDigest digest,
            ParamsSchedule params,
            ValidatorSchedule validators,
            java.util.OptionalInt format) {
        this.where = where;
        this.writerConnection = writerConnection;
        this.writer = writer;
        this.sync = sync;
        this.compactor = compactor;
        this.readers = readers;
        this.writeLock = writeLock;
        this.tip = tip;
        this.digest = digest;
        this.params = params;
        this.validators = validators;
        this.format = format;
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
        Path dir = dataDir.toAbsolutePath().normalize();
        Path base = dir.resolve(DATABASE_NAME);
        H2Files.refuseSettingsIn(dir, "The data directory");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + dir, e);
        }
        Path file = H2Files.mvFile(base);
        if (Files.exists(file)) {
            try {
                FileInspector.inspect(file, "The chain database");
            } catch (DamagedDatabaseException e) {
                throw ChainDataException.damaged(e.getMessage(), e);
            }
        }
        boolean existed = Files.exists(file);
        try {
            return open(
                    "jdbc:h2:file:" + base + SETTINGS + ";RETENTION_TIME=" + policy.retentionMillis(),
                    file.toString(),
                    policy);
        } catch (StoreException e) {
            if (existed && e.getMessage() != null && e.getMessage().startsWith(ChainMigrations.FAILED)) {
                // a file whose schema is ahead of its migration history: a migration's DDL reached the
                // file but the history row after it did not, as a truncated or older copy shows
                throw ChainDataException.damaged(
                        "the chain database " + file + " holds a schema its migration history does not record: "
                                + e.getMessage(),
                        e);
            }
            throw e;
        }
    }

    /**
     * Opens a private in-memory chain database, for tests and tools. It lives until {@link #close};
     * opening the same name while it is open reaches the same database.
     *
     * @param name letters, digits, {@code _} and {@code -}
     */
    public static H2ChainStore openInMemory(String name) {
        if (!MEMORY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "An in-memory database name has 1 to 64 letters, digits, '_' or '-': " + name);
        }
        return open("jdbc:h2:mem:" + name + SETTINGS, "in memory '" + name + "'", CompactionPolicy.DEFAULT);
    }

    private static H2ChainStore open(String url, String where, CompactionPolicy policy) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(H2Files.USER);
        ds.setPassword("");
        SchemaGuard.Schema reference = SchemaGuard.reference();
        Connection w = null;
        BlockWriter writer = null;
        ReaderPool readers = null;
        FileCompactor compactor = null;
        try {
            w = ds.getConnection();
            SchemaGuard.check(w, reference, false, where);
            ChainMigrations.migrate(ds, where);
            SchemaGuard.check(w, reference, true, where);
            w.setAutoCommit(false);
            writer = new BlockWriter(w);
            Statement sync = w.createStatement();
            readers = new ReaderPool(READERS, ds::getConnection, VersionPin.of(w));
            ChainTip tip = null;
            StateDigest digest = null;
            java.util.OptionalInt format = readFormat(w);
            ParamsSchedule params = null;
            ValidatorSchedule validators = null;
            if (format.isPresent() && format.getAsInt() == BlockWriter.FORMAT) {
                params = readParams(w, where);
                validators = readValidators(w, where);
                try (PreparedStatement s = w.prepareStatement(TIP_QUERY);
                        ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        tip = tip(r, params, validators, where);
                        byte[] d = r.getBytes(7);
                        digest = d == null ? null : StateDigest.of(Hash.of(d));
                    }
                }
            }
            w.commit();
            LOG.info("Opened the chain database {} at height {}", where, tip == null ? "none (empty)" : tip.height());
            Object writeLock = new Object();
            compactor = FileCompactor.of(w, writeLock, policy, where);
            return new H2ChainStore(
                    where, w, writer, sync, compactor, readers, writeLock, tip, digest, params, validators, format);
        } catch (SQLException | RuntimeException e) {
            if (compactor != null) {
                compactor.close();
            }
            if (readers != null) {
                readers.close();
            }
            closeQuietly(writer, e);
            closeQuietly(w, e);
            if (e instanceof StoreException se && !(e.getCause() != null && H2Damage.is(e.getCause()))) {
                throw se;
            }
            if (e instanceof ChainDataException cd) {
                throw cd;
            }
            if (H2Damage.is(e)) {
                throw ChainDataException.damaged(
                        "H2 cannot open the chain database " + where + ": " + e.getMessage(), e);
            }
            throw new StoreException("cannot open the chain database " + where + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable c, Exception failure) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static final String TIP_QUERY = "SELECT height, hash, tip_time, state_root, target, frozen_remaining,"
            + " state_digest, ledger_root, balances_root FROM chain_tip WHERE id = 0";

    private static ChainTip tip(ResultSet r, ParamsSchedule params, ValidatorSchedule validators, String where)
            throws SQLException {
        byte[] ledgerRoot = r.getBytes(8);
        byte[] balancesRoot = r.getBytes(9);
        if (ledgerRoot == null || balancesRoot == null || params == null || validators == null) {
            throw ChainDataException.damaged("the chain database " + where + " has a tip but no module state");
        }
        ModuleRoots roots =
                new ModuleRoots(Hash.of(ledgerRoot), Hash.of(balancesRoot), params.root(), validators.root());
        if (!roots.stateRoot().equals(Hash.of(r.getBytes(4)))) {
            throw ChainDataException.damaged(
                    "the module state in the chain database " + where + " does not give the tip's state root");
        }
        return new ChainTip(r.getLong(1), Hash.of(r.getBytes(2)), r.getLong(3), roots, r.getLong(5), r.getLong(6));
    }

    private static java.util.OptionalInt readFormat(Connection w) throws SQLException {
        try (PreparedStatement s = w.prepareStatement("SELECT version FROM chain_format WHERE id = 0");
                ResultSet r = s.executeQuery()) {
            return r.next() ? java.util.OptionalInt.of(r.getInt(1)) : java.util.OptionalInt.empty();
        }
    }

    private static ParamsSchedule readParams(Connection w, String where) throws SQLException {
        ParamsSchedule schedule = null;
        try (PreparedStatement s = w.prepareStatement("SELECT height, bytes FROM params_versions ORDER BY height");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long height = r.getLong(1);
                Params p;
                try {
                    global.cas.codec.Decoder d = new global.cas.codec.Decoder(r.getBytes(2));
                    p = Params.decode(d);
                    d.finish();
                } catch (RuntimeException e) {
                    throw ChainDataException.damaged(
                            "the parameters of height " + height + " in " + where + " do not decode", e);
                }
                schedule = schedule == null ? ParamsSchedule.genesis(p) : schedule.with(height, p);
            }
        }
        return schedule;
    }

    private static ValidatorSchedule readValidators(Connection w, String where) throws SQLException {
        ValidatorSchedule schedule = null;
        try (PreparedStatement s = w.prepareStatement("SELECT height, bytes FROM validator_versions ORDER BY height");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long height = r.getLong(1);
                ValidatorSet v;
                try {
                    global.cas.codec.Decoder d = new global.cas.codec.Decoder(r.getBytes(2));
                    v = ValidatorSet.decode(d);
                    d.finish();
                } catch (RuntimeException e) {
                    throw ChainDataException.damaged(
                            "the validators of height " + height + " in " + where + " do not decode", e);
                }
                schedule = schedule == null ? ValidatorSchedule.genesis(v) : schedule.with(height, v);
            }
        }
        return schedule;
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
        synchronized (writeLock) {
            checkOpen();
            if (format.isPresent() && format.getAsInt() != BlockWriter.FORMAT) {
                throw new IllegalStateException("the chain database " + where + " is of block format "
                        + format.getAsInt() + " and is not written to");
            }
            checkFollowsTip(executed);
            long height = executed.block().height();
            StateDigest current = digest;
            // an empty store starts from no outputs; one of an older version has no digest until
            // recordStateDigest, and its blocks are stored without one meanwhile
            StateDigest next = current != null
                    ? current.after(executed.delta())
                    : tip == null ? StateDigest.EMPTY.after(executed.delta()) : null;
            try {
                writer.write(executed, commit, next);
                writerConnection.commit();
            } catch (SQLException | RuntimeException e) {
                writer.clearBatches();
                try {
                    writerConnection.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw new StoreException(
                        "Block " + height + " was not stored (rolled back, the store is as before): " + e.getMessage(),
                        e);
            }
            tip = executed.tip();
            digest = next;
            executed.paramsChanged().ifPresent(p -> params = p);
            executed.validatorsChanged().ifPresent(v -> validators = v);
            try {
                sync.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                throw new StoreException(
                        "Block " + height + " was committed but the database file could not be forced to disk", e);
            }
            compactor.afterCommit();
        }
    }

    private void checkFollowsTip(ExecutedBlock executed) {
        Block block = executed.block();
        ChainTip next = executed.tip();
        if (next.height() != block.height() || !next.hash().equals(block.hash())) {
            throw new IllegalArgumentException(
                    "The new tip " + next.height() + "/" + next.hash() + " is not block " + block.height() + ".");
        }
        ChainTip current = tip;
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
        return readers.read(() -> "block " + height, r -> readBlock(r, height));
    }

    @Override
    public Optional<Block> blockByHash(Hash hash) {
        return readers.read(() -> "block " + hash, r -> {
            PreparedStatement s = r.prepare("SELECT height FROM blocks WHERE hash = ?");
            s.setBytes(1, hash.bytes());
            long height;
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                height = rs.getLong(1);
            }
            return readBlock(r, height);
        });
    }

    private Optional<Block> readBlock(ReaderPool.Reader r, long height) throws SQLException {
        PreparedStatement s = r.prepare(
                "SELECT hash, header, proposer_key, proposer_signature, tx_count FROM blocks WHERE height = ?");
        s.setLong(1, height);
        byte[] hash;
        byte[] header;
        byte[] key;
        byte[] signature;
        int count;
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            hash = rs.getBytes(1);
            header = rs.getBytes(2);
            key = rs.getBytes(3);
            signature = rs.getBytes(4);
            count = rs.getInt(5);
        }
        List<Transaction> txs = new ArrayList<>(count);
        if (count > 0) {
            PreparedStatement t = r.prepare("SELECT bytes FROM transactions WHERE id BETWEEN ? AND ? ORDER BY id");
            t.setLong(1, RowKeys.transaction(height, 0));
            t.setLong(2, RowKeys.transaction(height, count - 1));
            try (ResultSet rs = t.executeQuery()) {
                while (rs.next()) {
                    txs.add(decodeTransaction(rs.getBytes(1), "block " + height));
                }
            }
        }
        if (txs.size() != count) {
            throw ChainDataException.damaged(
                    "Block " + height + " lists " + count + " transactions but the database holds " + txs.size() + ".");
        }
        BlockHeader h = checkedHeader(height, hash, header);
        if (!BlockExecutor.transactionsRoot(txs).equals(h.transactionsRoot())) {
            throw ChainDataException.damaged(
                    "The transactions of block " + height + " in the database do not match its header's root.");
        }
        PublicKey proposerKey;
        Signature proposerSignature;
        try {
            proposerKey = PublicKey.of(key);
            proposerSignature = Signature.of(signature);
        } catch (RuntimeException e) {
            throw ChainDataException.damaged("The proposer key or signature of block " + height + " is damaged", e);
        }
        // the key and signature are stored beside the header, so the header's hash does not cover
        // them: a damaged byte there must not give a block that names one proposer and carries another's key
        // (genesis has no proposer's signature; it is checked against the genesis parameters at start)
        if (height > 0
                && (!Address.of(proposerKey).equals(h.proposer())
                        || !proposerKey.verify(h.hash().bytes(), proposerSignature))) {
            throw ChainDataException.damaged(
                    "The proposer key or signature stored with block " + height + " does not match its header.");
        }
        Commit lastCommit = height == 0
                ? Commit.NONE
                : readCommit(r, height - 1)
                        .orElseThrow(() ->
                                ChainDataException.damaged("The commit of block " + (height - 1) + " is missing."));
        if (!lastCommit.hash().equals(h.lastCommitHash())) {
            throw ChainDataException.damaged("The commit of block " + (height - 1)
                    + " in the database does not match block " + height + "'s header.");
        }
        return Optional.of(new Block(h, txs, lastCommit, proposerKey, proposerSignature));
    }

    private Optional<Commit> readCommit(ReaderPool.Reader r, long height) throws SQLException {
        PreparedStatement s = r.prepare("SELECT bytes FROM commits WHERE height = ?");
        s.setLong(1, height);
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Commit.decode(rs.getBytes(1)));
            } catch (RuntimeException e) {
                throw ChainDataException.damaged("The commit of block " + height + " does not decode", e);
            }
        }
    }

    @Override
    public Optional<Commit> commit(long height) {
        return readers.read(() -> "commit " + height, r -> readCommit(r, height));
    }

    @Override
    public void forEachOwner(Consumer<Owner> sink) {
        readers.read(() -> "owners", r -> {
            PreparedStatement s = r.prepare("SELECT address, bytes FROM owners ORDER BY address");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Owner o;
                    try {
                        o = Owner.decoded(rs.getBytes(2));
                    } catch (RuntimeException e) {
                        throw ChainDataException.damaged("A registered owner does not decode", e);
                    }
                    if (!java.util.Arrays.equals(o.address().bytes(), rs.getBytes(1))) {
                        throw ChainDataException.damaged("A registered owner is stored under another address");
                    }
                    sink.accept(o);
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public void forEachColoured(Consumer<ColouredOutput> sink) {
        readers.read(() -> "coloured outputs", r -> {
            PreparedStatement s = r.prepare("SELECT id, txid, out_index, consumer, asset, amount, period, memo"
                    + " FROM coloured_outputs ORDER BY id");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new ColouredOutput(
                            new OutputRef(Hash.of(rs.getBytes(2)), rs.getInt(3)),
                            rs.getLong(1),
                            Address.of(rs.getBytes(4)),
                            AssetId.fromStorageKey(rs.getBytes(5)),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getString(8)));
                }
            }
            return Optional.empty();
        });
    }

    /** Decodes a stored header and checks it hashes to the stored hash and sits at its height. */
    private static BlockHeader checkedHeader(long height, byte[] hash, byte[] header) {
        BlockHeader h;
        try {
            Decoder d = new Decoder(header);
            h = BlockHeader.decode(d);
            d.finish();
        } catch (RuntimeException e) {
            throw ChainDataException.damaged("The header of block " + height + " in the database does not decode", e);
        }
        if (hash == null || hash.length != Hash.LENGTH || !h.hash().equals(Hash.of(hash)) || h.height() != height) {
            throw ChainDataException.damaged(
                    "The header of block " + height + " in the database does not match its hash or height.");
        }
        return h;
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
                    sink.accept(checkedHeader(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
            return null;
        });
    }

    private static Transaction decodeTransaction(byte[] bytes, String where) {
        try {
            return Transaction.decode(bytes);
        } catch (RuntimeException e) {
            throw ChainDataException.damaged("A transaction of " + where + " in the database does not decode", e);
        }
    }

    @Override
    public Optional<StoredTransaction> transaction(Hash id) {
        return readers.read(() -> "transaction " + id, r -> {
            PreparedStatement s = r.prepare(
                    "SELECT t.bytes, t.height, t.idx, b.hash FROM transactions t JOIN blocks b ON b.height = t.height"
                            + " WHERE t.txid = ? ORDER BY t.id FETCH FIRST 1 ROW ONLY");
            s.setBytes(1, id.bytes());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long height = rs.getLong(2);
                Transaction tx = decodeTransaction(rs.getBytes(1), "block " + height);
                return Optional.of(new StoredTransaction(tx, height, rs.getInt(3), Hash.of(rs.getBytes(4))));
            }
        });
    }

    /**
     * Streams every unspent output in storage order. Meant for start-up, to fill the in-memory
     * ledger; the rows come from one committed snapshot even while blocks are committed meanwhile.
     * {@code sink} runs on the calling thread while a reader connection is held.
     */
    @Override
    public void forEachUnspent(Consumer<UnspentOutput> sink) {
        readers.read(() -> "the unspent outputs", r -> {
            PreparedStatement s = r.prepare(
                    "SELECT id, txid, out_index, owner, asset, amount FROM outputs WHERE spent_height IS NULL ORDER BY id");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OutputRef ref = new OutputRef(Hash.of(rs.getBytes(2)), rs.getInt(3));
                    TxOutput out = new TxOutput(
                            Address.of(rs.getBytes(4)), AssetId.fromStorageKey(rs.getBytes(5)), rs.getLong(6));
                    sink.accept(new UnspentOutput(ref, out, rs.getLong(1)));
                }
            }
            return null;
        });
    }

    /** Outputs (spent or not) with storage ids in {@code [from, to]}: a primary-key range read. */
    @Override
    public java.util.List<UnspentOutput> outputsCreated(long from, long to) {
        return readers.read(() -> "the outputs " + from + ".." + to, r -> {
            PreparedStatement s = r.prepare(
                    "SELECT id, txid, out_index, owner, asset, amount FROM outputs WHERE id BETWEEN ? AND ? ORDER BY id");
            s.setLong(1, from);
            s.setLong(2, to);
            java.util.List<UnspentOutput> out = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OutputRef ref = new OutputRef(Hash.of(rs.getBytes(2)), rs.getInt(3));
                    TxOutput o = new TxOutput(
                            Address.of(rs.getBytes(4)), AssetId.fromStorageKey(rs.getBytes(5)), rs.getLong(6));
                    out.add(new UnspentOutput(ref, o, rs.getLong(1)));
                }
            }
            return out;
        });
    }

    /** Streams every non-zero balance, by owner and asset; see {@link #forEachUnspent} for threads. */
    @Override
    public void forEachBalance(BiConsumer<BalanceKey, Long> sink) {
        readers.read(() -> "the balances", r -> {
            PreparedStatement s =
                    r.prepare("SELECT owner, asset, amount FROM balances WHERE amount <> 0 ORDER BY owner, asset");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(
                            new BalanceKey(Address.of(rs.getBytes(1)), AssetId.fromStorageKey(rs.getBytes(2))),
                            rs.getLong(3));
                }
            }
            return null;
        });
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
            closeQuietly(writer, failure);
            closeQuietly(sync, failure);
            try {
                writerConnection.rollback();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            closeQuietly(writerConnection, failure);
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
