package global.cas.node;

import global.cas.consensus.driver.ConsensusTransport;
import global.cas.store.ChainStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assembles a {@link Node} from its parts, so tests can run several nodes in one process with a
 * fake clock and their own block producers: the store factory, the {@link Clock} block producers
 * read, the block-producer factory (default: the solo validator when the key is a genesis
 * validator) and the number of signature-verifying threads. The network joins these parts with the
 * BFT issue. Not thread-safe; {@link #start} once.
 */
public final class NodeBuilder {
    private final NodeConfig config;
    private Function<Path, ChainStore> storeFactory;
    private Clock clock = Clock.systemUTC();
    private BlockProducer.Factory producers = BlockProducer.Factory.SOLO;
    private int verifierThreads = Runtime.getRuntime().availableProcessors();
    private ConsensusTransport consensusTransport = ConsensusTransport.NONE;
    private Optional<NetworkSettings> network = Optional.empty();

    NodeBuilder(NodeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public NodeBuilder store(Function<Path, ChainStore> factory) {
        this.storeFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    public NodeBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    public NodeBuilder producers(BlockProducer.Factory factory) {
        this.producers = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * The way consensus messages reach other nodes when the node runs no peer-to-peer network of
     * its own (nodes of one process in tests); {@link ConsensusTransport#NONE} by default.
     */
    public NodeBuilder consensusTransport(ConsensusTransport transport) {
        this.consensusTransport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /** Joins the peer-to-peer network with {@code settings} (listen address, seeds, peers). */
    public NodeBuilder network(NetworkSettings settings) {
        this.network = Optional.of(settings);
        return this;
    }

    public NodeBuilder verifierThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one verifier thread, not " + threads);
        }
        this.verifierThreads = threads;
        return this;
    }

    /**
     * Locks the data folder, opens the store, loads the chain and starts the block producer.
     *
     * @throws IllegalStateException when no store factory was given
     */
    public Node start() {
        if (storeFactory == null) {
            throw new IllegalStateException("a node needs a store: call store(...) first");
        }
        return Node.start(this);
    }

    NodeConfig config() {
        return config;
    }

    Function<Path, ChainStore> storeFactory() {
        return storeFactory;
    }

    Clock clock() {
        return clock;
    }

    BlockProducer.Factory producers() {
        return producers;
    }

    ConsensusTransport consensusTransport() {
        return consensusTransport;
    }

    Optional<NetworkSettings> network() {
        return network;
    }

    int verifierThreads() {
        return verifierThreads;
    }
}
