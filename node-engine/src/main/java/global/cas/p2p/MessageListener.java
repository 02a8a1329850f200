package global.cas.p2p;

/** Receives the messages of connected peers, in the order each peer sent them. */
@FunctionalInterface
public interface MessageListener {
    /** {@code body} belongs to the listener; the network keeps no reference to it. */
    void onMessage(NodeId from, Channel channel, byte[] body);
}
