package global.cas.p2p;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One connected peer as seen at one instant. Immutable.
 *
 * @param id the peer's node id, proven in the handshake
 * @param address the remote end of the TCP connection
 * @param inbound true when the peer dialled this node
 * @param connectedSince when the handshake finished
 * @param listenPort the port the peer says it listens on (0: it does not accept connections)
 * @param bytesIn bytes received on the connection, frames included
 * @param bytesOut bytes sent on the connection, frames included
 * @param pingMicros the last measured round trip of a PING and its PONG (empty before the first)
 */
public record PeerInfo(
        NodeId id,
        InetSocketAddress address,
        boolean inbound,
        Instant connectedSince,
        int listenPort,
        long bytesIn,
        long bytesOut,
        java.util.OptionalLong pingMicros) {}
