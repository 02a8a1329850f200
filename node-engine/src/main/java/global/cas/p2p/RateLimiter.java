package global.cas.p2p;

import java.util.function.LongSupplier;

/**
 * The inbound limit of one channel of one peer: a bucket of bytes and a bucket of messages, both of
 * which a message must pass. Thread-safe.
 */
public final class RateLimiter {
    private final TokenBucket bytes;
    private final TokenBucket messages;

    public RateLimiter(TokenBucket bytes, TokenBucket messages) {
        this.bytes = bytes;
        this.messages = messages;
    }

    /** The default limit of {@code channel}: a burst of one second, or of one largest message. */
    public static RateLimiter forChannel(Channel channel, LongSupplier millis) {
        long burst = Math.max(channel.bytesPerSecond(), channel.maxMessageBytes());
        return new RateLimiter(
                new TokenBucket(burst, channel.bytesPerSecond(), millis),
                new TokenBucket(channel.messagesPerSecond(), channel.messagesPerSecond(), millis));
    }

    /** Counts a message of {@code size} bytes; false (and nothing counted) when over the limit. */
    public synchronized boolean tryAcquire(long size) {
        if (!bytes.canTake(size) || !messages.canTake(1)) {
            return false;
        }
        bytes.tryTake(size);
        messages.tryTake(1);
        return true;
    }
}
