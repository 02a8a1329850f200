/**
 * The peer-to-peer layer as the rest of the node sees it: node identities ({@link
 * global.cas.p2p.NodeId}, {@link global.cas.p2p.NodeKey}), the {@link global.cas.p2p.PeerNetwork}
 * interface, its configuration, and the pure, I/O-free pieces of the wire protocol (the
 * authenticated X25519 handshake, ChaCha20-Poly1305 frames, channels with their limits, token
 * buckets, peer exchange messages, the address book). Everything here is testable without a socket;
 * the transport lives in {@code p2p.netty}. Depends only on {@code crypto}, BouncyCastle, Jackson
 * and SLF4J.
 */
package global.cas.p2p;
