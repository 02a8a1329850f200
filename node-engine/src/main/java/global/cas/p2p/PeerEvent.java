package global.cas.p2p;

import java.net.InetSocketAddress;

/**
 * Something that happened to a peer, told to {@link PeerNetwork#onPeer} listeners in order per
 * peer. A node id is connected at most once at a time: a duplicate connection that is dropped, or
 * one that replaces another to the same node, produces no event.
 */
public sealed interface PeerEvent {
    NodeId id();

    /** The handshake with {@code peer} finished; messages can flow. */
    record Connected(PeerInfo peer) implements PeerEvent {
        @Override
        public NodeId id() {
            return peer.id();
        }
    }

    /**
     * The last connection to {@code id} ended for {@code reason}; {@code byPeer} when the peer said
     * so, false when this node decided (or the connection was lost).
     */
    record Disconnected(NodeId id, InetSocketAddress address, DisconnectReason reason, boolean byPeer)
            implements PeerEvent {}
}
