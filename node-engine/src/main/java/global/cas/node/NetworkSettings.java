package global.cas.node;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * How a node joins the peer-to-peer network: where it listens (port 0: any free port), the seed
 * nodes it asks for addresses, the peers it keeps connected, its connection limits and whether it
 * exchanges addresses (off on validators, so their addresses are not spread). Immutable.
 */
public record NetworkSettings(
        String listenHost,
        int listenPort,
        List<InetSocketAddress> seeds,
        List<InetSocketAddress> persistentPeers,
        int maxInbound,
        int maxOutbound,
        boolean peerExchange) {
    /** The port a node listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 26656;

    public NetworkSettings {
        seeds = List.copyOf(seeds);
        persistentPeers = List.copyOf(persistentPeers);
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535, not " + listenPort);
        }
    }

    /** Listening on {@code host:port} with these peers, default limits (40 in, 10 out). */
    public static NetworkSettings of(
            String host, int port, List<InetSocketAddress> persistentPeers, boolean peerExchange) {
        return new NetworkSettings(host, port, List.of(), persistentPeers, 40, 10, peerExchange);
    }
}
