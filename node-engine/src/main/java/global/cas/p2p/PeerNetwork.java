package global.cas.p2p;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The node's connections to other nodes: encrypted, authenticated by node key, limited in size and
 * rate per channel. Implementations are thread-safe; no method blocks on the network. Listeners are
 * called on one application thread (never a network thread), in order per peer; register them
 * before {@link #start()}.
 */
public interface PeerNetwork {
    /** This node's id. */
    NodeId localId();

    /**
     * Binds the listening socket, dials the seeds and persistent peers. Completes with the bound
     * address, or exceptionally when the port cannot be bound.
     */
    CompletableFuture<InetSocketAddress> start();

    /**
     * Tells every peer {@link DisconnectReason#SHUTTING_DOWN}, closes every connection and the
     * listening socket, saves the address book. Completes when all threads have stopped.
     */
    CompletableFuture<Void> stop();

    /** The address listened on, once started. */
    Optional<InetSocketAddress> listenAddress();

    /**
     * Queues {@code body} for {@code peer} on {@code channel}. Returns false when the peer is not
     * connected or the queue refused it; delivery is never guaranteed (the connection may drop).
     *
     * @throws IllegalArgumentException when {@code body} is larger than the channel allows
     */
    boolean send(NodeId peer, Channel channel, byte[] body);

    /** Queues {@code body} for every connected peer; returns how many took it. */
    int broadcast(Channel channel, byte[] body);

    void onMessage(MessageListener listener);

    void onPeer(Consumer<PeerEvent> listener);

    /**
     * Ends the connection to {@code peer}, telling it {@code reason}; when {@code reason.bans()} the
     * peer is banned. This is how the application reports an invalid message ({@link
     * DisconnectReason#INVALID_MESSAGE}).
     */
    void disconnect(NodeId peer, DisconnectReason reason);

    /** True while {@code peer} is banned. */
    boolean isBanned(NodeId peer);

    /** The peers connected now (handshake finished). */
    List<PeerInfo> peers();

    /** Opens a connection to {@code address}; completes with the peer's id once the handshake is done. */
    CompletableFuture<NodeId> dial(InetSocketAddress address);

    /** Keeps a connection to {@code address}, redialling it whenever it drops. */
    void addPersistentPeer(InetSocketAddress address);

    /**
     * Stops redialling {@code address} (added by {@link #addPersistentPeer} or the configuration);
     * a connection open now stays open until it drops, as Bitcoin Core's {@code addnode remove}.
     */
    void removePersistentPeer(InetSocketAddress address);
}
