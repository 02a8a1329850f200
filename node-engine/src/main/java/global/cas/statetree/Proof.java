package global.cas.statetree;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link StateTree} says about one key, checkable against its root hash alone: either the
 * key holds {@code valueHash}, or it is absent because the place it would take is empty or is held
 * by another key's leaf ({@code occupant}, whose key shares the path). {@code siblings} are the
 * hashes beside the path from the root down, one per level ({@link StateTree#EMPTY_ROOT} for an
 * empty side); the checker rebuilds the root from the bottom. Immutable and thread-safe.
 *
 * <p>Encoding (U3, canonical): a kind byte (0 present, 1 absent at an empty place, 2 absent with an
 * occupant), then the value hash (kind 0) or the occupant's key and value hash (kind 2), the depth
 * as a varint (at most 256), a bitmap of {@code ceil(depth / 8)} bytes, most significant bit first,
 * marking the non-empty siblings (unused bits zero), then the non-empty siblings, 32 bytes each,
 * root side first. A proof in a tree of n uniformly spread keys is about log2(n) + 1 siblings deep.
 *
 * @param valueHash the key's value hash when the proof shows it present
 * @param occupant the leaf found in the key's place when the proof shows it absent, if any
 * @param siblings the hashes beside the path, root side first
 */
public record Proof(Optional<Hash> valueHash, Optional<Entry> occupant, List<Hash> siblings) {
    /** The longest a valid encoding can be: kind, two hashes, depth, bitmap, 256 siblings. */
    public static final int MAX_ENCODED_BYTES =
            1 + 2 * Hash.LENGTH + 2 + TreeHash.KEY_BITS / 8 + TreeHash.KEY_BITS * Hash.LENGTH;

    private static final int PRESENT = 0;
    private static final int ABSENT_EMPTY = 1;
    private static final int ABSENT_OCCUPIED = 2;

    /** A key and its value hash, as held in a leaf. */
    public record Entry(Hash key, Hash valueHash) {
        public Entry {
            Objects.requireNonNull(key);
            Objects.requireNonNull(valueHash);
        }
    }

    /**
     * @throws IllegalArgumentException when the proof could not come from a tree: both a value and
     *     an occupant, more than 256 levels, or an empty last sibling (a subtree with one key or none
     *     has no inner node)
     */
    public Proof {
        if (valueHash.isPresent() && occupant.isPresent()) {
            throw new IllegalArgumentException("a proof shows a key present or absent, not both");
        }
        siblings = List.copyOf(siblings);
        if (siblings.size() > TreeHash.KEY_BITS) {
            throw new IllegalArgumentException("a path has at most 256 levels, got " + siblings.size());
        }
        if (!siblings.isEmpty() && siblings.getLast().equals(TreeHash.EMPTY)) {
            throw new IllegalArgumentException("the last sibling of a path is never empty");
        }
    }

    /** Whether this proof shows its key present. */
    public boolean showsPresent() {
        return valueHash.isPresent();
    }

    /**
     * Whether this proof shows that, in the tree with this root, the key holds {@code expected} (or
     * is absent when {@code expected} is empty). Needs nothing but the root.
     */
    public boolean verify(Hash root, Hash key, Optional<Hash> expected) {
        if (!expected.equals(valueHash)) {
            return false;
        }
        byte[] k = key.bytes();
        int depth = siblings.size();
        byte[] node;
        if (valueHash.isPresent()) {
            node = TreeHash.leaf(k, valueHash.get().bytes());
        } else if (occupant.isPresent()) {
            byte[] other = occupant.get().key().bytes();
            if (Arrays.equals(other, k) || !samePath(other, k, depth)) {
                return false;
            }
            node = TreeHash.leaf(other, occupant.get().valueHash().bytes());
        } else {
            node = TreeHash.emptyBytes();
        }
        for (int d = depth - 1; d >= 0; d--) {
            byte[] sibling = siblings.get(d).bytes();
            node = TreeHash.bit(k, d) == 0 ? TreeHash.branch(node, sibling) : TreeHash.branch(sibling, node);
        }
        return Arrays.equals(node, root.bytes());
    }

    private static boolean samePath(byte[] a, byte[] b, int depth) {
        for (int d = 0; d < depth; d++) {
            if (TreeHash.bit(a, d) != TreeHash.bit(b, d)) {
                return false;
            }
        }
        return true;
    }

    /** The canonical encoding. */
    public byte[] encode() {
        Encoder e = new Encoder(64 + siblings.size() * Hash.LENGTH);
        if (valueHash.isPresent()) {
            e.u8(PRESENT).hash(valueHash.get());
        } else if (occupant.isPresent()) {
            e.u8(ABSENT_OCCUPIED).hash(occupant.get().key()).hash(occupant.get().valueHash());
        } else {
            e.u8(ABSENT_EMPTY);
        }
        int depth = siblings.size();
        e.varint(depth);
        byte[] bitmap = new byte[(depth + 7) / 8];
        for (int i = 0; i < depth; i++) {
            if (!siblings.get(i).equals(TreeHash.EMPTY)) {
                bitmap[i >>> 3] |= (byte) (0x80 >>> (i & 7));
            }
        }
        e.fixed(bitmap);
        for (Hash s : siblings) {
            if (!s.equals(TreeHash.EMPTY)) {
                e.hash(s);
            }
        }
        return e.toBytes();
    }

    /**
     * Reads a proof from its canonical encoding.
     *
     * @throws RejectedException {@code OVERSIZE} above {@link #MAX_ENCODED_BYTES} or 256 levels,
     *     {@code TRUNCATED} when the bytes end early, {@code MALFORMED} for anything else that is not
     *     the canonical encoding of a proof (unknown kind, set unused bitmap bits, an explicitly
     *     written empty sibling, an empty last sibling, trailing bytes)
     */
    public static Proof decode(byte[] bytes) {
        if (bytes.length > MAX_ENCODED_BYTES) {
            throw new RejectedException(
                    Reason.OVERSIZE,
                    "A state proof has at most " + MAX_ENCODED_BYTES + " bytes, got " + bytes.length + ".");
        }
        Decoder d = new Decoder(bytes);
        int kind = d.u8();
        Optional<Hash> value = Optional.empty();
        Optional<Entry> occupant = Optional.empty();
        switch (kind) {
            case PRESENT -> value = Optional.of(d.hash());
            case ABSENT_EMPTY -> {}
            case ABSENT_OCCUPIED -> occupant = Optional.of(new Entry(d.hash(), d.hash()));
            default -> throw Decoder.malformed("unknown state proof kind " + kind);
        }
        int depth = d.length(TreeHash.KEY_BITS);
        byte[] bitmap = d.fixed((depth + 7) / 8);
        if (depth % 8 != 0 && (bitmap[bitmap.length - 1] & (0xff >>> (depth % 8))) != 0) {
            throw Decoder.malformed("unused bits set in the state proof's sibling bitmap");
        }
        List<Hash> siblings = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            if ((bitmap[i >>> 3] & (0x80 >>> (i & 7))) == 0) {
                siblings.add(TreeHash.EMPTY);
            } else {
                Hash s = d.hash();
                if (s.equals(TreeHash.EMPTY)) {
                    throw Decoder.malformed("an empty sibling written out in a state proof");
                }
                siblings.add(s);
            }
        }
        if (depth > 0 && siblings.getLast().equals(TreeHash.EMPTY)) {
            throw Decoder.malformed("the last sibling of a state proof is empty");
        }
        d.finish();
        return new Proof(value, occupant, siblings);
    }
}
