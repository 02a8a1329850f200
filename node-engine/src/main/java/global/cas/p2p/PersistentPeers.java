package global.cas.p2p;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers a person asked this node to keep connected (Settings, "add a peer"), kept in {@code
 * persistent-peers.json} in the data folder and dialled at every start beside {@code --peer} and the
 * seeds. Unlike the address book (a cache, rebuilt from the seeds), this list is what the person
 * chose: a damaged file is refused with {@link Reason#PEER_LIST_DAMAGED}, naming it, never silently
 * emptied. At most {@link #MAX_PEERS}. Changes are written whole, atomically. Thread-safe
 * (synchronized).
 */
public final class PersistentPeers {
    public static final String FILE_NAME = "persistent-peers.json";

    /** Peers kept, at most. */
    public static final int MAX_PEERS = 64;

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The whole file. */
    record Stored(int format, List<String> peers) {}

    private final Path file;
    private final List<PeerAddress> peers;

    private PersistentPeers(Path file, List<PeerAddress> peers) {
        this.file = file;
        this.peers = peers;
    }

    /**
     * The list of {@code dataDir}; empty when there is no file.
     *
     * @throws RejectedException {@link Reason#PEER_LIST_DAMAGED} when the file does not read as a list of peers
     */
    public static PersistentPeers load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        List<PeerAddress> peers = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                Stored stored = JSON.readValue(Files.readAllBytes(file), Stored.class);
                if (stored == null || stored.format() != FORMAT || stored.peers() == null) {
                    throw new IllegalArgumentException("not a list of peers of format " + FORMAT);
                }
                if (stored.peers().size() > MAX_PEERS) {
                    throw new IllegalArgumentException("more than " + MAX_PEERS + " peers");
                }
                for (String p : stored.peers()) {
                    if (p == null) {
                        throw new IllegalArgumentException("an empty entry");
                    }
                    PeerAddress a = PeerAddress.parse(p);
                    if (!peers.contains(a)) {
                        peers.add(a);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new RejectedException(
                        Reason.PEER_LIST_DAMAGED,
                        file.toAbsolutePath() + " is damaged (" + e.getMessage()
                                + "): fix it or delete it, then start again.");
            }
        }
        return new PersistentPeers(file, peers);
    }

    /** The peers kept, in the order they were added. */
    public synchronized List<PeerAddress> list() {
        return List.copyOf(peers);
    }

    /**
     * Adds {@code peer} and saves the list; false when it is kept already.
     *
     * @throws RejectedException {@link Reason#PEER_LIST_FULL} past {@link #MAX_PEERS}; {@link
     *     Reason#IO_ERROR} when the file cannot be written (the list is then unchanged)
     */
    public synchronized boolean add(PeerAddress peer) {
        if (peers.contains(peer)) {
            return false;
        }
        if (peers.size() >= MAX_PEERS) {
            throw new RejectedException(
                    Reason.PEER_LIST_FULL, "this node keeps at most " + MAX_PEERS + " peers connected.");
        }
        List<PeerAddress> next = new ArrayList<>(peers);
        next.add(peer);
        save(next);
        peers.add(peer);
        return true;
    }

    /** Removes {@code peer} and saves the list; false when it was not kept. */
    public synchronized boolean remove(PeerAddress peer) {
        if (!peers.contains(peer)) {
            return false;
        }
        List<PeerAddress> next = new ArrayList<>(peers);
        next.remove(peer);
        save(next);
        peers.remove(peer);
        return true;
    }

    private void save(List<PeerAddress> next) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Stored(
                            FORMAT, next.stream().map(PeerAddress::toString).toList()));
            AtomicFiles.write(file, bytes, false);
        } catch (IOException e) {
            throw new RejectedException(
                    Reason.IO_ERROR, "cannot write " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }
}
