package global.cas.node.consensus;

import global.cas.consensus.Timeouts;
import global.cas.consensus.driver.ConsensusDriver;
import global.cas.consensus.driver.ConsensusStatus;
import global.cas.consensus.driver.ConsensusTransport;
import global.cas.consensus.wal.FileWalStorage;
import global.cas.consensus.wal.WriteAheadLog;
import global.cas.crypto.KeyPair;
import global.cas.node.BlockProducer;
import global.cas.node.ChainService;
import global.cas.node.EventBus;
import global.cas.node.NodeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes blocks by BFT consensus (C1): the {@link ConsensusDriver} on its own thread, over the chain
 * ({@link ChainConsensusApp}), a transport to the other validators and, for a validator, the
 * write-ahead log {@code consensus.wal} in the data folder. A lone validator is a valid network: it
 * proposes, prevotes and precommits alone and commits a block each interval. A node without a key
 * runs the same driver to follow: it commits what more than two thirds of the validators committed.
 */
public final class ConsensusBlockProducer implements BlockProducer {
    private static final Logger LOG = LoggerFactory.getLogger(ConsensusBlockProducer.class);
    private static final long CALL_TIMEOUT_MILLIS = 60_000;
    /** A status read waits at most this long for the driver's thread (busy with a long block). */
    private static final long STATUS_TIMEOUT_MILLIS = 5_000;

    private final ExecutorScheduler scheduler;
    private final ConsensusDriver driver;
    private final ChainConsensusApp app;
    private final ConsensusTransport transport;
    private final Optional<FileWalStorage> walFile;
    private final EventBus events;
    private AutoCloseable advanced = () -> {};

    /**
     * @param key this validator's key, or empty to follow
     * @throws UncheckedIOException when the write-ahead log cannot be opened
     */
    public ConsensusBlockProducer(
            ChainService chain,
            Optional<KeyPair> key,
            Path dataDir,
            Timeouts timeouts,
            ConsensusTransport transport,
            Clock clock,
            EventBus events) {
        this.transport = transport;
        this.events = events;
        this.scheduler = new ExecutorScheduler(clock, "cas-consensus");
        this.app = new ChainConsensusApp(
                chain,
                key,
                reason ->
                        events.publish(new NodeEvent.ConsensusHalted(chain.tip().height() + 1, reason)));
        try {
            this.walFile = key.isPresent() ? Optional.of(new FileWalStorage(dataDir)) : Optional.empty();
        } catch (IOException e) {
            scheduler.close();
            throw new UncheckedIOException("cannot open the consensus write-ahead log in " + dataDir, e);
        }
        this.driver = new ConsensusDriver(
                chain.params().chainId(), timeouts, app, transport, scheduler, key, walFile.map(WriteAheadLog::new));
    }

    /**
     * Runs consensus over the node's transport to its peers: a validator of the next height's set
     * signs with its key; a node without one follows when it has peers, and makes nothing otherwise.
     */
    public static final Factory FACTORY = (chain, config, clock, events, transport) -> {
        long next = chain.tip().height() + 1;
        Optional<KeyPair> key = config.validatorKey()
                .filter(k ->
                        chain.validatorSchedule().at(next).indexOf(k.address()).isPresent());
        if (key.isEmpty() && transport == ConsensusTransport.NONE) {
            return Optional.empty();
        }
        return Optional.of(new ConsensusBlockProducer(
                chain, key, config.dataDir(), timeoutsFor(config.blockIntervalMillis()), transport, clock, events));
    };

    /** Timeouts for blocks every {@code intervalMillis}: the defaults (C2) with that pause between heights. */
    public static Timeouts timeoutsFor(long intervalMillis) {
        Timeouts d = Timeouts.DEFAULT;
        return new Timeouts(
                d.proposeBase(),
                d.proposeDelta(),
                d.prevoteBase(),
                d.prevoteDelta(),
                d.precommitBase(),
                d.precommitDelta(),
                intervalMillis);
    }

    /**
     * Replays the write-ahead log and starts the next height.
     *
     * @throws WriteAheadLog.DamagedLogException when the log is damaged before its end: the node
     *     does not start, as signing without it could sign twice
     */
    @Override
    public void start() {
        transport.onMessage((peer, message) -> scheduler.execute(() -> driver.receive(peer, message)));
        // a block committed by another path than this driver's decisions moves it to the next height
        advanced = events.subscribe(e -> {
            if (e instanceof NodeEvent.BlockCommitted b) {
                scheduler.execute(() -> driver.chainAdvanced(b.height()));
            }
        });
        scheduler.call(
                () -> {
                    driver.start();
                    return null;
                },
                CALL_TIMEOUT_MILLIS);
        LOG.info("consensus started at height {}", status().height());
    }

    @Override
    public Optional<ConsensusStatus> consensusStatus() {
        return Optional.of(status());
    }

    /** The driver's state, read on its thread. */
    public ConsensusStatus status() {
        return scheduler.call(driver::status, STATUS_TIMEOUT_MILLIS);
    }

    /** The double signs this node saw (C4), oldest first. */
    public java.util.List<ChainConsensusApp.Equivocation> evidenceSeen() {
        return app.evidenceSeen();
    }

    @Override
    public void close() {
        try {
            advanced.close();
        } catch (Exception e) {
            LOG.warn("unsubscribing consensus from block events", e);
        }
        scheduler.close();
        walFile.ifPresent(w -> {
            try {
                w.close();
            } catch (IOException e) {
                LOG.warn("closing the consensus write-ahead log", e);
            }
        });
    }
}
