package global.cas.store.h2;

import global.cas.chain.ChainTip;
import global.cas.crypto.Hash;
import global.cas.h2.DamagedDatabaseException;
import global.cas.h2.FileInspector;
import global.cas.h2.H2Files;
import global.cas.h2.StoreException;
import global.cas.params.ParamsSchedule;
import global.cas.store.ChainDataException;
import global.cas.store.StateDigest;
import global.cas.validators.ValidatorSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening the chain database for {@link H2ChainStore}: the hostile-file checks before H2 reads a
 * byte ({@link FileInspector}), the schema checks around the migrations ({@link SchemaGuard}), the
 * connections, and the module state and tip read back. What it opened is handed over whole as
 * {@link Parts}; anything that fails closes what was opened and is reported as damage ({@link
 * ChainDataException}) or a storage failure ({@link StoreException}).
 */
final class ChainStoreOpening {
    private static final Logger LOG = LoggerFactory.getLogger(ChainStoreOpening.class);

    /**
     * {@code WRITE_DELAY=0}: commits reach the file before they return (see the class comment).
     * {@code CACHE_SIZE} in KiB: the pages of the tables and indexes that blocks touch.
     * {@code DB_CLOSE_ON_EXIT=FALSE}: the node closes the store itself, after its last commit.
     * {@code MAX_COMPACT_TIME=0}: no compaction while closing. H2 2.3.232 then moves chunks about,
     * and after a {@code kill -9} and a restart that move corrupted the file ("Double mark") in about
     * half of the node's crash-restart runs (2.3.232's close commits before it moves chunks, 2.4's
     * after: the likely cause); {@link FileCompactor} compacts while running instead, and never
     * moves chunks.
     * {@code COMPRESS=TRUE}: pages are written LZF-compressed (64 KiB pages), 2.0-2.4 times smaller
     * (hashes and keys compress little, the repeated row layouts a lot); with it the file stays
     * within about 2x its live data at sync speed, where uncompressed it was 2.8-4.8x, for some 3%
     * more CPU a transfer (benchmarks.md, "Storage growth"). Earlier files keep their uncompressed
     * pages until H2 rewrites them.
     */
    private static final String SETTINGS =
            ";WRITE_DELAY=0;CACHE_SIZE=65536;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0;COMPRESS=TRUE";

    private static final Pattern MEMORY_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int READERS = 4;

    private ChainStoreOpening() {}

    /** What an opened chain database consists of; the store owns all of it from then on. */
    record Parts(
            String where,
            Connection writer,
            BlockWriter blockWriter,
            Statement sync,
            FileCompactor compactor,
            ReaderPool readers,
            Object writeLock,
            ChainTip tip,
            StateDigest digest,
            ParamsSchedule params,
            ValidatorSchedule validators,
            java.util.OptionalInt format,
            long prunedBelow,
            global.cas.records.RecordSet governance) {}

    /** The database file in {@code dataDir} (see {@link H2ChainStore#open(Path)}). */
    static Parts file(Path dataDir, CompactionPolicy policy) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path base = dir.resolve(H2ChainStore.DATABASE_NAME);
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

    /** A private in-memory database (see {@link H2ChainStore#openInMemory}). */
    static Parts memory(String name) {
        if (!MEMORY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "An in-memory database name has 1 to 64 letters, digits, '_' or '-': " + name);
        }
        return open("jdbc:h2:mem:" + name + SETTINGS, "in memory '" + name + "'", CompactionPolicy.DEFAULT);
    }

    private static Parts open(String url, String where, CompactionPolicy policy) {
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
            java.util.OptionalInt format = ModuleStateRows.readFormat(w);
            ParamsSchedule params = null;
            ValidatorSchedule validators = null;
            global.cas.records.RecordSet governance = null;
            if (format.isPresent() && format.getAsInt() == BlockWriter.FORMAT) {
                params = ModuleStateRows.readParams(w, where);
                validators = ModuleStateRows.readValidators(w, where);
                governance = ModuleStateRows.readModule(w, global.cas.governance.GovernanceState.MODULE, where);
                try (PreparedStatement s = w.prepareStatement(ModuleStateRows.TIP_QUERY);
                        ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        tip = ModuleStateRows.tip(r, params, validators, governance.root(), where);
                        byte[] d = r.getBytes(7);
                        digest = d == null ? null : StateDigest.of(Hash.of(d));
                    }
                }
            }
            long pruned = Pruning.readBelow(w, tip, where);
            w.commit();
            LOG.info("Opened the chain database {} at height {}", where, tip == null ? "none (empty)" : tip.height());
            if (pruned > 0) {
                LOG.info("Blocks 1 to {} of {} are pruned (headers, commits and state kept)", pruned - 1, where);
            }
            Object writeLock = new Object();
            compactor = FileCompactor.of(w, writeLock, policy, where);
            UnsavedPagesLimit.raise(FileCompactor.fileStoreOf(w), where);
            return new Parts(
                    where,
                    w,
                    writer,
                    sync,
                    compactor,
                    readers,
                    writeLock,
                    tip,
                    digest,
                    params,
                    validators,
                    format,
                    pruned,
                    governance);
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

    static void closeQuietly(AutoCloseable c, Exception failure) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
