/**
 * The Netty transport behind {@link global.cas.p2p.PeerNetwork}: one NIO event loop group for the
 * listening socket and every connection, a {@code PeerHandler} per connection running the handshake
 * and the frames of {@code global.cas.p2p}, a registry that settles limits, bans and duplicate
 * connections, a dialler for seeds and persistent peers, and peer exchange. Everything is
 * package-private; {@link global.cas.p2p.netty.NettyPeerNetworks} makes one. Listeners run on one
 * application thread, never on an event loop. Depends on {@code p2p}, {@code crypto} and Netty.
 */
package global.cas.p2p.netty;
