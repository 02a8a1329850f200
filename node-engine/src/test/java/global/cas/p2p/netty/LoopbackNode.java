package global.cas.p2p.netty;

import global.cas.p2p.Channel;
import global.cas.p2p.NodeId;
import global.cas.p2p.NodeKey;
import global.cas.p2p.P2pConfig;
import global.cas.p2p.PeerEvent;
import global.cas.p2p.PeerNetwork;
import global.cas.p2p.TestPeers;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One real network on 127.0.0.1 with short timeouts, recording what its listeners saw. */
final class LoopbackNode implements AutoCloseable {
    record Received(NodeId from, Channel channel, byte[] body) {}

    final PeerNetwork network;
    final List<Received> messages = new CopyOnWriteArrayList<>();
    final List<PeerEvent> events = new CopyOnWriteArrayList<>();
    final InetSocketAddress address;

    LoopbackNode(P2pConfig config, NodeKey key) {
        network = NettyPeerNetworks.create(config, key, InstantSource.system(), new SecureRandom());
        network.onMessage((from, channel, body) -> messages.add(new Received(from, channel, body)));
        network.onPeer(events::add);
        address = network.start().join();
    }

    static P2pConfig.Builder config(Path dir) {
        return P2pConfig.builder(TestPeers.CHAIN, TestPeers.GENESIS, dir)
                .listen("127.0.0.1", 0)
                .banDuration(Duration.ofSeconds(2))
                .handshakeTimeout(Duration.ofMillis(800))
                .keepAlive(Duration.ofSeconds(5))
                .redial(Duration.ofMillis(100), Duration.ofMillis(400))
                .peerExchange(false);
    }

    NodeId id() {
        return network.localId();
    }

    boolean connectedTo(LoopbackNode other) {
        return network.peers().stream().anyMatch(p -> p.id().equals(other.id()));
    }

    List<PeerEvent.Disconnected> disconnects() {
        return events.stream()
                .filter(e -> e instanceof PeerEvent.Disconnected)
                .map(e -> (PeerEvent.Disconnected) e)
                .toList();
    }

    @Override
    public void close() {
        network.stop().join();
    }
}
