package global.cas.ui.settings;

import global.cas.node.query.PersistentPeerSettings.PeerAdded;
import global.cas.ui.i18n.Messages;
import global.cas.ui.shell.NodeAccess;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings list of peers to keep connected: what the node has saved, adding one as typed (the
 * node checks it and says why it refuses), removing one. Each change is saved by the node before the
 * list here changes; the outcome (dialling now, from the next start, already in the list, or the
 * reason it was refused) is one translated sentence. FX thread only; the node is called off it.
 */
public final class PeerListModel {
    private final NodeAccess access;
    private final Messages messages;
    private final Executor fx;
    private final ObservableList<String> peers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** @param fx runs on the FX thread ({@code Platform::runLater} or {@code FxExecutor}) */
    public PeerListModel(NodeAccess access, Messages messages, Executor fx) {
        this.access = access;
        this.messages = messages;
        this.fx = fx;
    }

    /** Reads the saved list from the node (once it is ready). */
    public CompletableFuture<Void> refresh() {
        return access.call(n -> n.persistentPeers()).thenAcceptAsync(peers::setAll, fx);
    }

    /** Adds the peer {@code typed}; completes on the FX thread once the outcome is shown. */
    public CompletableFuture<Void> add(String typed) {
        busy.set(true);
        return access.call(n -> {
                    PeerAdded added = n.addPersistentPeer(typed);
                    return new Added(added, n.persistentPeers());
                })
                .handleAsync(
                        (done, failure) -> {
                            busy.set(false);
                            if (failure != null) {
                                refused.set(true);
                                outcome.set(messages.explain(failure));
                            } else {
                                refused.set(false);
                                peers.setAll(done.peers());
                                outcome.set(messages.get(
                                        "settings.peers."
                                                + switch (done.added()) {
                                                    case DIALLING -> "dialling";
                                                    case FROM_NEXT_START -> "nextStart";
                                                    case ALREADY_KEPT -> "already";
                                                },
                                        typed.strip()));
                            }
                            return null;
                        },
                        fx);
    }

    /** Removes {@code peer}; completes on the FX thread once the list shows it. */
    public CompletableFuture<Void> remove(String peer) {
        return access.call(n -> {
                    n.removePersistentPeer(peer);
                    return n.persistentPeers();
                })
                .handleAsync(
                        (list, failure) -> {
                            if (failure != null) {
                                refused.set(true);
                                outcome.set(messages.explain(failure));
                            } else {
                                refused.set(false);
                                peers.setAll(list);
                                outcome.set(messages.get("settings.peers.removed", peer));
                            }
                            return null;
                        },
                        fx);
    }

    public ObservableList<String> peers() {
        return peers;
    }

    /** What the last change did, or why it was refused; empty before any. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Whether the last change was refused (the outcome is then shown as an error). */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** True while an addition waits for the node. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private record Added(PeerAdded added, List<String> peers) {}
}
