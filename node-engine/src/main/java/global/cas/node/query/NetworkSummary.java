package global.cas.node.query;

import global.cas.consensus.driver.ConsensusStatus;
import java.util.Optional;

/**
 * The node's place in the network, for the node screen: whether it joined a peer-to-peer network,
 * how many peers are connected, where it listens, and the consensus engine's state when it runs
 * one. Immutable.
 */
public record NetworkSummary(
        boolean joined, int peers, Optional<String> listenAddress, Optional<ConsensusStatus> consensus) {}
