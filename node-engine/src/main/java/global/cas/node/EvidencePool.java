package global.cas.node;

import global.cas.chain.DoubleSignEvidence;
import global.cas.chain.RecordedEvidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence of double signs this node saw and the chain has not recorded yet (C4): the consensus
 * side adds what its driver detects, the proposer takes the oldest first into its next block, and
 * each commit removes what the chain recorded and what grew too old to be recorded. One piece per
 * validator's slot (height, round, kind): the first seen is kept. Bounded: when full, the oldest
 * goes. Thread-safe.
 */
public final class EvidencePool {
    /** Pieces of evidence kept at most. */
    public static final int CAPACITY = 1_000;

    private final Map<DoubleSignEvidence.Key, DoubleSignEvidence> pending = new LinkedHashMap<>();

    /**
     * Adds {@code e} unless its slot is pending already.
     *
     * @return whether it was added
     */
    public synchronized boolean add(DoubleSignEvidence e) {
        if (pending.containsKey(e.key())) {
            return false;
        }
        if (pending.size() >= CAPACITY) {
            pending.remove(pending.keySet().iterator().next());
        }
        pending.put(e.key(), e);
        return true;
    }

    /** Up to {@code max} pending pieces, oldest first. */
    public synchronized List<DoubleSignEvidence> pending(int max) {
        List<DoubleSignEvidence> out = new ArrayList<>(Math.min(max, pending.size()));
        for (DoubleSignEvidence e : pending.values()) {
            if (out.size() >= max) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /**
     * After block {@code height} was committed with the chain's evidence state {@code recorded}:
     * drops what is recorded and what a later block can no longer carry.
     */
    public synchronized void committed(long height, RecordedEvidence recorded) {
        pending.values()
                .removeIf(e ->
                        recorded.contains(e.key()) || height + 1 - e.height() > DoubleSignEvidence.MAX_AGE_HEIGHTS);
    }

    public synchronized int size() {
        return pending.size();
    }
}
