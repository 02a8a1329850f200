package global.cas.p2p.netty;

import global.cas.p2p.Backoff;
import global.cas.p2p.NodeId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the persistent peers connected: dials each, and after a failed dial or a lost connection
 * dials again after a {@link Backoff} wait (doubling, capped, jittered), reset by each success. A
 * persistent peer already connected the other way (the dial ended as a duplicate) is left alone
 * until that connection ends. Thread-safe.
 */
final class Dialer {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    private final class Persistent {
        final InetSocketAddress address;
        final Backoff backoff;
        volatile NodeId id;
        boolean dialing;
        boolean removed;

        Persistent(InetSocketAddress address) {
            this.address = address;
            this.backoff = new Backoff(initial, max, random);
        }
    }

    private final Function<InetSocketAddress, CompletableFuture<NodeId>> dial;
    private final Predicate<NodeId> connected;
    private final ScheduledExecutorService scheduler;
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private final Map<InetSocketAddress, Persistent> persistent = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    Dialer(
            Function<InetSocketAddress, CompletableFuture<NodeId>> dial,
            Predicate<NodeId> connected,
            ScheduledExecutorService scheduler,
            Duration initial,
            Duration max,
            RandomGenerator random) {
        this.dial = dial;
        this.connected = connected;
        this.scheduler = scheduler;
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    void addPersistent(InetSocketAddress address) {
        Persistent p = new Persistent(address);
        if (persistent.putIfAbsent(address, p) == null) {
            attempt(p);
        }
    }

    /** Stops redialling {@code address}; a dial under way may still connect, and is then not redialled. */
    void removePersistent(InetSocketAddress address) {
        Persistent p = persistent.remove(address);
        if (p != null) {
            synchronized (p) {
                p.removed = true;
            }
        }
    }

    boolean isPersistent(InetSocketAddress address) {
        return persistent.containsKey(address);
    }

    /** The node at {@code address} turned out to be {@code id} (even when the dial was refused). */
    void learned(InetSocketAddress address, NodeId id) {
        Persistent p = persistent.get(address);
        if (p != null) {
            p.id = id;
        }
    }

    /** The last connection to {@code id} ended: redial it if it is persistent. */
    void disconnected(NodeId id) {
        for (Persistent p : persistent.values()) {
            if (id.equals(p.id)) {
                schedule(p);
            }
        }
    }

    private void attempt(Persistent p) {
        synchronized (p) {
            if (stopped || p.removed || p.dialing || (p.id != null && connected.test(p.id))) {
                return;
            }
            p.dialing = true;
        }
        dial.apply(p.address).whenComplete((id, failure) -> {
            synchronized (p) {
                p.dialing = false;
            }
            if (failure == null) {
                p.id = id;
                p.backoff.reset();
            } else if (p.id == null || !connected.test(p.id)) {
                LOG.debug("persistent peer {}: {}", p.address, failure.toString());
                schedule(p);
            }
        });
    }

    private void schedule(Persistent p) {
        if (stopped) {
            return;
        }
        Duration wait;
        synchronized (p) {
            wait = p.backoff.next();
        }
        try {
            scheduler.schedule(() -> attempt(p), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    void stop() {
        stopped = true;
    }
}
