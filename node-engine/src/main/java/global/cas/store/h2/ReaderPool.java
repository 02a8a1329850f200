package global.cas.store.h2;

import global.cas.h2.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * A few read-only connections to the chain database, lent to one thread at a time. H2's MVStore
 * serves each reader a committed snapshot without locks, so RPC and UI threads read while the chain
 * thread commits; a reader sees a block either whole or not at all. A thread that finds every
 * connection lent waits for one. Thread-safe.
 */
final class ReaderPool implements AutoCloseable {
    /** One lent connection and the statements prepared on it, reused across loans. */
    static final class Reader {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        private Reader(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement s = statements.get(sql);
            if (s == null) {
                s = connection.prepareStatement(sql);
                statements.put(sql, s);
            }
            return s;
        }
    }

    /** Work done with a lent reader. */
    @FunctionalInterface
    interface Query<T> {
        T run(Reader reader) throws SQLException;
    }

    private final List<Reader> all;
    private final BlockingQueue<Reader> idle;
    private final VersionPin pin;

    /**
     * @param connections opens one new connection each call
     * @param pin pins the version a read starts at until it has read its last row
     */
    ReaderPool(int size, ConnectionSource connections, VersionPin pin) throws SQLException {
        this.pin = pin;
        all = new ArrayList<>(size);
        idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection c = connections.open();
                Reader r = new Reader(c);
                all.add(r);
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    // Stream large results (all unspent outputs at start) instead of buffering them.
                    s.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
                idle.add(r);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Opens a connection to the chain database. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /**
     * Runs {@code query} on a lent connection.
     *
     * @param what names the read in the exception thrown when it fails
     * @throws global.cas.store.ChainDataException when H2 meets a damaged page or checksum
     * @throws StoreException when the database fails otherwise or the store is closed
     */
    <T> T read(Supplier<String> what, Query<T> query) {
        Reader r;
        try {
            r = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to read " + what.get(), e);
        }
        // lazy results are read after H2 ends the statement: keep their chunks until the last row
        VersionPin.Pinned pinned = pin.pin();
        try {
            return query.run(r);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof global.cas.store.ChainDataException cd) {
                throw cd;
            }
            if (H2Damage.is(e)) {
                throw global.cas.store.ChainDataException.damaged(
                        "H2 cannot read " + what.get() + " from the chain database: " + e.getMessage(), e);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException("cannot read " + what.get() + " from the chain database", e);
        } finally {
            pinned.close();
            idle.add(r);
        }
    }

    @Override
    public void close() {
        for (Reader r : all) {
            try {
                r.connection.close();
            } catch (SQLException ignored) {
                // closing: a connection that fails to close is gone anyway
            }
        }
    }
}
