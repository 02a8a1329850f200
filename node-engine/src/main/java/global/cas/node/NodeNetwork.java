package global.cas.node;

import global.cas.chain.ChainParams;
import global.cas.consensus.driver.ConsensusStatus;
import global.cas.consensus.driver.ConsensusTransport;
import global.cas.network.PeerConsensusTransport;
import global.cas.network.TransactionGossip;
import global.cas.node.query.NetworkSummary;
import global.cas.p2p.NodeKey;
import global.cas.p2p.P2pConfig;
import global.cas.p2p.PeerAddress;
import global.cas.p2p.PeerInfo;
import global.cas.p2p.PeerNetwork;
import global.cas.p2p.PersistentPeers;
import global.cas.p2p.netty.NettyPeerNetworks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's part in a peer-to-peer network: the network itself (its node key from the data folder),
 * the transaction gossip over it (every transaction the mempool admits goes to peers; theirs come
 * in through {@link ChainService#submitAll}), and the consensus traffic it carries. Made before the
 * block producer (which takes its transport), started after it. Thread-safe.
 */
final class NodeNetwork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeNetwork.class);

    private final PeerNetwork peers;
    private final TransactionGossip gossip;
    private final ConsensusTransport transport;

    private NodeNetwork(PeerNetwork peers, TransactionGossip gossip) {
        this.peers = peers;
        this.gossip = gossip;
        this.transport = new PeerConsensusTransport(peers);
    }

    /**
     * Makes the network of {@code settings} (not started yet) and the gossip over it; the peers saved
     * in Settings ({@code saved}) are kept connected beside the configured ones.
     */
    static NodeNetwork join(NodeConfig config, ChainService chain, NetworkSettings settings, PersistentPeers saved)
            throws IOException {
        ChainParams p = config.params();
        List<InetSocketAddress> persistent = new ArrayList<>(settings.persistentPeers());
        for (PeerAddress a : saved.list()) {
            if (!persistent.contains(a.toSocketAddress())) {
                persistent.add(a.toSocketAddress());
            }
        }
        NodeKey key = NodeKey.loadOrCreate(config.dataDir(), new SecureRandom());
        P2pConfig p2p = P2pConfig.builder(p.chainId(), chain.genesisHash(), config.dataDir())
                .listen(settings.listenHost(), settings.listenPort())
                .seeds(settings.seeds())
                .persistentPeers(persistent)
                .maxInbound(settings.maxInbound())
                .maxOutbound(settings.maxOutbound())
                .peerExchange(settings.peerExchange())
                .build();
        PeerNetwork network = NettyPeerNetworks.create(p2p, key);
        TransactionGossip gossip = new TransactionGossip(network, chain::submitAll);
        chain.mempool().onAdmitted(gossip::admitted);
        return new NodeNetwork(network, gossip);
    }

    /** What consensus sends and receives over this network. */
    ConsensusTransport transport() {
        return transport;
    }

    /** Starts listening and dialling; waits up to 30 s for the listening socket. */
    void start() throws Exception {
        InetSocketAddress bound = peers.start().get(30, TimeUnit.SECONDS);
        LOG.info("peer-to-peer network of node {} listening on {}", peers.localId(), bound);
    }

    PeerNetwork peers() {
        return peers;
    }

    List<PeerInfo> connected() {
        return peers.peers();
    }

    /**
     * The node screen's view: each connected peer with what consensus heard from it (the height it
     * said, the validator whose votes it sent), where this node listens, and the consensus state.
     */
    NetworkSummary summary(Optional<ConsensusStatus> consensus) {
        Map<String, Long> heights = consensus.map(ConsensusStatus::peerHeights).orElse(Map.of());
        Map<String, Integer> validators =
                consensus.map(ConsensusStatus::peerValidators).orElse(Map.of());
        return new NetworkSummary(
                true,
                connected().stream()
                        .map(p -> {
                            String id = p.id().hex();
                            return new NetworkSummary.Peer(
                                    id,
                                    p.address().getHostString() + ":"
                                            + p.address().getPort(),
                                    p.inbound(),
                                    p.connectedSince().toEpochMilli(),
                                    p.bytesIn(),
                                    p.bytesOut(),
                                    heights.containsKey(id) ? OptionalLong.of(heights.get(id)) : OptionalLong.empty(),
                                    validators.containsKey(id)
                                            ? OptionalInt.of(validators.get(id))
                                            : OptionalInt.empty(),
                                    p.pingMicros());
                        })
                        .toList(),
                peers.listenAddress()
                        .map(a ->
                                (a.getAddress() != null && a.getAddress().isAnyLocalAddress() ? "*" : a.getHostString())
                                        + ":" + a.getPort()),
                consensus);
    }

    /** Stops the network (up to 30 s) and the gossip; logs, never throws. */
    @Override
    public void close() {
        try {
            peers.stop().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("the peer-to-peer network did not stop cleanly", e);
        }
        gossip.close();
    }
}
