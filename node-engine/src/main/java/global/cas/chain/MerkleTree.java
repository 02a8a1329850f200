package global.cas.chain;

import global.cas.crypto.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary Merkle root in the style of RFC 6962: leaves and inner nodes are hashed with distinct
 * prefixes (0x00, 0x01) so a leaf can never pass for a node; an odd node is promoted unchanged.
 * The root of no leaves is SHA-256 of nothing.
 */
public final class MerkleTree {
    private static final byte[] LEAF = {0};
    private static final byte[] NODE = {1};

    private MerkleTree() {}

    public static Hash root(List<Hash> leaves) {
        if (leaves.isEmpty()) {
            return Hash.sha256();
        }
        List<Hash> level = new ArrayList<>(leaves.size());
        for (Hash h : leaves) {
            level.add(Hash.sha256(LEAF, h.bytes()));
        }
        while (level.size() > 1) {
            List<Hash> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(
                        i + 1 < level.size()
                                ? Hash.sha256(
                                        NODE,
                                        level.get(i).bytes(),
                                        level.get(i + 1).bytes())
                                : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }
}
