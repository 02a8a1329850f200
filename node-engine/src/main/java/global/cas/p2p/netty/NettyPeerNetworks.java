package global.cas.p2p.netty;

import global.cas.p2p.NodeKey;
import global.cas.p2p.P2pConfig;
import global.cas.p2p.PeerNetwork;
import java.security.SecureRandom;
import java.time.InstantSource;

/** Makes the Netty implementation of {@link PeerNetwork}; the only public type of this package. */
public final class NettyPeerNetworks {
    private NettyPeerNetworks() {}

    /** A network on the system clock; {@code start()} it. */
    public static PeerNetwork create(P2pConfig config, NodeKey key) {
        return create(config, key, InstantSource.system(), new SecureRandom());
    }

    /**
     * A network whose rate limits and bans follow {@code clock} (timeouts and keep-alives use the
     * event loop's own timer).
     */
    public static PeerNetwork create(P2pConfig config, NodeKey key, InstantSource clock, SecureRandom random) {
        return new NettyPeerNetwork(config, key, clock, random);
    }
}
