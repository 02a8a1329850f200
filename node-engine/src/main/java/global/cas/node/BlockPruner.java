package global.cas.node;

import global.cas.node.query.PruningHold;
import global.cas.store.ChainStore;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes old block bodies after commits, on the chain thread, when the node was started with
 * pruning: the target is {@code tip + 1 - keep}, lowered to the first block any open wallet still
 * has to read ({@link #hold}). A pass runs once the target is {@link #STEP} blocks ahead of what
 * is pruned, and deletes at most {@link #PASS_TRANSACTIONS} transactions, so a commit is never
 * held up for long however far behind pruning is (a sync catches up over several blocks). A
 * failing pass is logged and pruning stops until the next start; the blocks stay whole.
 */
final class BlockPruner {
    private static final Logger LOG = LoggerFactory.getLogger(BlockPruner.class);

    /** Blocks the target runs ahead of the pruned height before a pass runs. */
    static final long STEP = 100;

    /** Transactions deleted by one pass at most (a pass takes at least one block). */
    static final int PASS_TRANSACTIONS = 20_000;

    private final ChainStore store;
    private final long keep;
    private final CopyOnWriteArrayList<LongSupplier> holds = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    /** @param keep blocks kept whole below and at the tip; 0 turns pruning off */
    BlockPruner(ChainStore store, long keep) {
        this.store = store;
        this.keep = keep;
    }

    /** Whether this node prunes. */
    boolean enabled() {
        return keep > 0 && !stopped;
    }

    /** Keeps blocks from {@code nextNeeded} up whole while the hold is open. */
    PruningHold hold(LongSupplier nextNeeded) {
        LongSupplier registered = nextNeeded::getAsLong;
        holds.add(registered);
        return () -> holds.remove(registered);
    }

    /** The height pruning may reach now: blocks below it may lose their transactions. */
    long target(long tipHeight) {
        long target = tipHeight + 1 - keep;
        for (LongSupplier h : holds) {
            target = Math.min(target, h.getAsLong());
        }
        return target;
    }

    /** Called on the chain thread after block {@code tipHeight} is committed. */
    void afterCommit(long tipHeight) {
        if (!enabled()) {
            return;
        }
        // the block is committed already: nothing here may fail its commit
        try {
            long target = target(tipHeight);
            long pruned = Math.max(store.prunedBelow(), 1);
            if (target - pruned < STEP) {
                return;
            }
            store.prune(target, PASS_TRANSACTIONS);
        } catch (RuntimeException e) {
            stopped = true;
            LOG.error("Pruning old blocks failed; the node goes on without pruning until it is restarted", e);
        }
    }
}
