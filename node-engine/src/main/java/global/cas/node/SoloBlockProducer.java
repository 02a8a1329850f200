package global.cas.node;

import global.cas.crypto.KeyPair;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local validator that makes a block every interval (C2 target: 1 s), empty or not. Thread-safe.
 */
public final class SoloBlockProducer implements BlockProducer {
    private static final Logger LOG = LoggerFactory.getLogger(SoloBlockProducer.class);

    private final ChainService chain;
    private final KeyPair validator;
    private final long intervalMillis;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cas-block-timer");
        t.setDaemon(true);
        return t;
    });

    public SoloBlockProducer(ChainService chain, KeyPair validator, long intervalMillis, Clock clock) {
        this.chain = chain;
        this.validator = validator;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    @Override
    public void start() {
        timer.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            chain.produce(validator, clock.millis()).join();
        } catch (RuntimeException e) {
            LOG.error("block production failed; the node keeps its last committed block", e);
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("block timer did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
