package global.cas.p2p;

/**
 * A peer that proved its node key and whose chain, genesis and version match: its id, what it said
 * about itself, and the session to carry on with.
 */
public record HandshakeResult(NodeId peer, HandshakeInfo info, Session session) {}
