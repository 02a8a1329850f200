package global.cas.p2p;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Addresses of nodes that accept connections, learnt from handshakes and peer exchange, kept in
 * {@code peers.json} in the data folder. At most {@code capacity} entries: a new one pushes out the
 * one seen longest ago. Only IP literals are kept (never a name to resolve). A damaged file is moved
 * aside to {@code peers.json.damaged} with a warning and the book starts empty: addresses are a
 * cache, the seeds find the network again. Thread-safe (synchronized).
 */
public final class AddressBook {
    public static final String FILE_NAME = "peers.json";
    public static final int DEFAULT_CAPACITY = 1000;
    private static final int FORMAT = 1;

    /** One stored address, the form in the file. */
    record Entry(String host, int port, long lastSeen) {}

    /** The whole file. */
    record Stored(int format, List<Entry> peers) {}

    private final Path file;
    private final int capacity;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final Map<InetSocketAddress, Instant> seen = new LinkedHashMap<>();

    private AddressBook(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
    }

    /** The book in {@code dataDir/peers.json}; empty when there is no file or it is damaged. */
    public static AddressBook load(Path dataDir, int capacity) {
        AddressBook book = new AddressBook(dataDir.resolve(FILE_NAME), capacity);
        book.read();
        return book;
    }

    private void read() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Stored stored = json.readValue(Files.readAllBytes(file), Stored.class);
            if (stored == null || stored.format() != FORMAT || stored.peers() == null) {
                throw new IllegalArgumentException("not an address book of format " + FORMAT);
            }
            for (Entry e : stored.peers()) {
                if (e == null || e.host() == null) {
                    throw new IllegalArgumentException("an entry without host");
                }
                put(new InetSocketAddress(literal(e.host()), e.port()), Instant.ofEpochMilli(e.lastSeen()));
            }
        } catch (IOException | RuntimeException e) {
            seen.clear();
            AtomicFiles.moveAside(file, e, "no known peers");
        }
    }

    /** An IP literal as an address, never resolving a name (Java 21 has no InetAddress.ofLiteral). */
    static InetAddress literal(String host) throws UnknownHostException {
        if (!host.matches("[0-9.]{7,15}|[0-9a-fA-F:.]{2,45}") || (!host.contains(":") && !host.contains("."))) {
            throw new UnknownHostException("not an IP literal: " + host);
        }
        return InetAddress.getByName(host);
    }

    /**
     * Records that {@code address} was seen accepting connections at {@code when}; false when it is
     * not worth keeping (unresolved, wildcard, multicast or port 0).
     */
    public synchronized boolean add(InetSocketAddress address, Instant when) {
        if (address.isUnresolved()
                || address.getPort() <= 0
                || address.getPort() > 65535
                || address.getAddress().isAnyLocalAddress()
                || address.getAddress().isMulticastAddress()) {
            return false;
        }
        put(new InetSocketAddress(address.getAddress(), address.getPort()), when);
        return true;
    }

    private void put(InetSocketAddress address, Instant when) {
        if (address.getPort() <= 0 || address.getPort() > 65535) {
            throw new IllegalArgumentException("port out of range: " + address.getPort());
        }
        seen.merge(address, when, (a, b) -> a.isAfter(b) ? a : b);
        while (seen.size() > capacity) {
            InetSocketAddress oldest = seen.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            seen.remove(oldest);
        }
    }

    public synchronized void remove(InetSocketAddress address) {
        seen.remove(address);
    }

    public synchronized int size() {
        return seen.size();
    }

    /** Every address, seen most recently first. */
    public synchronized List<InetSocketAddress> addresses() {
        return seen.entrySet().stream()
                .sorted(Map.Entry.<InetSocketAddress, Instant>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Up to {@code n} addresses drawn at random. */
    public synchronized List<InetSocketAddress> sample(int n, RandomGenerator random) {
        List<InetSocketAddress> all = new ArrayList<>(seen.keySet());
        for (int i = all.size() - 1; i > 0; i--) {
            java.util.Collections.swap(all, i, random.nextInt(i + 1));
        }
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /** Writes the book to {@code peers.json} atomically. */
    public void save() throws IOException {
        List<Entry> entries;
        synchronized (this) {
            entries = seen.entrySet().stream()
                    .sorted(Comparator.comparing(e -> e.getKey().toString()))
                    .map(e -> new Entry(
                            e.getKey().getAddress().getHostAddress(),
                            e.getKey().getPort(),
                            e.getValue().toEpochMilli()))
                    .toList();
        }
        byte[] bytes;
        try {
            bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Stored(FORMAT, entries));
        } catch (JacksonException e) {
            throw new IOException("cannot write the address book", e);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, bytes, false);
    }

    public Path file() {
        return file;
    }
}
