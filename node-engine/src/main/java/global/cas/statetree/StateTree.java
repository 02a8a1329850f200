package global.cas.statetree;

import global.cas.crypto.Hash;
import global.cas.statetree.Node.Branch;
import global.cas.statetree.Node.Leaf;
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

    private Node top;
    private int size;
    private long hashes;
    /** Set by the recursive update helpers: +1 when a key was added, -1 when one was removed. */
    private int sizeChange;

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
            leaves.add(new Leaf(e.getKey().bytes(), e.getValue().bytes()));
        }
        Leaf[] sorted = leaves.toArray(new Leaf[0]);
        Arrays.sort(sorted, (a, b) -> Arrays.compareUnsigned(a.key, b.key));
        for (int i = 1; i < sorted.length; i++) {
            if (Arrays.equals(sorted[i - 1].key, sorted[i].key)) {
                throw new IllegalArgumentException("key " + Hash.of(sorted[i].key) + " appears twice");
            }
        }
        return new StateTree(buildSorted(sorted, 0, sorted.length, 0), sorted.length);
    }

    private static Node buildSorted(Leaf[] leaves, int from, int to, int depth) {
        if (to - from == 0) {
            return null;
        }
        if (to - from == 1) {
            return leaves[from];
        }
        int mid = from;
        while (mid < to && TreeHash.bit(leaves[mid].key, depth) == 0) {
            mid++;
        }
        return new Branch(buildSorted(leaves, from, mid, depth + 1), buildSorted(leaves, mid, to, depth + 1));
    }

    /** The value hash stored under the key, if any. */
    public Optional<Hash> get(Hash key) {
        byte[] k = key.bytes();
        Node n = top;
        for (int depth = 0; n instanceof Branch b; depth++) {
            n = TreeHash.bit(k, depth) == 0 ? b.left : b.right;
        }
        return n instanceof Leaf l && Arrays.equals(l.key, k) ? Optional.of(Hash.of(l.value)) : Optional.empty();
    }

    /** Stores the value hash under the key, replacing any earlier one. */
    public void put(Hash key, Hash valueHash) {
        sizeChange = 0;
        top = put(top, new Leaf(key.bytes(), valueHash.bytes()), 0);
        size += sizeChange;
    }

    private Node put(Node n, Leaf leaf, int depth) {
        if (n == null) {
            sizeChange = 1;
            return leaf;
        }
        if (n instanceof Leaf l) {
            if (Arrays.equals(l.key, leaf.key)) {
                // an unchanged value keeps the node, so the path keeps its cached hashes
                return Arrays.equals(l.value, leaf.value) ? l : leaf;
            }
            sizeChange = 1;
            return split(l, leaf, depth);
        }
        Branch b = (Branch) n;
        if (TreeHash.bit(leaf.key, depth) == 0) {
            Node left = put(b.left, leaf, depth + 1);
            return left == b.left ? b : new Branch(left, b.right);
        }
        Node right = put(b.right, leaf, depth + 1);
        return right == b.right ? b : new Branch(b.left, right);
    }

    /** The subtree at {@code depth} holding two leaves with different keys. */
    private static Node split(Leaf a, Leaf b, int depth) {
        int bitA = TreeHash.bit(a.key, depth);
        int bitB = TreeHash.bit(b.key, depth);
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
        top = remove(top, key.bytes(), 0);
        size += sizeChange;
        return sizeChange != 0;
    }

    private Node remove(Node n, byte[] key, int depth) {
        if (n == null) {
            return null;
        }
        if (n instanceof Leaf l) {
            if (Arrays.equals(l.key, key)) {
                sizeChange = -1;
                return null;
            }
            return l;
        }
        Branch b = (Branch) n;
        boolean goLeft = TreeHash.bit(key, depth) == 0;
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
        return Hash.of(hash(top));
    }

    private byte[] hash(Node n) {
        if (n == null) {
            return TreeHash.emptyBytes();
        }
        byte[] h = n.cachedHash();
        if (h != null) {
            return h;
        }
        hashes++;
        if (n instanceof Leaf l) {
            h = TreeHash.leaf(l.key, l.value);
            l.hash = h;
        } else {
            Branch b = (Branch) n;
            h = TreeHash.branch(hash(b.left), hash(b.right));
            b.hash = h;
        }
        return h;
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
        hash(top);
        byte[] k = key.bytes();
        List<Hash> siblings = new ArrayList<>();
        Node n = top;
        for (int depth = 0; n instanceof Branch b; depth++) {
            boolean left = TreeHash.bit(k, depth) == 0;
            siblings.add(Hash.of(hash(left ? b.right : b.left)));
            n = left ? b.left : b.right;
        }
        if (n instanceof Leaf l) {
            if (Arrays.equals(l.key, k)) {
                return new Proof(Optional.of(Hash.of(l.value)), Optional.empty(), siblings);
            }
            return new Proof(
                    Optional.empty(), Optional.of(new Proof.Entry(Hash.of(l.key), Hash.of(l.value))), siblings);
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
}
