package global.cas.p2p;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Node ids refused until an instant. In memory, and (made with {@link #load}) saved in {@code
 * bans.json} in the data folder by the network at each ban and when it stops, so a restart, even
 * after a {@code kill -9}, does not forgive a peer that was caught misbehaving. At most {@link #MAX_BANS}: past that the ban ending soonest is dropped.
 * Expired bans are forgotten when looked at. A damaged file is moved aside to {@code
 * bans.json.damaged} with a warning and the list starts empty (bans protect, they are not a
 * person's data). Thread-safe (synchronized).
 */
public final class BanList {
    public static final String FILE_NAME = "bans.json";

    /** Bans kept, at most. */
    public static final int MAX_BANS = 10_000;

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** One stored ban, the form in the file. */
    record Entry(String nodeId, long untilMillis) {}

    /** The whole file. */
    record Stored(int format, List<Entry> bans) {}

    private final InstantSource clock;
    private final Map<NodeId, Instant> until = new HashMap<>();
    private final Optional<Path> file;

    /** A list in memory only (a restart forgives). */
    public BanList(InstantSource clock) {
        this(clock, Optional.empty());
    }

    private BanList(InstantSource clock, Optional<Path> file) {
        this.clock = clock;
        this.file = file;
    }

    /** The bans saved in {@code dataDir/bans.json} that have not ended; empty when there is no file or it is damaged. */
    public static BanList load(Path dataDir, InstantSource clock) {
        Path f = dataDir.resolve(FILE_NAME);
        BanList list = new BanList(clock, Optional.of(f));
        if (!Files.exists(f)) {
            return list;
        }
        try {
            Stored stored = JSON.readValue(Files.readAllBytes(f), Stored.class);
            if (stored == null || stored.format() != FORMAT || stored.bans() == null) {
                throw new IllegalArgumentException("not a ban list of format " + FORMAT);
            }
            for (Entry e : stored.bans()) {
                if (e == null || e.nodeId() == null) {
                    throw new IllegalArgumentException("an entry without node id");
                }
                list.until.merge(
                        NodeId.fromHex(e.nodeId()),
                        Instant.ofEpochMilli(e.untilMillis()),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
            list.size(); // drops the bans that ended while the node was stopped
        } catch (IOException | RuntimeException e) {
            list.until.clear();
            AtomicFiles.moveAside(f, e, "no bans");
        }
        return list;
    }

    /** Writes the bans still in force to the file this list was loaded from (nothing for a list in memory). */
    public void save() throws IOException {
        if (file.isEmpty()) {
            return;
        }
        List<Entry> entries;
        synchronized (this) {
            size();
            entries = until.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .map(e -> new Entry(e.getKey().hex(), e.getValue().toEpochMilli()))
                    .toList();
        }
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Stored(FORMAT, entries));
        Files.createDirectories(file.get().toAbsolutePath().getParent());
        AtomicFiles.write(file.get(), bytes, false);
    }

    /** Bans {@code id} for {@code duration} from now; a longer ban already in place stays. */
    public synchronized void ban(NodeId id, Duration duration) {
        Instant end = clock.instant().plus(duration);
        until.merge(id, end, (a, b) -> a.isAfter(b) ? a : b);
        if (until.size() > MAX_BANS) {
            size();
            while (until.size() > MAX_BANS) {
                until.remove(until.entrySet().stream()
                        .min(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey());
            }
        }
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
