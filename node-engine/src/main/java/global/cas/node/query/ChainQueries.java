package global.cas.node.query;

import global.cas.crypto.Hash;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reads of the committed chain: its head and, for wallet scanners, its blocks one at a time.
 * Implementations are thread-safe and never return a block above the tip they report.
 *
 * <p>A node started with pruning keeps the headers, commits and state of every block but drops
 * the transactions of old blocks ({@link #prunedBelow}); a wallet open on it holds back the
 * blocks it has not read yet ({@link #holdPruning}).
 */
public interface ChainQueries {
    /** The last committed block and which chain this is. */
    TipSummary tipSummary();

    /**
     * Block {@code height} with its rewards, once the tip includes it; empty above the tip and for
     * a pruned block ({@code 0 < height < prunedBelow()}).
     */
    Optional<BlockSummary> blockSummary(long height);

    /**
     * The hash of block {@code height}, from its header (kept when its transactions are pruned);
     * empty above the tip.
     */
    Optional<Hash> blockHash(long height);

    /**
     * Blocks {@code 1 .. prunedBelow() - 1} have no transactions stored any more (pruned); {@code 0}
     * when none is pruned. Genesis is never pruned. It only grows.
     */
    long prunedBelow();

    /**
     * Keeps every block from {@code nextNeeded.getAsLong()} up unpruned until the hold is closed:
     * a wallet scanner holds the first block it has not read yet, so no block is pruned before an
     * open wallet has read it. The supplier is called on the node's chain thread and must be cheap
     * and thread-safe.
     */
    PruningHold holdPruning(LongSupplier nextNeeded);
}
