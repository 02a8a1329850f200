package global.cas.statetree;

import global.cas.crypto.Hash;
import global.cas.crypto.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only list of 32-byte leaf hashes authenticated by a root, for records that never change
 * once written (coloured outputs, a token issuer's period records, T9). Its {@link #treeHash} is
 * RFC 9162's Merkle tree hash (Certificate Transparency v2, section 2.1.1) with each leaf hash as
 * an entry: SHA-256(0x00 ‖ leaf hash) per entry, SHA-256(0x01 ‖ left ‖ right) per node, the tree
 * split at the largest power of two below its size, and SHA-256 of nothing for the empty log. Its
 * {@link #root} binds that hash to the number of entries, SHA-256(0x02 ‖ size as 8 bytes ‖ tree
 * hash): RFC 9162 takes the size from a signed tree head beside the hash, and without it a proof
 * could place an entry at another index (entry 2 of 3 passes for entry 1 of 2), so here the root
 * alone authenticates index and size. An inclusion {@link LogProof} has at most log2(n) + 1
 * hashes and is checked with RFC 9162's algorithm.
 *
 * <p>Every complete subtree's hash is kept, one flat array per level (about 64 bytes per entry), so
 * {@link #append} costs one hash plus one per subtree it completes (two on average), and the root
 * of the log at any earlier size, and proofs against it, cost O(log n) hashes. {@link #truncate}
 * drops the newest entries in O(1), so a caller can try a block's appends and take them back.
 *
 * <p>Not thread-safe: one thread uses a log.
 */
public final class AppendLog {
    private static final byte[] LEAF = {0x00};
    private static final byte[] NODE = {0x01};
    private static final byte[] SIZE = {0x02};
    private static final Hash EMPTY = Hash.sha256();

    /** {@code levels.get(h)} holds the hashes of the complete subtrees of 2^h entries, in order. */
    private final List<byte[]> levels = new ArrayList<>();

    private long size;

    /** An empty log. */
    public AppendLog() {}

    /** The number of entries. */
    public long size() {
        return size;
    }

    /**
     * Appends an entry.
     *
     * @return its index
     */
    public long append(Hash leafHash) {
        long index = size;
        byte[] node = Sha256.digest(LEAF, leafHash.bytes());
        set(0, index, node);
        // each subtree this entry completes gets its hash now
        long i = index;
        for (int level = 0; (i & 1) == 1; level++) {
            node = Sha256.digest(NODE, get(level, i - 1), node);
            i >>>= 1;
            set(level + 1, i, node);
        }
        size = index + 1;
        return index;
    }

    /** Drops every entry from {@code newSize} on; the roots and proofs up to it stay as they were. */
    public void truncate(long newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate a log of " + size + " entries to " + newSize);
        }
        // stored subtrees below newSize depend only on entries below it; the rest are overwritten
        size = newSize;
    }

    /** The root of the whole log. */
    public Hash root() {
        return root(size);
    }

    /** The root the log had when it held its first {@code atSize} entries. */
    public Hash root(long atSize) {
        return boundRoot(atSize, treeHash(atSize));
    }

    /** RFC 9162's Merkle tree hash of the first {@code atSize} entries, not bound to the size. */
    public Hash treeHash(long atSize) {
        checkSize(atSize);
        return atSize == 0 ? EMPTY : Hash.of(subtree(0, atSize));
    }

    /** SHA-256(0x02 ‖ size as 8 bytes, big-endian ‖ tree hash). */
    static Hash boundRoot(long size, Hash treeHash) {
        byte[] n = new byte[8];
        for (int i = 0; i < 8; i++) {
            n[i] = (byte) (size >>> (56 - 8 * i));
        }
        return Hash.sha256(SIZE, n, treeHash.bytes());
    }

    /** A proof that the entry at {@code index} is in the log at its current size. */
    public LogProof prove(long index) {
        return prove(index, size);
    }

    /**
     * A proof that the entry at {@code index} is in the log as it was at {@code atSize} entries,
     * checkable against {@link #root(long) root(atSize)}.
     */
    public LogProof prove(long index, long atSize) {
        checkSize(atSize);
        if (index < 0 || index >= atSize) {
            throw new IllegalArgumentException("no entry " + index + " in a log of " + atSize);
        }
        List<Hash> path = new ArrayList<>();
        path(index, 0, atSize, path);
        return new LogProof(index, atSize, path);
    }

    /** RFC 9162 PATH(m, D[start:end]), leaf side first. */
    private void path(long m, long start, long end, List<Hash> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(Hash.of(subtree(start + k, end)));
        } else {
            path(m - k, start + k, end, out);
            out.add(Hash.of(subtree(start, start + k)));
        }
    }

    /** MTH(D[start:end]) where {@code start} is a multiple of the largest power of two below the size. */
    private byte[] subtree(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return get(level, start >>> level);
        }
        long k = Long.highestOneBit(n - 1);
        return Sha256.digest(NODE, subtree(start, start + k), subtree(start + k, end));
    }

    private void checkSize(long atSize) {
        if (atSize < 0 || atSize > size) {
            throw new IllegalArgumentException("the log has " + size + " entries, not " + atSize);
        }
    }

    private byte[] get(int level, long index) {
        int off = Math.toIntExact(index * Hash.LENGTH);
        return Arrays.copyOfRange(levels.get(level), off, off + Hash.LENGTH);
    }

    private void set(int level, long index, byte[] hash) {
        while (levels.size() <= level) {
            levels.add(new byte[16 * Hash.LENGTH]);
        }
        byte[] data = levels.get(level);
        int off = Math.toIntExact(index * Hash.LENGTH);
        if (off + Hash.LENGTH > data.length) {
            // grows by half: arrays are capped near 2^31 bytes, so one level holds up to ~67 million
            data = Arrays.copyOf(
                    data, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, data.length + (data.length >> 1))));
            levels.set(level, data);
        }
        System.arraycopy(hash, 0, data, off, Hash.LENGTH);
    }
}
