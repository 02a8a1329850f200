package global.cas.store.h2;

/**
 * How the chain file is kept near the size of its live data: H2's retention time and the
 * thresholds {@link FileCompactor} works with. The store runs with {@link #DEFAULT}; tests and the
 * storage benchmark open stores with others (a short retention, or the policy before issue 7 to
 * measure against). Immutable.
 *
 * @param retentionMillis H2's {@code RETENTION_TIME}: a chunk younger than this is neither freed
 *     nor rewritten, whatever it holds
 * @param rewriteBelowFillRate when less than this percentage of the chunks' bytes is live, the
 *     live pages of the sparsest old chunks are rewritten (0: never)
 * @param rewriteBytes at most this many live bytes rewritten per pass
 * @param chunkFillRate a pass rewrites only chunks of which at most this percentage is live (100:
 *     any chunk, what H2's own {@code MVStore.compact} does)
 */
record CompactionPolicy(int retentionMillis, int rewriteBelowFillRate, int rewriteBytes, int chunkFillRate) {

    /**
     * The store's policy. {@code RETENTION_TIME=0}: the store forces the file to the disk after
     * every block, so a chunk that no longer holds live data of the last synced block is not needed
     * for any recovery, and readers pin the version they read ({@link VersionPin}) instead of
     * relying on time; H2's 45 s default kept every chunk of the last 45 s, which at sync speed was
     * all of the file (docs/benchmarks.md, "Storage growth"). 8 MiB rewritten a pass at most: with
     * compressed pages it ended a sync-speed run within 1.7x its live data, empty blocks and blocks
     * of transfers alike, where 4 MiB left the transfers at 2.1x. Only chunks at most 70% live are
     * rewritten: taking every chunk, as H2's own compaction does, rewrote all of a small store's
     * live data each time a tenth of it had died, which made an empty block twice as slow (44% of
     * the chain thread in LZF); at 70% the file stayed within 1.8x (empty blocks) and 2.0x
     * (transfers) at every tenth of a sync-speed run, and an empty block is as fast as before
     * issue 7 (docs/benchmarks.md, "Sparse chunks only").
     */
    static final CompactionPolicy DEFAULT = new CompactionPolicy(0, 90, 8 << 20, 70);

    /** What the store did before issue 7: H2's 45 s retention, rewrites below half live. */
    static final CompactionPolicy BEFORE_ISSUE_7 = new CompactionPolicy(45_000, 50, 4 << 20, 100);

    CompactionPolicy {
        if (retentionMillis < 0
                || rewriteBelowFillRate < 0
                || rewriteBelowFillRate > 100
                || rewriteBytes < 0
                || chunkFillRate < 1
                || chunkFillRate > 100) {
            throw new IllegalArgumentException("not a compaction policy: " + retentionMillis + " ms, below "
                    + rewriteBelowFillRate + "% live, " + rewriteBytes + " B a pass, chunks at most " + chunkFillRate
                    + "% live");
        }
    }

    /** This policy with another retention time. */
    CompactionPolicy withRetention(int millis) {
        return new CompactionPolicy(millis, rewriteBelowFillRate, rewriteBytes, chunkFillRate);
    }
}
