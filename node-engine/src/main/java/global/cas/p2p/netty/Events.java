package global.cas.p2p.netty;

import global.cas.p2p.Channel;
import global.cas.p2p.MessageListener;
import global.cas.p2p.NodeId;
import global.cas.p2p.PeerEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands messages and peer events to the listeners on one application thread, in the order they
 * were submitted, so an event loop never runs application code and each peer's messages keep their
 * order. A listener that throws is logged and does not stop the others. Thread-safe.
 */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final ExecutorService executor;
    private final List<MessageListener> messageListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PeerEvent>> peerListeners = new CopyOnWriteArrayList<>();

    Events(String name) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void addMessageListener(MessageListener listener) {
        messageListeners.add(listener);
    }

    void addPeerListener(Consumer<PeerEvent> listener) {
        peerListeners.add(listener);
    }

    void message(NodeId from, Channel channel, byte[] body) {
        submit(() -> {
            for (MessageListener l : messageListeners) {
                try {
                    l.onMessage(from, channel, body);
                } catch (RuntimeException e) {
                    LOG.warn("a message listener failed on {} from {}", channel, from, e);
                }
            }
        });
    }

    void peer(PeerEvent event) {
        submit(() -> {
            for (Consumer<PeerEvent> l : peerListeners) {
                try {
                    l.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("a peer listener failed on {}", event, e);
                }
            }
        });
    }

    /** Runs {@code task} on the application thread after what was submitted before it (work kept off an event loop). */
    void run(Runnable task) {
        submit(task);
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopped) {
            // after close: the application asked to stop, nobody listens
        }
    }

    /** Runs what was submitted, then stops the thread. */
    void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
