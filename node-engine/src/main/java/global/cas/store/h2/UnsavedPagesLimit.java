package global.cas.store.h2;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much changed page memory H2 lets wait before it writes a chunk in the middle of a
 * transaction. H2 2.3.232 writes every page changed so far whenever some 19 MB of changes wait
 * ({@code MVStore.autoCommitMemory}, from the builder's {@code autoCommitBufferSize}, which the
 * database layer never sets): a full block of 20,000 transfers did so several times while its rows
 * were inserted and again while H2 marked them committed, so each page was serialized, compressed
 * and written about twice. Raised to {@link #limitFor} (256 MiB at most, an eighth of the heap on a
 * small one), a block's pages are written once, at its commit: with the compactor's sparse chunks
 * and 32 MiB G1 regions, the chain thread's CPU a transfer in {@code cas bench} fell from 43–45 µs
 * to 21–29 µs (docs/benchmarks.md, "Sparse chunks only, one chunk a block"). It also leaves fewer
 * writes of one block unsynced (docs/storage.md, "Keeping the file small").
 *
 * <p>The field is final and private in H2, so it is set by reflection right after the database
 * opens, before any block is written; pinned to H2 2.3 like {@link FileCompactor}. When it cannot
 * be set the store keeps H2's limit and logs why: slower, never different data.
 */
final class UnsavedPagesLimit {
    private static final Logger LOG = LoggerFactory.getLogger(UnsavedPagesLimit.class);

    /** The most changed page memory waiting in a transaction before H2 writes a chunk. */
    static final int MAX_BYTES = 256 << 20;

    private UnsavedPagesLimit() {}

    /** The limit for a JVM of {@code maxHeapBytes}: an eighth of it, at most {@link #MAX_BYTES}, never below H2's own. */
    static int limitFor(long maxHeapBytes, int h2Default) {
        long eighth = maxHeapBytes / 8;
        return (int) Math.max(h2Default, Math.min(MAX_BYTES, eighth));
    }

    /** Raises the limit of {@code store} (null: a memory database, nothing to do). */
    static void raise(MVStore store, String where) {
        if (store == null) {
            return;
        }
        int before = store.getAutoCommitMemory();
        int limit = limitFor(Runtime.getRuntime().maxMemory(), before);
        if (limit == before) {
            return;
        }
        try {
            java.lang.reflect.Field f = MVStore.class.getDeclaredField("autoCommitMemory");
            f.setAccessible(true);
            f.setInt(store, limit);
            LOG.debug(
                    "H2 writes {} mid-transaction after {} MiB of changes (was {} MiB)",
                    where,
                    limit >> 20,
                    before >> 20);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "Could not raise H2's unsaved-page limit of {} (not H2 2.3?); it stays at {} MiB",
                    where,
                    before >> 20,
                    e);
        }
    }
}
