package global.cas.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    @DisplayName("starts full, empties, and refills at its rate by the clock")
    void refillsByClock() {
        TokenBucket b = new TokenBucket(100, 10, now::get);
        assertThat(b.tryTake(100)).isTrue();
        assertThat(b.tryTake(1)).isFalse();
        now.addAndGet(99);
        assertThat(b.tryTake(1)).isFalse(); // 0.99 tokens
        now.addAndGet(1);
        assertThat(b.tryTake(1)).isTrue();
        now.addAndGet(500);
        assertThat(b.available()).isEqualTo(5);
    }

    @Test
    @DisplayName("never holds more than its capacity, however long it waits")
    void capped() {
        TokenBucket b = new TokenBucket(50, 1_000, now::get);
        b.tryTake(50);
        now.addAndGet(Duration.ofDays(365).toMillis());
        assertThat(b.available()).isEqualTo(50);
        assertThat(b.tryTake(51)).isFalse();
    }

    @Test
    @DisplayName("a failed take takes nothing; a clock that goes back adds nothing")
    void failedTakeTakesNothing() {
        TokenBucket b = new TokenBucket(10, 1, now::get);
        assertThat(b.tryTake(11)).isFalse();
        assertThat(b.available()).isEqualTo(10);
        b.tryTake(10);
        now.addAndGet(-10_000);
        assertThat(b.available()).isZero();
    }

    @Test
    @DisplayName("fractions of a token per millisecond add up (1 token per second over 1000 steps of 1 ms)")
    void fractionsAddUp() {
        TokenBucket b = new TokenBucket(5, 1, now::get);
        b.tryTake(5);
        for (int i = 0; i < 1000; i++) {
            now.incrementAndGet();
            b.available();
        }
        assertThat(b.available()).isEqualTo(1);
    }

    @Test
    @DisplayName("a channel limiter lets a largest message through and stops a flood of small ones")
    void channelLimiter() {
        RateLimiter r = RateLimiter.forChannel(Channel.PEERS, now::get);
        assertThat(r.tryAcquire(Channel.PEERS.maxMessageBytes())).isTrue();
        int passed = 0;
        for (int i = 0; i < 100; i++) {
            if (r.tryAcquire(10)) {
                passed++;
            }
        }
        assertThat(passed).isEqualTo((int) Channel.PEERS.messagesPerSecond() - 1);
        now.addAndGet(1_000);
        assertThat(r.tryAcquire(10)).isTrue();
    }

    @Test
    @DisplayName("backoff doubles up to its cap, jittered in the upper half, and resets")
    void backoff() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000), new Random(1));
        long[] expectedMax = {100, 200, 400, 800, 1000, 1000};
        for (long max : expectedMax) {
            long wait = b.next().toMillis();
            assertThat(wait).isBetween(max / 2, max);
        }
        b.reset();
        assertThat(b.next().toMillis()).isBetween(50L, 100L);
    }

    @Test
    @DisplayName("a ban ends at its expiry")
    void banExpires() {
        global.cas.testing.FakeClock clock = new global.cas.testing.FakeClock(java.time.Instant.EPOCH);
        BanList bans = new BanList(clock);
        NodeId id = new NodeId(TestPeers.key(5).publicKey());
        bans.ban(id, Duration.ofMinutes(10));
        assertThat(bans.isBanned(id)).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(bans.isBanned(id)).isFalse();
        assertThat(bans.size()).isZero();
    }
}
