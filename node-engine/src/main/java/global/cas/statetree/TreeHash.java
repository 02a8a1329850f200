package global.cas.statetree;

import global.cas.crypto.Hash;
import global.cas.crypto.Sha256;

/**
 * The hash rules of the tree and the proof checker (the tree hashes from its packed words with the
 * same prefixes; the property tests hold the two to one definition). A leaf is
 * SHA-256(0x00 ‖ key ‖ value hash), an inner node SHA-256(0x01 ‖ left ‖ right), an empty subtree
 * {@link #EMPTY}. The prefix byte keeps a leaf from passing for an inner node and back. Stateless.
 */
final class TreeHash {
    /** The root of an empty tree and the hash of every empty subtree: 32 zero bytes. */
    static final Hash EMPTY = Hash.ZERO;

    /** Read-only: never handed out. */
    private static final byte[] EMPTY_BYTES = new byte[Hash.LENGTH];

    /** The first byte hashed for a leaf. */
    static final byte LEAF_PREFIX = 0x00;
    /** The first byte hashed for an inner node. */
    static final byte BRANCH_PREFIX = 0x01;

    private static final byte[] LEAF = {LEAF_PREFIX};
    private static final byte[] BRANCH = {BRANCH_PREFIX};

    /** Key length in bits: the deepest a leaf can sit. */
    static final int KEY_BITS = Hash.LENGTH * 8;

    private TreeHash() {}

    static byte[] emptyBytes() {
        return EMPTY_BYTES;
    }

    static byte[] leaf(byte[] key, byte[] valueHash) {
        return Sha256.digest(LEAF, key, valueHash);
    }

    static byte[] branch(byte[] left, byte[] right) {
        return Sha256.digest(BRANCH, left, right);
    }

    /** Bit {@code depth} of the key, most significant bit of byte 0 first: 0 goes left. */
    static int bit(byte[] key, int depth) {
        return (key[depth >>> 3] >>> (7 - (depth & 7))) & 1;
    }
}
