package global.cas.store.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database file near the size of its live data. H2's MVStore never overwrites: each
 * commit appends a chunk (a block's changed pages, some 20 KiB for an empty block), and a chunk's
 * space is reused only once none of its pages is live. Old chunks keep a few live pages (a leaf of
 * the block-hash index that no later block touched, a full leaf of an append-only table), so they
 * must be rewritten, and the space they leave is a hole that only a later chunk of the right size
 * fills: H2's background housekeeping does both, and {@code WRITE_DELAY=0} turns it off.
 *
 * <p>So after each commit {@link #afterCommit} wakes one background thread (not the chain
 * thread's time) which, when less of the chunks' bytes is live than {@link CompactionPolicy} says,
 * marks the live pages of sparse old chunks (at most the policy's chunk rate live) for rewriting, a
 * bounded amount per pass; the next block's commit writes them into its chunk, and the old chunks, now dead,
 * are freed by the commit after (with no retention time). New chunks take the first hole they fit,
 * and H2 cuts the file when its end is free.
 *
 * <p>A pass holds the store's write lock, so it never falls between a block's commit and the
 * {@code CHECKPOINT SYNC} after it: with no retention time, H2 overwrites at each write the chunks
 * that died at the write before, so two writes without a sync between them could overwrite a chunk
 * the last synced block still needs. When a pass wrote to the file itself (H2 writes by itself once
 * enough changes wait in memory), it forces the file before it lets the next block in. The chain
 * thread waits only when a block comes while a pass runs.
 *
 * <p>Blocks that come less than {@value #SYNC_GAP_MILLIS} ms apart (a sync from genesis, a node
 * catching up) leave that thread no turn between two commits, and a pass every other block
 * measured twice the file of a pass every block, so then the chain thread runs the pass itself
 * after each commit: compaction costs the sync some speed instead of letting the file grow.
 *
 * <p>It never moves chunks ({@code RandomAccessStore.compactMoveChunks}, what {@code
 * compactFile} and H2's own housekeeping do to close holes): in H2 2.3.232 a move beside commits
 * fails its own assertion in {@code moveChunkInside} (H2 issue 4123, rows lost after restarts),
 * which the storage benchmark met within seconds. A failed pass is logged and leaves the file
 * larger, never the data different. Uses H2 internals to reach the MVStore; pinned to H2 2.3.
 * Thread-safe.
 */
final class FileCompactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileCompactor.class);

    private final MVStore store;
    private final Object writeLock;
    private final CompactionPolicy policy;
    private final String where;
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong passes = new AtomicLong();

    /** Blocks closer than this are a sync: each one's pass runs on the committing thread. */
    static final long SYNC_GAP_MILLIS = 100;

    /** When the last commit asked for a pass; touched only by committing threads, under the write lock. */
    private long lastCommitNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    private FileCompactor(MVStore store, Object writeLock, CompactionPolicy policy, String where) {
        this.store = store;
        this.writeLock = writeLock;
        this.policy = policy;
        this.where = where;
        this.worker = store == null
                ? null
                : Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "chain-file-compactor");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** The MVStore behind an embedded connection to a file database; null for a memory database. */
    static MVStore fileStoreOf(Connection c) throws SQLException {
        Session session = c.unwrap(JdbcConnection.class).getSession();
        if (session instanceof SessionLocal local && local.getDatabase().getStore() != null) {
            MVStore store = local.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? null : store;
        }
        return null;
    }

    /**
     * The compactor of the database behind an embedded connection; a no-op for memory databases.
     *
     * @param writeLock held by the store around each block's commit and sync; each pass holds it too
     */
    static FileCompactor of(Connection c, Object writeLock, CompactionPolicy policy, String where) throws SQLException {
        return new FileCompactor(fileStoreOf(c), writeLock, policy, where);
    }

    /**
     * Asks for a pass after a commit; called by the committing thread, which holds the write lock.
     * Returns at once, unless blocks come as in a sync: then it runs the pass on the calling thread.
     */
    void afterCommit() {
        if (worker == null) {
            return;
        }
        long now = System.nanoTime();
        boolean sync = now - lastCommitNanos < TimeUnit.MILLISECONDS.toNanos(SYNC_GAP_MILLIS);
        lastCommitNanos = now;
        if (sync) {
            queued.set(false);
            passLocked();
        } else if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::pass);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                queued.set(false);
            }
        }
    }

    private void pass() {
        synchronized (writeLock) {
            if (queued.compareAndSet(true, false)) {
                passLocked();
            }
        }
    }

    private void passLocked() {
        try {
            if (store.isClosed() || policy.rewriteBelowFillRate() == 0) {
                return;
            }
            long version = store.getCurrentVersion();
            if (rewrite()) {
                passes.incrementAndGet();
            }
            if (store.getCurrentVersion() != version && !store.isClosed()) {
                store.sync();
            }
        } catch (RuntimeException e) {
            // the blocks are stored; a failed rewrite only leaves the file larger for now
            LOG.warn("Could not compact the chain database {}", where, e);
        }
    }

    /**
     * Rewrites the live pages of sparse chunks when less of the chunks' bytes is live than the
     * policy's rate. H2's {@code MVStore.compact} takes every chunk as a candidate, oldest and
     * sparsest first, up to the pass's bytes: in a store smaller than a pass that is all of its
     * live data, again each time a tenth of it has died (nine bytes copied for each byte freed).
     * With a chunk rate below 100 only chunks at most that full are taken, through H2's own
     * chunk selection ({@code FileStore.rewriteChunks(writeLimit, targetFillRate)}, protected in
     * 2.3.232, so reached by reflection under the store lock as {@code compact} takes it).
     */
    private boolean rewrite() {
        if (policy.chunkFillRate() >= 100) {
            return store.compact(policy.rewriteBelowFillRate(), policy.rewriteBytes());
        }
        org.h2.mvstore.FileStore<?> file = store.getFileStore();
        if (file.getChunksFillRate() >= policy.rewriteBelowFillRate()) {
            return false;
        }
        if (REWRITE_CHUNKS == null || TRY_UNDER_STORE_LOCK == null) {
            throw new IllegalStateException("H2's chunk rewrite is not reachable (not H2 2.3?)");
        }
        try {
            Object done = TRY_UNDER_STORE_LOCK.invoke(store, (java.util.concurrent.Callable<Boolean>)
                    () -> (Boolean) REWRITE_CHUNKS.invoke(file, policy.rewriteBytes(), policy.chunkFillRate()));
            return Boolean.TRUE.equals(done);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.lang.reflect.InvocationTargetException nested && nested.getCause() != null) {
                cause = nested.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("H2's chunk rewrite failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("H2's chunk rewrite is not reachable (not H2 2.3?)", e);
        }
    }

    /** H2 2.3.232's chunk selection and store lock; null (logged) when this H2 has no such methods. */
    private static final java.lang.reflect.Method REWRITE_CHUNKS =
            h2Method(org.h2.mvstore.FileStore.class, "rewriteChunks", int.class, int.class);

    private static final java.lang.reflect.Method TRY_UNDER_STORE_LOCK =
            h2Method(MVStore.class, "tryExecuteUnderStoreLock", java.util.concurrent.Callable.class);

    private static java.lang.reflect.Method h2Method(Class<?> owner, String name, Class<?>... parameters) {
        try {
            java.lang.reflect.Method m = owner.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "H2's {}.{} is not reachable; the chain file will not be compacted",
                    owner.getSimpleName(),
                    name,
                    e);
            return null;
        }
    }

    /** How many passes rewrote something since opening; for tests. */
    long passes() {
        return passes.get();
    }

    /** Waits until the pass asked for last has run (for tests and measurements). */
    void awaitIdle() throws InterruptedException {
        if (worker != null) {
            java.util.concurrent.Future<?> done = worker.submit(() -> {});
            try {
                done.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * One last pass on the calling thread, which holds the write lock, after {@link #close}: a clean
     * stop leaves a compact file. The caller commits after it (the rewritten pages are in memory
     * until then).
     */
    void lastPass() {
        if (store != null) {
            passLocked();
        }
    }

    /**
     * Stops the thread after its current pass. Call it without holding the write lock (the pass
     * takes it), and before the store closes.
     */
    @Override
    public void close() {
        if (worker != null) {
            worker.shutdown();
            try {
                if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("The compactor of {} did not stop within 30 s", where);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
