package global.cas.rpc;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the open connections, in all and per remote address, against their limits. {@link
 * #open} either counts a connection (and the caller must {@link #close} it once) or says why not.
 * Thread-safe.
 */
final class ConnectionCounter {
    private final int max;
    private final int maxPerRemote;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perRemote = new ConcurrentHashMap<>();

    ConnectionCounter(int max, int maxPerRemote) {
        this.max = max;
        this.maxPerRemote = maxPerRemote;
    }

    /** Counts a connection from {@code remote}, or gives the sentence that refuses it. */
    Optional<String> open(InetAddress remote) {
        if (total.incrementAndGet() > max) {
            total.decrementAndGet();
            return Optional.of("The node serves at most " + max + " JSON-RPC connections at once; try again shortly.");
        }
        boolean[] refused = {false};
        perRemote.compute(remote, (a, n) -> {
            int now = n == null ? 0 : n;
            if (now >= maxPerRemote) {
                refused[0] = true;
                return n;
            }
            return now + 1;
        });
        if (refused[0]) {
            total.decrementAndGet();
            return Optional.of("The node serves at most " + maxPerRemote + " JSON-RPC connections from "
                    + remote.getHostAddress() + " at once; try again shortly.");
        }
        return Optional.empty();
    }

    /** Forgets a connection {@link #open} counted. */
    void close(InetAddress remote) {
        perRemote.computeIfPresent(remote, (a, n) -> n <= 1 ? null : n - 1);
        total.decrementAndGet();
    }

    int open() {
        return total.get();
    }
}
