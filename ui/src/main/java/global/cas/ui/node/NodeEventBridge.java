package global.cas.ui.node;

import global.cas.node.NodeEvent;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Moves node events from the node's threads to the UI thread. Block commits are merged: however
 * many arrive before the UI thread runs, the UI gets one {@link ChainAdvanced} with the newest
 * block and how many blocks and transactions it covers; other events are delivered in order.
 * At most one drain is queued on the UI executor at a time. {@link #accept} is thread-safe and
 * never blocks; listeners run on the UI executor only.
 */
public final class NodeEventBridge implements Consumer<NodeEvent> {
    private final Executor uiThread;
    private final AtomicReference<ChainAdvanced> pendingBlocks = new AtomicReference<>();
    private final Queue<NodeEvent> pendingOthers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final List<Consumer<ChainAdvanced>> blockListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<NodeEvent>> otherListeners = new CopyOnWriteArrayList<>();

    /** The newest committed block, and how many blocks and transactions were merged into this update. */
    public record ChainAdvanced(NodeEvent.BlockCommitted newest, int blocks, long transactions) {
        ChainAdvanced merge(NodeEvent.BlockCommitted next) {
            return new ChainAdvanced(next, blocks + 1, transactions + next.transactions());
        }
    }

    /** @param uiThread runs tasks on the UI thread: {@code Platform::runLater} in the program */
    public NodeEventBridge(Executor uiThread) {
        this.uiThread = uiThread;
    }

    public void onChainAdvanced(Consumer<ChainAdvanced> listener) {
        blockListeners.add(listener);
    }

    public void onOtherEvent(Consumer<NodeEvent> listener) {
        otherListeners.add(listener);
    }

    @Override
    public void accept(NodeEvent event) {
        if (event instanceof NodeEvent.BlockCommitted b) {
            pendingBlocks.accumulateAndGet(
                    new ChainAdvanced(b, 1, b.transactions()), (old, single) -> old == null ? single : old.merge(b));
        } else {
            pendingOthers.add(event);
        }
        if (drainQueued.compareAndSet(false, true)) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        drainQueued.set(false);
        NodeEvent other;
        while ((other = pendingOthers.poll()) != null) {
            for (Consumer<NodeEvent> l : otherListeners) {
                l.accept(other);
            }
        }
        ChainAdvanced blocks = pendingBlocks.getAndSet(null);
        if (blocks != null) {
            for (Consumer<ChainAdvanced> l : blockListeners) {
                l.accept(blocks);
            }
        }
    }
}
