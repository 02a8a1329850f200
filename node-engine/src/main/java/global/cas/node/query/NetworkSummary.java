package global.cas.node.query;

import global.cas.consensus.driver.ConsensusStatus;
import java.util.List;
import java.util.Optional;

/**
 * The node's place in the network, for the node screen: whether it joined a peer-to-peer network,
 * the peers connected now, where it listens, and the consensus engine's state when it runs one.
 * Immutable.
 */
public record NetworkSummary(
        boolean joined, List<Peer> peerList, Optional<String> listenAddress, Optional<ConsensusStatus> consensus) {
    /**
     * One connected peer: its node id (hex), address, who dialled, since when (ms), bytes each way,
     * the height it last said it works on and the validator index whose votes it sends (empty: not
     * known, or not a validator), and the last measured round trip to it in microseconds (empty
     * before the first, within a second of connecting).
     */
    public record Peer(
            String nodeId,
            String address,
            boolean inbound,
            long connectedSinceMillis,
            long bytesIn,
            long bytesOut,
            java.util.OptionalLong height,
            java.util.OptionalInt validator,
            java.util.OptionalLong pingMicros) {}

    public NetworkSummary {
        peerList = List.copyOf(peerList);
    }

    public int peers() {
        return peerList.size();
    }
}
