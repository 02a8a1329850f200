package global.cas.consensus.driver;

import global.cas.consensus.ConsensusMessage;

/**
 * How the driver reaches its peers. Peers are named by an opaque id (the node id in hex on the real
 * network). Sending never blocks and may lose the message: the driver sends again.
 */
public interface ConsensusNetwork {
    /** Sends {@code message} to every connected peer. */
    void broadcast(ConsensusMessage message);

    /**
     * Sends {@code message} to one peer; false when it was not taken (the peer is gone, or its queue
     * for this kind of message is full: a catch-up range stops there and goes on when asked again).
     */
    boolean send(String peer, ConsensusMessage message);

    /**
     * {@code peer} sent something no honest node sends (a bad signature, a vote of a non-validator,
     * a proposal whose block does not match its hash): the transport disconnects and bans it.
     */
    void misbehaved(String peer, String reason);
}
