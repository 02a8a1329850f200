package global.cas.node;

import global.cas.chain.ChainParams;
import global.cas.crypto.KeyPair;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run a node: its data folder, its chain, the validator key it produces blocks with (when
 * it is one of the genesis validators), the mempool bound, the block interval and pruning.
 *
 * @param pruneKeepBlocks 0: every block is kept whole; otherwise the transactions of blocks older
 *     than the last {@code pruneKeepBlocks} are pruned (headers, commits and the state are kept),
 *     as far as no open wallet still has to read them ({@link BlockPruner})
 */
public record NodeConfig(
        Path dataDir,
        ChainParams params,
        Optional<KeyPair> validatorKey,
        int mempoolCapacity,
        long blockIntervalMillis,
        long pruneKeepBlocks) {
    public static final int DEFAULT_MEMPOOL_CAPACITY = 200_000;

    /**
     * The fewest blocks a pruning node keeps whole: the tip and the block before it, which a start
     * checks against the data folder's tip marker.
     */
    public static final long MIN_PRUNE_KEEP = 2;

    public NodeConfig {
        if (pruneKeepBlocks != 0 && pruneKeepBlocks < MIN_PRUNE_KEEP) {
            throw new IllegalArgumentException(
                    "a pruning node keeps at least " + MIN_PRUNE_KEEP + " blocks whole, not " + pruneKeepBlocks);
        }
    }

    /** A node that keeps every block whole. */
    public NodeConfig(
            Path dataDir,
            ChainParams params,
            Optional<KeyPair> validatorKey,
            int mempoolCapacity,
            long blockIntervalMillis) {
        this(dataDir, params, validatorKey, mempoolCapacity, blockIntervalMillis, 0);
    }

    /** This configuration with pruning to the last {@code keep} blocks (0: off). */
    public NodeConfig withPruning(long keep) {
        return new NodeConfig(dataDir, params, validatorKey, mempoolCapacity, blockIntervalMillis, keep);
    }
}
