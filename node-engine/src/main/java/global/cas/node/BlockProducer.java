package global.cas.node;

import global.cas.consensus.driver.ConsensusStatus;
import global.cas.consensus.driver.ConsensusTransport;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides when blocks are made and by whom. The single local validator ({@link
 * SoloBlockProducer}) makes a block each interval without consensus (engine tests use it); the
 * BFT engine ({@code node.consensus.ConsensusBlockProducer}) is what the program runs. Implementations
 * call {@link ChainService#propose}, {@link ChainService#validate} and {@link ChainService#commit}
 * (or {@link ChainService#produce}, the solo round of the three) and nothing else.
 */
public interface BlockProducer extends AutoCloseable {
    void start();

    /** The consensus engine's state, when blocks are made by BFT consensus; empty otherwise. */
    default Optional<ConsensusStatus> consensusStatus() {
        return Optional.empty();
    }

    /** Stops producing; returns once no block is being made. */
    @Override
    void close();

    /** Makes the producer of a node, if it has one. */
    @FunctionalInterface
    interface Factory {
        Optional<BlockProducer> create(
                ChainService chain, NodeConfig config, Clock clock, EventBus events, ConsensusTransport peers);

        /** The solo validator, when the node's key is a validator of the genesis set; else none. */
        Factory SOLO = (chain, config, clock, events, peers) -> config.validatorKey()
                .filter(k -> config.params().genesisValidators().contains(k.address()))
                .map(k -> new SoloBlockProducer(chain, k, config.blockIntervalMillis(), clock));

        /** No producer: a node that follows, or whose blocks a test makes by hand. */
        Factory NONE = (chain, config, clock, events, peers) -> Optional.empty();
    }
}
