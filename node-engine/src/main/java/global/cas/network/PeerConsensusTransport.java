package global.cas.network;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.driver.ConsensusTransport;
import global.cas.p2p.Channel;
import global.cas.p2p.DisconnectReason;
import global.cas.p2p.NodeId;
import global.cas.p2p.PeerNetwork;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consensus messages over the {@link Channel#CONSENSUS} channel, and catch-up (committed blocks and
 * the ranges asked for) over {@link Channel#BLOCKS}, so a sync never pushes votes out of a queue or
 * waits behind them; a message on the other's channel is malformed; peers are named by their node id
 * in hex. A message that does not decode disconnects and bans its sender ({@code
 * MALFORMED_MESSAGE}); one the driver finds dishonest (bad signature, unknown validator, a block
 * that is not the one proposed) does too ({@code INVALID_MESSAGE}). Thread-safe.
 */
public final class PeerConsensusTransport implements ConsensusTransport {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConsensusTransport.class);

    private final PeerNetwork network;

    /** Registers its listener on {@code network}: make it before the network starts. */
    public PeerConsensusTransport(PeerNetwork network) {
        this.network = network;
    }

    @Override
    public void onMessage(BiConsumer<String, ConsensusMessage> receiver) {
        network.onMessage((from, channel, body) -> {
            if (channel != Channel.CONSENSUS && channel != Channel.BLOCKS) {
                return;
            }
            ConsensusMessage m;
            try {
                m = ConsensusMessage.decode(body);
            } catch (RuntimeException e) {
                LOG.info("peer {} sent a consensus message that does not decode: {}", from.shortId(), e.getMessage());
                network.disconnect(from, DisconnectReason.MALFORMED_MESSAGE);
                return;
            }
            if (channelOf(m) != channel) {
                LOG.info(
                        "peer {} sent a {} on the {} channel",
                        from.shortId(),
                        m.getClass().getSimpleName(),
                        channel);
                network.disconnect(from, DisconnectReason.MALFORMED_MESSAGE);
                return;
            }
            receiver.accept(from.hex(), m);
        });
    }

    @Override
    public void broadcast(ConsensusMessage message) {
        network.broadcast(Channel.CONSENSUS, message.encode());
    }

    @Override
    public boolean send(String peer, ConsensusMessage message) {
        return network.send(NodeId.fromHex(peer), channelOf(message), message.encode());
    }

    /** Catch-up traffic (committed blocks, ranges asked for) goes on its own channel, the rest on consensus. */
    static Channel channelOf(ConsensusMessage message) {
        return switch (message) {
            case ConsensusMessage.DecidedMessage d -> Channel.BLOCKS;
            case ConsensusMessage.RangeRequest r -> Channel.BLOCKS;
            case ConsensusMessage.ProposalMessage p -> Channel.CONSENSUS;
            case ConsensusMessage.VoteMessage v -> Channel.CONSENSUS;
            case ConsensusMessage.StatusMessage s -> Channel.CONSENSUS;
            case ConsensusMessage.EvidenceMessage e -> Channel.CONSENSUS;
        };
    }

    @Override
    public void misbehaved(String peer, String reason) {
        LOG.warn("peer {} disconnected and banned: {}", peer.substring(0, Math.min(12, peer.length())), reason);
        network.disconnect(NodeId.fromHex(peer), DisconnectReason.INVALID_MESSAGE);
    }
}
