package global.cas.consensus.driver;

import global.cas.consensus.ConsensusMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The driver's side of a sync, both ways. Behind: committed blocks of later heights are kept
 * (bounded by heights and bytes) until their height comes, then handed over as one run; a node more
 * than a batch behind asks each peer ahead for a different range. Ahead: a peer that is behind is
 * sent committed blocks from the height it needs, a batch at a time, each block at most once per
 * {@link ConsensusDriver#REBROADCAST_MILLIS} per peer. Nothing here decides: every kept block is
 * checked by its commit when its run is imported. Not thread-safe: the driver's thread only.
 */
final class CatchUp {
    /** Committed blocks sent at once to a peer that is behind, and the size of a range asked for. */
    static final int DECIDED_BATCH = 256;

    /** Heights beyond the current one whose committed blocks are kept (within the bytes bound). */
    static final long MAX_AHEAD_HEIGHTS = 4L * DECIDED_BATCH;

    /** Committed blocks of consecutive heights checked and committed together, at most. */
    static final int IMPORT_BATCH = 512;

    /** Bytes of committed blocks of later heights kept until their height comes. */
    static final long MAX_AHEAD_BYTES = 64L << 20;

    /** A committed block kept, with the peer that sent it (banned if its commit does not hold). */
    record Kept(String peer, ConsensusMessage.DecidedMessage block) {}

    /** A run of committed blocks from the current height on, each with its sender. */
    record Run(List<Kept> blocks) {
        Run {
            blocks = List.copyOf(blocks);
        }

        /** The run as the chain imports it: each block with its commit. */
        List<ConsensusApp.Final> finals() {
            return blocks.stream()
                    .map(k ->
                            new ConsensusApp.Final(k.block().block(), k.block().commit()))
                    .toList();
        }

        /** The peer that sent the block at {@code index} of the run (clamped to the run). */
        String sender(int index) {
            return blocks.get(Math.max(0, Math.min(index, blocks.size() - 1))).peer();
        }
    }

    private final ConsensusApp app;
    private final ConsensusNetwork network;
    private final PeerView peers;
    private final TreeMap<Long, Kept> ahead = new TreeMap<>();
    private long aheadBytes;
    private final Set<String> answered = new HashSet<>();
    /** Starts of the ranges asked since the height started or the last rebroadcast. */
    private final Set<Long> rangesAsked = new HashSet<>();

    CatchUp(ConsensusApp app, ConsensusNetwork network, PeerView peers) {
        this.app = app;
        this.network = network;
        this.peers = peers;
    }

    /** Height {@code h} starts: what was sent and asked may go again; blocks kept below it are dropped. */
    void heightStarted(long h) {
        answered.clear();
        rangesAsked.clear();
        while (!ahead.isEmpty() && ahead.firstKey() < h) {
            forget(ahead.firstKey());
        }
    }

    /** The committed block of height {@code h}, if kept, no longer kept. */
    java.util.Optional<Kept> take(long h) {
        return java.util.Optional.ofNullable(forget(h));
    }

    /** A rebroadcast tick: every block and range may be sent or asked once more. */
    void tick() {
        answered.clear();
        rangesAsked.clear();
    }

    /** Keeps a committed block of a height after {@code current} (a batch sent to catch up) until its height comes. */
    void keep(long current, String peer, ConsensusMessage.DecidedMessage d) {
        if (d.height() > current + MAX_AHEAD_HEIGHTS || ahead.containsKey(d.height())) {
            return;
        }
        if (aheadBytes + d.block().length > MAX_AHEAD_BYTES) {
            return;
        }
        ahead.put(d.height(), new Kept(peer, d));
        aheadBytes += d.block().length;
    }

    /** Whether the committed block of height {@code h} is kept. */
    boolean holds(long h) {
        return ahead.containsKey(h);
    }

    /** {@code first}, the committed block of {@code current}, and the kept ones after it, up to a batch. */
    Run takeRun(long current, String peer, ConsensusMessage.DecidedMessage first) {
        List<Kept> run = new ArrayList<>();
        run.add(new Kept(peer, first));
        while (run.size() < IMPORT_BATCH && ahead.containsKey(current + run.size())) {
            run.add(forget(current + run.size()));
        }
        return new Run(run);
    }

    /**
     * Far behind (a peer said a height more than a batch ahead of {@code current}): asks each peer
     * ahead for a different range of the heights not kept yet, so several peers send at once. The
     * status the driver broadcasts asks every peer for the first range.
     */
    void askRanges(long current) {
        if (peers.highest() - current <= DECIDED_BATCH) {
            return;
        }
        long start = current + DECIDED_BATCH;
        long last = current + MAX_AHEAD_HEIGHTS - DECIDED_BATCH;
        for (Map.Entry<String, Long> p : peers.heights().entrySet()) {
            while (start <= last && ahead.containsKey(start) && ahead.containsKey(start + DECIDED_BATCH - 1)) {
                start += DECIDED_BATCH;
            }
            if (start > last) {
                return;
            }
            if (p.getValue() > start) {
                if (rangesAsked.add(start)) {
                    network.send(p.getKey(), new ConsensusMessage.RangeRequest(start));
                }
                start += DECIDED_BATCH;
            }
        }
    }

    /** Sends {@code peer} the committed blocks from {@code h} on, below {@code current}, up to a batch. */
    void sendRange(String peer, long h, long current) {
        long last = Math.min(h + DECIDED_BATCH - 1, current - 1);
        for (long k = h; k <= last; k++) {
            if (!answered.add(peer + "/" + k)) {
                continue;
            }
            Optional<ConsensusApp.Final> f = app.committed(k);
            if (f.isPresent()
                    && !network.send(
                            peer,
                            new ConsensusMessage.DecidedMessage(
                                    k, f.get().bytes(), f.get().commit()))) {
                answered.remove(peer + "/" + k); // its queue is full: the rest goes when the peer asks again
                return;
            }
        }
    }

    private Kept forget(long h) {
        Kept k = ahead.remove(h);
        if (k != null) {
            aheadBytes -= k.block().block().length;
        }
        return k;
    }
}
