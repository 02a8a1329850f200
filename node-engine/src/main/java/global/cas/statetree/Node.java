package global.cas.statetree;

/**
 * A node of the trie. Nodes never change once built (an update copies the path from the root), so
 * any number of trees may share them; {@code null} stands for an empty subtree. The only write
 * after construction is the cached hash, a pure function of the node: its four words are written
 * before the volatile {@link #hashed} flag and read after it, so a thread that sees the flag sees
 * the hash, and two threads computing it race harmlessly (they write the same words).
 *
 * <p>Keys, values and hashes are held as four big-endian longs each, not as arrays: that saves
 * an array header and a pointer per field (about 80 bytes per key) and a cache miss per visit.
 */
abstract sealed class Node permits Node.Leaf, Node.Branch {
    long h0;
    long h1;
    long h2;
    long h3;
    volatile boolean hashed;

    /**
     * A key with its value hash. A subtree holding exactly one key is that key's leaf, whatever its
     * depth: the leaf hash covers the whole key, so the depth need not be hashed.
     */
    static final class Leaf extends Node {
        final long k0;
        final long k1;
        final long k2;
        final long k3;
        final long v0;
        final long v1;
        final long v2;
        final long v3;

        Leaf(long[] key, long[] value) {
            k0 = key[0];
            k1 = key[1];
            k2 = key[2];
            k3 = key[3];
            v0 = value[0];
            v1 = value[1];
            v2 = value[2];
            v3 = value[3];
        }

        boolean hasKey(long[] key) {
            return k0 == key[0] && k1 == key[1] && k2 == key[2] && k3 == key[3];
        }

        boolean sameKey(Leaf o) {
            return k0 == o.k0 && k1 == o.k1 && k2 == o.k2 && k3 == o.k3;
        }

        boolean sameValue(Leaf o) {
            return v0 == o.v0 && v1 == o.v1 && v2 == o.v2 && v3 == o.v3;
        }

        /** Bit {@code depth} of the key, most significant first: 0 goes left. */
        int bit(int depth) {
            long w = switch (depth >>> 6) {
                case 0 -> k0;
                case 1 -> k1;
                case 2 -> k2;
                default -> k3;
            };
            return (int) (w >>> (63 - (depth & 63))) & 1;
        }

        long[] key() {
            return new long[] {k0, k1, k2, k3};
        }

        long[] value() {
            return new long[] {v0, v1, v2, v3};
        }
    }

    /**
     * An inner node: its subtree holds at least two keys. One side may be empty ({@code null}) when
     * all keys below share the next bit; the other side is then itself a branch.
     */
    static final class Branch extends Node {
        final Node left;
        final Node right;

        Branch(Node left, Node right) {
            this.left = left;
            this.right = right;
        }
    }
}
