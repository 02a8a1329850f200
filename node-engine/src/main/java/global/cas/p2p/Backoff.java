package global.cas.p2p;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between redials of one address: doubling from {@code initial} up to {@code max}, each wait
 * drawn uniformly from its upper half so that many nodes that lost the same peer do not redial it in
 * step. Not thread-safe.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int attempts;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.random = random;
    }

    /** The wait before the next attempt; each call counts one attempt. */
    public Duration next() {
        long base = initialMillis;
        for (int i = 0; i < attempts && base < maxMillis; i++) {
            base = Math.min(maxMillis, base * 2);
        }
        attempts++;
        long low = Math.max(1, base / 2);
        return Duration.ofMillis(low + random.nextLong(base - low + 1));
    }

    /** After a successful connection: the next wait starts from {@code initial} again. */
    public void reset() {
        attempts = 0;
    }

    public int attempts() {
        return attempts;
    }
}
