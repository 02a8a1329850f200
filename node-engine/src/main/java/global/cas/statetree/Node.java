package global.cas.statetree;

/**
 * A node of the trie. Nodes never change once built (an update copies the path from the root), so
 * any number of trees may share them; {@code null} stands for an empty subtree. The only write
 * after construction is the cached hash, which is a pure function of the node and published
 * through a volatile field, so two threads computing it race harmlessly.
 */
sealed interface Node {

    /** The cached hash, or {@code null} until someone computed it. */
    byte[] cachedHash();

    /**
     * A key with its value hash. A subtree holding exactly one key is that key's leaf, whatever its
     * depth: the leaf hash covers the whole key, so the depth need not be hashed.
     */
    final class Leaf implements Node {
        final byte[] key;
        final byte[] value;
        volatile byte[] hash;

        Leaf(byte[] key, byte[] value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public byte[] cachedHash() {
            return hash;
        }
    }

    /**
     * An inner node: its subtree holds at least two keys. One side may be empty ({@code null}) when
     * all keys below share the next bit; the other side is then itself a branch.
     */
    final class Branch implements Node {
        final Node left;
        final Node right;
        volatile byte[] hash;

        Branch(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public byte[] cachedHash() {
            return hash;
        }
    }
}
