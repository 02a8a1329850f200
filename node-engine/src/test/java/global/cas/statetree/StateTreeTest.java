package global.cas.statetree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Hash;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StateTreeTest {
    private static final Hash A = key(0x00);
    private static final Hash B = key(0x80);
    /** Shares the first seven bits with A. */
    private static final Hash C = key(0x01);

    private static Hash key(int firstByte) {
        byte[] b = new byte[Hash.LENGTH];
        b[0] = (byte) firstByte;
        b[31] = 7;
        return Hash.of(b);
    }

    private static Hash leaf(Hash k, Hash v) {
        return Hash.sha256(new byte[] {0}, k.bytes(), v.bytes());
    }

    private static Hash branch(Hash l, Hash r) {
        return Hash.sha256(new byte[] {1}, l.bytes(), r.bytes());
    }

    @Test
    @DisplayName("C6: the empty tree's root is 32 zero bytes and every key proves absent in it")
    void emptyRoot() {
        StateTree t = new StateTree();
        assertThat(t.root()).isEqualTo(Hash.ZERO).isEqualTo(StateTree.EMPTY_ROOT);
        assertThat(t.size()).isZero();
        Proof p = t.prove(A);
        assertThat(p.siblings()).isEmpty();
        assertThat(p.verify(Hash.ZERO, A, Optional.empty())).isTrue();
        assertThat(p.encode()).containsExactly(1, 0);
    }

    @Test
    @DisplayName("C6: one key's root is its leaf; two keys split at their first differing bit")
    void rootFollowsTheDefinition() {
        Hash v = TreeKeys.value(1);
        StateTree t = new StateTree();
        t.put(A, v);
        assertThat(t.root()).isEqualTo(leaf(A, v));
        t.put(B, v);
        assertThat(t.root()).isEqualTo(branch(leaf(A, v), leaf(B, v)));
        t.put(C, v);
        // A and C share seven bits: six inner nodes with one empty side, then the split
        Hash ac = branch(leaf(A, v), leaf(C, v));
        for (int i = 0; i < 6; i++) {
            ac = branch(ac, Hash.ZERO);
        }
        assertThat(t.root()).isEqualTo(branch(ac, leaf(B, v)));
        assertThat(t.prove(C).siblings()).hasSize(8);
        t.remove(A);
        assertThat(t.root()).isEqualTo(branch(leaf(C, v), leaf(B, v)));
        t.remove(B);
        assertThat(t.root()).isEqualTo(leaf(C, v));
    }

    @Test
    @DisplayName("changed nodes are hashed once, at the next root, and an unchanged value costs nothing")
    void lazyHashing() {
        StateTree t = new StateTree();
        for (int i = 0; i < 1000; i++) {
            t.put(TreeKeys.key(i), TreeKeys.value(i));
        }
        assertThat(t.hashCount()).isZero();
        Hash root = t.root();
        // 1,000 leaves and 999 two-sided inner nodes, plus the one-sided ones: a random trie of n
        // keys has about n / ln 2 inner nodes in all
        assertThat(t.hashCount()).isBetween(2300L, 2600L);
        long after = t.hashCount();
        t.put(TreeKeys.key(5), TreeKeys.value(5));
        assertThat(t.root()).isEqualTo(root);
        assertThat(t.hashCount()).isEqualTo(after);
        t.put(TreeKeys.key(5), TreeKeys.value(6));
        t.root();
        assertThat(t.hashCount() - after).isBetween(5L, 25L);
    }

    @Test
    @DisplayName("building from entries gives the same tree as putting them, and refuses a key twice")
    void build() {
        Map<Hash, Hash> entries = new HashMap<>();
        StateTree t = new StateTree();
        for (int i = 0; i < 500; i++) {
            entries.put(TreeKeys.key(i), TreeKeys.value(i));
            t.put(TreeKeys.key(i), TreeKeys.value(i));
        }
        StateTree built = StateTree.build(entries.entrySet());
        assertThat(built.root()).isEqualTo(t.root());
        assertThat(built.size()).isEqualTo(500);
        built.remove(TreeKeys.key(3));
        t.remove(TreeKeys.key(3));
        assertThat(built.root()).isEqualTo(t.root());
        assertThat(StateTree.build(List.<Map.Entry<Hash, Hash>>of()).root()).isEqualTo(Hash.ZERO);
        assertThatThrownBy(() -> StateTree.build(List.of(Map.entry(A, A), Map.entry(A, B))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a proof in a tree of 10,000 keys is about log2(n) + 1 siblings, some 500 bytes")
    void proofSize() {
        StateTree t = new StateTree();
        for (int i = 0; i < 10_000; i++) {
            t.put(TreeKeys.key(i), TreeKeys.value(i));
        }
        Proof present = t.prove(TreeKeys.key(42));
        Proof absent = t.prove(TreeKeys.key(-1));
        assertThat(present.siblings().size()).isBetween(10, 30);
        assertThat(present.encode().length).isBetween(300, 1000);
        assertThat(present.verify(t.root(), TreeKeys.key(42), Optional.of(TreeKeys.value(42))))
                .isTrue();
        assertThat(absent.verify(t.root(), TreeKeys.key(-1), Optional.empty())).isTrue();
    }

    @Test
    @DisplayName("a proof of absence by another key's leaf fails when that leaf is off the key's path")
    void occupantMustShareThePath() {
        StateTree t = new StateTree();
        Hash v = TreeKeys.value(1);
        t.put(A, v);
        t.put(B, v);
        Proof p = t.prove(C); // C's place is A's leaf
        assertThat(p.occupant()).contains(new Proof.Entry(A, v));
        assertThat(p.verify(t.root(), C, Optional.empty())).isTrue();
        assertThat(p.verify(t.root(), A, Optional.empty())).isFalse();
        // B is on the other side of the root: A's leaf cannot stand in its place
        Proof forged = new Proof(Optional.empty(), Optional.of(new Proof.Entry(A, v)), List.of(leaf(B, v)));
        assertThat(forged.verify(t.root(), key(0x81), Optional.empty())).isFalse();
    }

    @Test
    @DisplayName("proof decoding refuses what is not a canonical encoding")
    void decodeRefusals() {
        StateTree t = new StateTree();
        t.put(A, TreeKeys.value(1));
        t.put(B, TreeKeys.value(2));
        byte[] good = t.prove(A).encode();
        assertThat(Proof.decode(good)).isEqualTo(t.prove(A));

        assertRefused(new byte[] {3, 0}, Reason.MALFORMED); // unknown kind
        assertRefused(new byte[] {1}, Reason.TRUNCATED);
        assertRefused(concat(good, new byte[] {0}), Reason.MALFORMED); // trailing byte
        assertRefused(new byte[] {1, (byte) 0x81, 0x02}, Reason.OVERSIZE); // depth 257
        assertRefused(new byte[Proof.MAX_ENCODED_BYTES + 1], Reason.OVERSIZE);
        // depth 1 with the unused bitmap bits set
        byte[] padded = new byte[] {1, 1, (byte) 0xc0};
        assertRefused(concat(padded, TreeKeys.value(1).bytes()), Reason.MALFORMED);
        // depth 1, the only sibling empty
        assertRefused(new byte[] {1, 1, 0}, Reason.MALFORMED);
        // depth 1, an empty sibling written out
        assertRefused(concat(new byte[] {1, 1, (byte) 0x80}, new byte[32]), Reason.MALFORMED);
    }

    private static void assertRefused(byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> Proof.decode(bytes))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    @DisplayName("a fork costs nothing and a block's changes tried in it are dropped with it")
    void forkTriesABlock() {
        StateTree t = new StateTree();
        for (int i = 0; i < 100; i++) {
            t.put(TreeKeys.key(i), TreeKeys.value(i));
        }
        Hash root = t.root();
        StateTree attempt = t.fork();
        assertThat(attempt.hashCount()).isZero();
        for (int i = 0; i < 50; i++) {
            attempt.remove(TreeKeys.key(i));
            attempt.put(TreeKeys.key(1000 + i), TreeKeys.value(i));
        }
        assertThat(attempt.root()).isNotEqualTo(root);
        assertThat(attempt.size()).isEqualTo(100);
        assertThat(t.root()).isEqualTo(root);
        assertThat(t.get(TreeKeys.key(1000))).isEmpty();
        assertThat(t.get(TreeKeys.key(0))).contains(TreeKeys.value(0));
    }
}
