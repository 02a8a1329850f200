package global.cas.store.h2;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps the database file from growing without end. H2's MVStore never overwrites: each commit
 * appends a chunk, and a chunk's space is reused only once none of its pages is live. An old chunk
 * usually keeps a few live pages (a leaf of an index no later block touched), so chunks must now
 * and then be rewritten, which H2's background housekeeping thread does; {@code WRITE_DELAY=0}
 * turns that thread off. So the chain thread does the housekeeping after each commit: when less
 * than half of the chunks' bytes are live, it rewrites the live pages of a few old chunks (at most
 * a few MiB). Measured: without it the file grew by about 60 KiB per small block forever; with it
 * the file stays bounded, at a fraction of a millisecond per block. Uses H2 internals to reach the
 * MVStore; pinned to H2 2.3. Not thread-safe: called under the store's write lock.
 */
final class FileCompactor {
    /** Below this percentage of live bytes in the chunks, rewrite some. */
    private static final int MIN_FILL_RATE = 50;

    /** At most this many bytes rewritten per block, so one commit never stalls on compaction. */
    private static final int MAX_REWRITE_BYTES = 4 << 20;

    private final MVStore store;

    private FileCompactor(MVStore store) {
        this.store = store;
    }

    /** The compactor of the database behind an embedded connection; a no-op for memory databases. */
    static FileCompactor of(Connection c) throws SQLException {
        Session session = c.unwrap(JdbcConnection.class).getSession();
        if (session instanceof SessionLocal local && local.getDatabase().getStore() != null) {
            MVStore store = local.getDatabase().getStore().getMvStore();
            return new FileCompactor(store.getFileStore() == null ? null : store);
        }
        return new FileCompactor(null);
    }

    /** Rewrites a little when the file has become sparse; returns whether it did. */
    boolean afterCommit() {
        return store != null && !store.isClosed() && store.compact(MIN_FILL_RATE, MAX_REWRITE_BYTES);
    }
}
