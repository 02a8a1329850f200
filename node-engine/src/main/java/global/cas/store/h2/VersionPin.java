package global.cas.store.h2;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.mvstore.MVStore;

/**
 * Keeps the chunks a read may still need from being freed while it runs. H2 releases a statement's
 * hold on its version when the statement returns, before a lazy result has been read (the readers
 * run with {@code LAZY_QUERY_EXECUTION}), and leaves the rest to its retention time; the store runs
 * with no retention time ({@link CompactionPolicy#DEFAULT}), so each read pins the version that was
 * current when it started until it has read everything. A chunk still live at a pinned version is
 * neither freed nor overwritten. Uses H2 internals; pinned to H2 2.3. Thread-safe.
 */
final class VersionPin {
    /** Ends a pin; close it exactly once. */
    @FunctionalInterface
    interface Pinned extends AutoCloseable {
        @Override
        void close();
    }

    private static final Pinned NONE = () -> {};

    /** The file's MVStore; null for a memory database, whose pages are never freed under a reader. */
    private final MVStore store;

    private VersionPin(MVStore store) {
        this.store = store;
    }

    /** The pin of the database behind an embedded connection. */
    static VersionPin of(Connection c) throws SQLException {
        return new VersionPin(FileCompactor.fileStoreOf(c));
    }

    /** Pins the current version until the returned handle is closed. */
    Pinned pin() {
        MVStore s = store;
        if (s == null || s.isClosed()) {
            return NONE;
        }
        MVStore.TxCounter counter = s.registerVersionUsage();
        return () -> s.deregisterVersionUsage(counter);
    }
}
