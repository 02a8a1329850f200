package global.cas.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, for code that takes a {@link Clock}. Thread-safe
 * (the instant is volatile); {@link #withZone} shares the same time.
 */
public final class FakeClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;
    private final FakeClock source;

    public FakeClock(Instant start) {
        this(start, ZoneOffset.UTC, null);
    }

    private FakeClock(Instant start, ZoneId zone, FakeClock source) {
        this.now = start;
        this.zone = zone;
        this.source = source;
    }

    /** Moves time on by {@code d}. */
    public void advance(Duration d) {
        if (source != null) {
            source.advance(d);
        } else {
            now = now.plus(d);
        }
    }

    @Override
    public Instant instant() {
        return source != null ? source.instant() : now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new FakeClock(now, z, source != null ? source : this);
    }
}
