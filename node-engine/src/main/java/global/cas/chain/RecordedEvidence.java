package global.cas.chain;

import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The evidence module's state (C4): which double signs the chain has recorded, and its root. The
 * root is a hash chain over the blocks that carried evidence, {@code root' = SHA-256("CAS evidence
 * module" ‖ root ‖ height ‖ the block's evidence hash)}, from {@link Hash#ZERO} at genesis; a block
 * without evidence leaves it as it is. It joins the state root ({@link ModuleRoots}), so two nodes
 * that recorded different evidence stop (C6). The keys kept are those a later block could still
 * carry again: evidence older than {@link DoubleSignEvidence#MAX_AGE_HEIGHTS} is refused for its
 * age before a duplicate is looked for, so keys out of that window are forgotten. Immutable and
 * thread-safe.
 */
public final class RecordedEvidence {
    /** The state at genesis: nothing recorded. */
    public static final RecordedEvidence EMPTY = new RecordedEvidence(Set.of(), Hash.ZERO);

    private static final byte[] DOMAIN = "CAS evidence module".getBytes(StandardCharsets.US_ASCII);

    private final Set<DoubleSignEvidence.Key> keys;
    private final Hash root;

    private RecordedEvidence(Set<DoubleSignEvidence.Key> keys, Hash root) {
        this.keys = Set.copyOf(keys);
        this.root = root;
    }

    /** Whether a double sign of that slot is recorded (within the window of the last block). */
    public boolean contains(DoubleSignEvidence.Key key) {
        return keys.contains(key);
    }

    /** The keys recorded within the window, in no order. */
    public Set<DoubleSignEvidence.Key> keys() {
        return keys;
    }

    /** The module root. */
    public Hash root() {
        return root;
    }

    /** The state after block {@code height}, which carries {@code evidence} (in block order). */
    public RecordedEvidence after(long height, List<DoubleSignEvidence> evidence) {
        if (evidence.isEmpty()) {
            return this;
        }
        Set<DoubleSignEvidence.Key> next = new HashSet<>();
        for (DoubleSignEvidence.Key k : keys) {
            if (inWindow(k.height(), height)) {
                next.add(k);
            }
        }
        for (DoubleSignEvidence e : evidence) {
            next.add(e.key());
        }
        Encoder enc = new Encoder(80);
        enc.fixed(DOMAIN).hash(root).u64(height).hash(DoubleSignEvidence.root(evidence));
        return new RecordedEvidence(next, Hash.sha256(enc.toBytes()));
    }

    /** Whether evidence of {@code evidenceHeight} may still be carried by block {@code blockHeight}. */
    static boolean inWindow(long evidenceHeight, long blockHeight) {
        return blockHeight - evidenceHeight <= DoubleSignEvidence.MAX_AGE_HEIGHTS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedEvidence r && root.equals(r.root) && keys.equals(r.keys);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "RecordedEvidence[" + keys.size() + " keys, root " + root.hex().substring(0, 8) + "]";
    }
}
