package global.cas.p2p;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Node ids refused until an instant, kept in memory only (a restart forgives). Expired bans are
 * forgotten when looked at. Thread-safe (synchronized).
 */
public final class BanList {
    private final InstantSource clock;
    private final Map<NodeId, Instant> until = new HashMap<>();

    public BanList(InstantSource clock) {
        this.clock = clock;
    }

    /** Bans {@code id} for {@code duration} from now; a longer ban already in place stays. */
    public synchronized void ban(NodeId id, Duration duration) {
        Instant end = clock.instant().plus(duration);
        until.merge(id, end, (a, b) -> a.isAfter(b) ? a : b);
    }

    public synchronized boolean isBanned(NodeId id) {
        return expiry(id).isPresent();
    }

    /** When the ban of {@code id} ends, if it is banned now. */
    public synchronized Optional<Instant> expiry(NodeId id) {
        Instant end = until.get(id);
        if (end == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(end)) {
            until.remove(id);
            return Optional.empty();
        }
        return Optional.of(end);
    }

    public synchronized int size() {
        until.values().removeIf(end -> !clock.instant().isBefore(end));
        return until.size();
    }
}
