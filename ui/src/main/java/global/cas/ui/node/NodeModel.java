package global.cas.ui.node;

import global.cas.node.query.NetworkSummary;
import global.cas.node.query.StatusQueries;
import global.cas.node.query.TipSummary;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.shell.NodeAccess;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the UI knows about the embedded node, as read-only JavaFX properties updated on the FX
 * thread: whether it is ready, the height and time of the last block, blocks per minute over the
 * last minute, mempool size, data folder, whether it produces blocks. Fed by {@link
 * NodeEventBridge}; reads the node only through {@link NodeAccess}. FX thread only.
 */
public final class NodeModel {
    private final NodeAccess node;
    private final FxExecutor fx = new FxExecutor();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper height = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyLongWrapper lastBlockTime = new ReadOnlyLongWrapper(0);
    private final ReadOnlyIntegerWrapper blocksPerMinute = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper mempoolSize = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Path> dataDir = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper validator = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<String> chainId = new ReadOnlyObjectWrapper<>("");
    private final ReadOnlyBooleanWrapper localOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<NetworkSummary> network = new ReadOnlyObjectWrapper<>(
            new NetworkSummary(false, java.util.List.of(), java.util.Optional.empty(), java.util.Optional.empty()));
    private final SyncProgress syncProgress = new SyncProgress();
    private final ReadOnlyObjectWrapper<SyncProgress.Estimate> sync =
            new ReadOnlyObjectWrapper<>(SyncProgress.Estimate.NONE);
    private final Deque<Long> recentBlockTimes = new ArrayDeque<>();
    private final LongProperty clock = new SimpleLongProperty(System.currentTimeMillis());
    private final ObjectProperty<NodeEventBridge.ChainAdvanced> lastAdvance = new SimpleObjectProperty<>();

    /**
     * Peers and consensus are read again every few seconds too, not only with new blocks: a node
     * whose consensus stopped, or that waits for peers, makes no block that would refresh them.
     */
    private final javafx.animation.Timeline networkTicker =
            new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(3), e -> {
                if (ready.get()) {
                    refreshNetwork();
                }
            }));

    public NodeModel(NodeAccess node, NodeEventBridge events) {
        this.node = node;
        events.onChainAdvanced(this::advanced);
        networkTicker.setCycleCount(javafx.animation.Animation.INDEFINITE);
        networkTicker.play();
        node.ready()
                .whenCompleteAsync(
                        (n, error) -> {
                            if (error != null) {
                                failure.set((error instanceof java.util.concurrent.CompletionException
                                                        && error.getCause() != null
                                                ? error.getCause()
                                                : error)
                                        .getMessage());
                                return;
                            }
                            dataDir.set(n.dataDir());
                            validator.set(n.isValidator());
                            TipSummary t = n.tipSummary();
                            chainId.set(t.chainId());
                            localOnly.set(t.localOnly());
                            height.set(t.height());
                            lastBlockTime.set(t.time());
                            ready.set(true);
                            refreshNetwork();
                        },
                        fx);
    }

    private void advanced(NodeEventBridge.ChainAdvanced a) {
        long now = System.currentTimeMillis();
        height.set(a.newest().height());
        lastBlockTime.set(a.newest().time());
        for (int i = 0; i < a.blocks(); i++) {
            recentBlockTimes.addLast(now);
        }
        while (!recentBlockTimes.isEmpty() && recentBlockTimes.peekFirst() < now - 60_000) {
            recentBlockTimes.removeFirst();
        }
        blocksPerMinute.set(recentBlockTimes.size());
        clock.set(now);
        lastAdvance.set(a);
        if (ready.get()) {
            node.call(StatusQueries::mempoolSize).thenAcceptAsync(mempoolSize::set, fx);
            refreshNetwork();
        }
    }

    private void refreshNetwork() {
        node.call(StatusQueries::networkSummary).thenAcceptAsync(this::networkRead, fx);
    }

    private void networkRead(NetworkSummary n) {
        network.set(n);
        long peerHeight = n.consensus().map(c -> c.highestPeerHeight()).orElse(0L);
        sync.set(syncProgress.add(new SyncProgress.Sample(
                System.currentTimeMillis(), height.get(), lastBlockTime.get(), peerHeight, n.peers(), n.joined())));
    }

    /**
     * How far behind the network the node is and how fast it catches up, estimated anew each time
     * the network summary is read (every few seconds and with new blocks).
     */
    public ReadOnlyObjectProperty<SyncProgress.Estimate> syncProperty() {
        return sync.getReadOnlyProperty();
    }

    /** Peers, listening address and consensus state, read again with each new block. */
    public ReadOnlyObjectProperty<NetworkSummary> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Why the node could not start, if it could not. */
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty heightProperty() {
        return height.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty lastBlockTimeProperty() {
        return lastBlockTime.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty blocksPerMinuteProperty() {
        return blocksPerMinute.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty mempoolSizeProperty() {
        return mempoolSize.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> dataDirProperty() {
        return dataDir.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validatorProperty() {
        return validator.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> chainIdProperty() {
        return chainId.getReadOnlyProperty();
    }

    /**
     * True once the node runs a chain of this computer only (a devnet: bundle key {@code
     * node.localOnly} says so in words).
     */
    public ReadOnlyBooleanProperty localOnlyProperty() {
        return localOnly.getReadOnlyProperty();
    }

    /** The last merged update from the node, for listeners that react to new blocks. */
    public ReadOnlyObjectProperty<NodeEventBridge.ChainAdvanced> lastAdvanceProperty() {
        return lastAdvance;
    }

    public NodeAccess access() {
        return node;
    }
}
