package global.cas.p2p;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills {@code perSecond} tokens a second
 * by the injected millisecond clock, starts full. Thread-safe (synchronized); never blocks.
 */
public final class TokenBucket {
    private final long capacity;
    private final long perSecond;
    private final LongSupplier millis;
    /** Tokens times 1000, so refills of a fraction of a token per millisecond are not lost. */
    private long milliTokens;

    private long lastMillis;

    public TokenBucket(long capacity, long perSecond, LongSupplier millis) {
        if (capacity <= 0 || perSecond <= 0) {
            throw new IllegalArgumentException("capacity and rate must be positive");
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.millis = millis;
        this.milliTokens = Math.multiplyExact(capacity, 1000L);
        this.lastMillis = millis.getAsLong();
    }

    /** Takes {@code n} tokens when there are that many; otherwise takes none and returns false. */
    public synchronized boolean tryTake(long n) {
        if (!canTake(n)) {
            return false;
        }
        milliTokens -= n * 1000L;
        return true;
    }

    /** True when {@code n} tokens could be taken now (after refilling). */
    public synchronized boolean canTake(long n) {
        refill();
        return n >= 0 && n <= capacity && milliTokens >= n * 1000L;
    }

    /** Whole tokens available now. */
    public synchronized long available() {
        refill();
        return milliTokens / 1000L;
    }

    public long capacity() {
        return capacity;
    }

    private void refill() {
        long now = millis.getAsLong();
        long elapsed = now - lastMillis;
        if (elapsed <= 0) {
            return; // a clock that goes back gives nothing and takes nothing
        }
        lastMillis = now;
        long full = capacity * 1000L;
        // bound the product: after capacity/perSecond seconds the bucket is full anyway
        long needed = (full - milliTokens + perSecond - 1) / perSecond;
        long add = Math.min(elapsed, needed) * perSecond;
        milliTokens = Math.min(full, milliTokens + add);
    }
}
