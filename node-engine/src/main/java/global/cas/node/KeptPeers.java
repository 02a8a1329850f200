package global.cas.node;

import global.cas.node.query.PersistentPeerSettings;
import global.cas.p2p.PeerAddress;
import global.cas.p2p.PeerNetwork;
import global.cas.p2p.PersistentPeers;
import global.cas.rejection.RejectedException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers a person keeps connected (Settings): the saved list of the data folder, and the running
 * network told of each change, when the node runs one. Thread-safe.
 */
final class KeptPeers implements PersistentPeerSettings {
    private static final Logger LOG = LoggerFactory.getLogger(KeptPeers.class);

    private final PersistentPeers saved;
    private final Supplier<Optional<PeerNetwork>> network;

    /** @param network the node's network once it joined one; empty before and when it runs none */
    KeptPeers(PersistentPeers saved, Supplier<Optional<PeerNetwork>> network) {
        this.saved = saved;
        this.network = network;
    }

    /** The saved list, which the network dials at start. */
    PersistentPeers saved() {
        return saved;
    }

    @Override
    public List<String> persistentPeers() {
        return saved.list().stream().map(Object::toString).toList();
    }

    @Override
    public PeerAdded addPersistentPeer(String typed) {
        PeerAddress peer = PeerAddress.parse(typed);
        if (!saved.add(peer)) {
            return PeerAdded.ALREADY_KEPT;
        }
        Optional<PeerNetwork> running = network.get();
        if (running.isEmpty()) {
            return PeerAdded.FROM_NEXT_START;
        }
        running.get().addPersistentPeer(peer.toSocketAddress());
        LOG.info("keeping a connection to {} (added in Settings)", peer);
        return PeerAdded.DIALLING;
    }

    @Override
    public boolean removePersistentPeer(String peer) {
        PeerAddress address;
        try {
            address = PeerAddress.parse(peer);
        } catch (RejectedException e) {
            return false;
        }
        if (!saved.remove(address)) {
            return false;
        }
        network.get().ifPresent(n -> n.removePersistentPeer(address.toSocketAddress()));
        return true;
    }
}
