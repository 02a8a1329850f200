package global.cas.statetree;

import global.cas.crypto.Hash;
import global.cas.crypto.Sha256;
import global.cas.statetree.Node.Branch;
import global.cas.statetree.Node.Leaf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map from 32-byte keys to 32-byte value hashes, authenticated by a root hash (C6): a binary
 * Merkle trie over the key bits in which every subtree holding a single key is that key's leaf and
 * every empty subtree hashes to {@link #EMPTY_ROOT} (the shape of Diem's Jellyfish Merkle tree with
 * two children per node). The root therefore depends only on the set of (key, value) pairs, never
 * on the order of updates. Callers pass SHA-256 of their own canonical key, so keys are spread
 * uniformly and a tree of n keys is about log2(n) + 1 deep.
 *
 * <p>Updates are cheap in batches: {@link #put} and {@link #remove} only copy the path to the key;
 * hashes of the changed nodes are computed once, at the next {@link #root()} (or {@link #prove}),
 * and every unchanged subtree keeps its cached hash. Nodes are immutable, so {@link #fork()} is
 * O(1): the fork shares every node with its parent and the two then change independently, which
 * lets a caller try a block's changes and drop them, or keep a snapshot per height.
 *
 * <p>Not thread-safe: one thread (the chain thread) uses a given tree. Distinct trees made by
 * {@link #fork()} share only immutable nodes and may be used by different threads at the same time,
 * once handed over safely (e.g. through a volatile field or a concurrent collection).
 */
public final class StateTree {
    /** The root of the empty tree, and the hash of every empty subtree: 32 zero bytes. */
    public static final Hash EMPTY_ROOT = TreeHash.EMPTY;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Node top;
    private int size;
    private long hashes;
    /** Set by the recursive update helpers: +1 when a key was added, -1 when one was removed. */
    private int sizeChange;
    /** What one node hash digests: prefix, then two 32-byte halves. Owned by this tree's thread. */
    private final byte[] scratch = new byte[1 + 2 * Hash.LENGTH];

    /** An empty tree. */
    public StateTree() {}

    private StateTree(Node top, int size) {
        this.top = top;
        this.size = size;
    }

    /**
     * A tree holding exactly the given entries, built bottom-up from the sorted keys: faster than
     * one {@link #put} per entry, for a node that rebuilds the tree from storage at start. Hashes
     * are computed at the first {@link #root()}.
     *
     * @throws IllegalArgumentException when a key appears twice
     */
    public static StateTree build(Iterable<? extends Map.Entry<Hash, Hash>> entries) {
        List<Leaf> leaves = new ArrayList<>();
        for (Map.Entry<Hash, Hash> e : entries) {
            leaves.add(new Leaf(words(e.getKey()), words(e.getValue())));
        }
        Leaf[] sorted = leaves.toArray(new Leaf[0]);
        Arrays.sort(sorted, StateTree::compareKeys);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i - 1].sameKey(sorted[i])) {
                throw new IllegalArgumentException("key " + hash(sorted[i].key()) + " appears twice");
            }
        }
        return new StateTree(buildSorted(sorted, 0, sorted.length, 0), sorted.length);
    }

    private static int compareKeys(Leaf a, Leaf b) {
        int c = Long.compareUnsigned(a.k0, b.k0);
        if (c == 0) {
            c = Long.compareUnsigned(a.k1, b.k1);
        }
        if (c == 0) {
            c = Long.compareUnsigned(a.k2, b.k2);
        }
        return c != 0 ? c : Long.compareUnsigned(a.k3, b.k3);
    }

    private static Node buildSorted(Leaf[] leaves, int from, int to, int depth) {
        if (to - from == 0) {
            return null;
        }
        if (to - from == 1) {
            return leaves[from];
        }
        int mid = from;
        while (mid < to && leaves[mid].bit(depth) == 0) {
            mid++;
        }
        return new Branch(buildSorted(leaves, from, mid, depth + 1), buildSorted(leaves, mid, to, depth + 1));
    }

    /** The value hash stored under the key, if any. */
    public Optional<Hash> get(Hash key) {
        long[] k = words(key);
        Node n = top;
        for (int depth = 0; n instanceof Branch b; depth++) {
            n = bit(k, depth) == 0 ? b.left : b.right;
        }
        return n instanceof Leaf l && l.hasKey(k) ? Optional.of(hash(l.value())) : Optional.empty();
    }

    /** Stores the value hash under the key, replacing any earlier one. */
    public void put(Hash key, Hash valueHash) {
        sizeChange = 0;
        top = put(top, new Leaf(words(key), words(valueHash)), 0);
        size += sizeChange;
    }

    private Node put(Node n, Leaf leaf, int depth) {
        if (n == null) {
            sizeChange = 1;
            return leaf;
        }
        if (n instanceof Leaf l) {
            if (l.sameKey(leaf)) {
                // an unchanged value keeps the node, so the path keeps its cached hashes
                return l.sameValue(leaf) ? l : leaf;
            }
            sizeChange = 1;
            return split(l, leaf, depth);
        }
        Branch b = (Branch) n;
        if (leaf.bit(depth) == 0) {
            Node left = put(b.left, leaf, depth + 1);
            return left == b.left ? b : new Branch(left, b.right);
        }
        Node right = put(b.right, leaf, depth + 1);
        return right == b.right ? b : new Branch(b.left, right);
    }

    /** The subtree at {@code depth} holding two leaves with different keys. */
    private static Node split(Leaf a, Leaf b, int depth) {
        int bitA = a.bit(depth);
        int bitB = b.bit(depth);
        if (bitA != bitB) {
            return bitA == 0 ? new Branch(a, b) : new Branch(b, a);
        }
        Node below = split(a, b, depth + 1);
        return bitA == 0 ? new Branch(below, null) : new Branch(null, below);
    }

    /**
     * Removes the key.
     *
     * @return whether it was present
     */
    public boolean remove(Hash key) {
        sizeChange = 0;
        top = remove(top, words(key), 0);
        size += sizeChange;
        return sizeChange != 0;
    }

    private Node remove(Node n, long[] key, int depth) {
        if (n == null) {
            return null;
        }
        if (n instanceof Leaf l) {
            if (l.hasKey(key)) {
                sizeChange = -1;
                return null;
            }
            return l;
        }
        Branch b = (Branch) n;
        boolean goLeft = bit(key, depth) == 0;
        Node child = goLeft ? b.left : b.right;
        Node changed = remove(child, key, depth + 1);
        if (changed == child) {
            return b;
        }
        Node other = goLeft ? b.right : b.left;
        // a subtree left with a single key becomes that key's leaf, at whatever height it ends up
        if (changed == null && other instanceof Leaf) {
            return other;
        }
        if (other == null && changed instanceof Leaf) {
            return changed;
        }
        return goLeft ? new Branch(changed, other) : new Branch(other, changed);
    }

    /** The number of keys. */
    public int size() {
        return size;
    }

    /** The root hash, computing the hashes of the nodes changed since the last call. */
    public Hash root() {
        if (top == null) {
            return EMPTY_ROOT;
        }
        ensureHashed(top);
        return hashOf(top);
    }

    private void ensureHashed(Node n) {
        if (n.hashed) {
            return;
        }
        if (n instanceof Leaf l) {
            scratch[0] = TreeHash.LEAF_PREFIX;
            putWords(1, l.k0, l.k1, l.k2, l.k3);
            putWords(1 + Hash.LENGTH, l.v0, l.v1, l.v2, l.v3);
        } else {
            Branch b = (Branch) n;
            // children first: they use the scratch buffer too
            if (b.left != null) {
                ensureHashed(b.left);
            }
            if (b.right != null) {
                ensureHashed(b.right);
            }
            scratch[0] = TreeHash.BRANCH_PREFIX;
            putHash(1, b.left);
            putHash(1 + Hash.LENGTH, b.right);
        }
        byte[] d = Sha256.digest(scratch);
        hashes++;
        n.h0 = (long) WORDS.get(d, 0);
        n.h1 = (long) WORDS.get(d, 8);
        n.h2 = (long) WORDS.get(d, 16);
        n.h3 = (long) WORDS.get(d, 24);
        n.hashed = true;
    }

    private void putHash(int off, Node n) {
        if (n == null) {
            putWords(off, 0, 0, 0, 0);
        } else {
            putWords(off, n.h0, n.h1, n.h2, n.h3);
        }
    }

    private void putWords(int off, long w0, long w1, long w2, long w3) {
        WORDS.set(scratch, off, w0);
        WORDS.set(scratch, off + 8, w1);
        WORDS.set(scratch, off + 16, w2);
        WORDS.set(scratch, off + 24, w3);
    }

    /**
     * An independent tree with the same contents, in O(1): the two share every node, and a change
     * to either is never seen by the other.
     */
    public StateTree fork() {
        return new StateTree(top, size);
    }

    /**
     * A proof that the key holds its current value hash, or that it is absent, checkable with
     * {@link Proof#verify} against {@link #root()} alone.
     */
    public Proof prove(Hash key) {
        root();
        long[] k = words(key);
        List<Hash> siblings = new ArrayList<>();
        Node n = top;
        for (int depth = 0; n instanceof Branch b; depth++) {
            boolean left = bit(k, depth) == 0;
            Node sibling = left ? b.right : b.left;
            siblings.add(sibling == null ? EMPTY_ROOT : hashOf(sibling));
            n = left ? b.left : b.right;
        }
        if (n instanceof Leaf l) {
            if (l.hasKey(k)) {
                return new Proof(Optional.of(hash(l.value())), Optional.empty(), siblings);
            }
            return new Proof(Optional.empty(), Optional.of(new Proof.Entry(hash(l.key()), hash(l.value()))), siblings);
        }
        return new Proof(Optional.empty(), Optional.empty(), siblings);
    }

    /**
     * How many SHA-256 digests this tree object has computed since it was made (a fork starts at
     * zero): a measure of the work {@link #root()} does, for benchmarks.
     */
    public long hashCount() {
        return hashes;
    }

    private static int bit(long[] key, int depth) {
        return (int) (key[depth >>> 6] >>> (63 - (depth & 63))) & 1;
    }

    private static long[] words(Hash h) {
        byte[] b = h.bytes();
        return new long[] {
            (long) WORDS.get(b, 0), (long) WORDS.get(b, 8), (long) WORDS.get(b, 16), (long) WORDS.get(b, 24)
        };
    }

    private static Hash hash(long[] w) {
        byte[] b = new byte[Hash.LENGTH];
        for (int i = 0; i < 4; i++) {
            WORDS.set(b, 8 * i, w[i]);
        }
        return Hash.of(b);
    }

    private static Hash hashOf(Node n) {
        return hash(new long[] {n.h0, n.h1, n.h2, n.h3});
    }
}
