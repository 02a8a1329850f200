package global.cas.p2p.netty;

import global.cas.p2p.Channel;
import global.cas.p2p.DisconnectException;
import global.cas.p2p.DisconnectReason;
import global.cas.p2p.NodeId;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What a {@link PeerHandler} asks of the network it belongs to. Called on event loops. */
interface PeerHost {
    /** The peer proved its key: a reason to refuse it (banned, duplicate, too many), or empty. */
    Optional<DisconnectReason> accept(PeerConnection connection);

    /** Both sides accepted: messages may flow. */
    void opened(PeerConnection connection);

    void received(PeerConnection connection, Channel channel, byte[] body) throws DisconnectException;

    /** A connection closed; {@code connection} is empty when it ended before the peer was known. */
    void closed(Closed closed);

    void ban(NodeId id, DisconnectReason reason);

    InstantSource clock();

    /** How a connection ended. */
    record Closed(
            Optional<PeerConnection> connection,
            Optional<NodeId> peer,
            InetSocketAddress remote,
            Optional<InetSocketAddress> dialed,
            DisconnectReason reason,
            boolean byPeer,
            CompletableFuture<NodeId> dial) {}
}
