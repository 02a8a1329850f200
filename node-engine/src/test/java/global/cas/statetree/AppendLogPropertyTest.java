package global.cas.statetree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Hash;
import global.cas.rejection.RejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The append log's root is RFC 9162's Merkle tree hash, and its inclusion proofs say only the truth. */
class AppendLogPropertyTest {

    private static List<Hash> leaves(int n, long seed) {
        List<Hash> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TreeKeys.key(seed * 1_000_003 + i));
        }
        return out;
    }

    private static AppendLog logOf(List<Hash> leaves) {
        AppendLog log = new AppendLog();
        leaves.forEach(log::append);
        return log;
    }

    /** RFC 9162 section 2.1.1, straight from the text. */
    private static Hash mth(List<Hash> d) {
        if (d.isEmpty()) {
            return Hash.sha256();
        }
        if (d.size() == 1) {
            return Hash.sha256(new byte[] {0}, d.getFirst().bytes());
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return Hash.sha256(
                new byte[] {1},
                mth(d.subList(0, k)).bytes(),
                mth(d.subList(k, d.size())).bytes());
    }

    /** The root: the tree hash bound to the size. */
    private static Hash root(List<Hash> d) {
        byte[] size = java.nio.ByteBuffer.allocate(8).putLong(d.size()).array();
        return Hash.sha256(new byte[] {2}, size, mth(d).bytes());
    }

    @Property(tries = 200)
    @Label("the tree hash, now and at every earlier size, is RFC 9162's Merkle tree hash of the entries")
    void rootIsRfc9162(@ForAll @IntRange(max = 300) int n, @ForAll long seed) {
        List<Hash> leaves = leaves(n, seed);
        AppendLog log = logOf(leaves);
        assertThat(log.size()).isEqualTo(n);
        assertThat(log.treeHash(n)).isEqualTo(mth(leaves));
        assertThat(log.root()).isEqualTo(root(leaves));
        Random random = new Random(seed);
        int earlier = random.nextInt(n + 1);
        assertThat(log.treeHash(earlier)).isEqualTo(mth(leaves.subList(0, earlier)));
        assertThat(log.root(earlier)).isEqualTo(root(leaves.subList(0, earlier)));
    }

    @Test
    @DisplayName("a proof cannot move an entry to another index by claiming another size")
    void sizeIsBound() {
        List<Hash> leaves = leaves(3, 1);
        AppendLog log = logOf(leaves);
        // RFC 9162 alone: entry 2 of 3 and entry 1 of 2 have the same path against the same tree hash
        LogProof real = log.prove(2);
        LogProof moved = new LogProof(1, 2, real.path());
        assertThat(real.verify(log.root(), leaves.get(2))).isTrue();
        assertThat(moved.verify(log.root(), leaves.get(2))).isFalse();
    }

    @Property(tries = 100)
    @Label("every entry proves its leaf against the root at every size that holds it, and nothing else")
    void proofsVerify(@ForAll @IntRange(min = 1, max = 70) int n, @ForAll long seed) {
        List<Hash> leaves = leaves(n, seed);
        AppendLog log = logOf(leaves);
        for (int size = 1; size <= n; size++) {
            Hash root = log.root(size);
            for (int i = 0; i < size; i++) {
                LogProof p = log.prove(i, size);
                assertThat(p.verify(root, leaves.get(i))).isTrue();
                assertThat(LogProof.decode(p.encode())).isEqualTo(p);
                assertThat(p.verify(root, TreeKeys.value(i))).isFalse();
                if (size < n) {
                    assertThat(p.verify(log.root(size + 1), leaves.get(i))).isFalse();
                }
                if (size > 1) {
                    int other = (i + 1) % size;
                    LogProof moved =
                            new LogProof(other, size, log.prove(other, size).path());
                    assertThat(moved.verify(root, leaves.get(i))).isFalse();
                }
            }
        }
    }

    @Property(tries = 200)
    @Label("a proof with one flipped byte is refused or fails")
    void flippedByteFails(@ForAll @IntRange(min = 1, max = 500) int n, @ForAll long seed) {
        List<Hash> leaves = leaves(n, seed);
        AppendLog log = logOf(leaves);
        Random random = new Random(seed);
        int i = random.nextInt(n);
        byte[] encoded = log.prove(i).encode();
        encoded[random.nextInt(encoded.length)] ^= (byte) (1 << random.nextInt(8));
        LogProof flipped;
        try {
            flipped = LogProof.decode(encoded);
        } catch (RejectedException refused) {
            return;
        }
        assertThat(flipped.index() == i && flipped.verify(log.root(), leaves.get(i)))
                .isFalse();
    }

    @Property(tries = 200)
    @Label("truncating drops the newest entries: the root is the earlier one, and appends go on from there")
    void truncateTakesBackAppends(
            @ForAll @IntRange(max = 200) int n, @ForAll @IntRange(max = 50) int tried, @ForAll long seed) {
        List<Hash> leaves = leaves(n, seed);
        AppendLog log = logOf(leaves);
        Hash before = log.root();
        leaves(tried, seed + 1).forEach(log::append);
        log.truncate(n);
        assertThat(log.root()).isEqualTo(before);
        List<Hash> more = leaves(7, seed + 2);
        more.forEach(log::append);
        List<Hash> all = new ArrayList<>(leaves);
        all.addAll(more);
        assertThat(log.root()).isEqualTo(root(all));
    }

    @Property(tries = 1000)
    @Label("decoding arbitrary bytes as a log proof fails only with the codec's refusal")
    void decodeOfRandomBytes(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            LogProof p = LogProof.decode(bytes);
            assertThat(p.encode()).isEqualTo(bytes);
        } catch (RejectedException expected) {
            // refused: the only acceptable failure
        }
    }

    @Test
    @DisplayName("the empty log's tree hash is SHA-256 of nothing, and it holds nothing to prove")
    void emptyLog() {
        AppendLog log = new AppendLog();
        assertThat(log.treeHash(0)).isEqualTo(Hash.sha256());
        assertThat(log.root()).isEqualTo(root(List.of()));
        assertThatThrownBy(() -> log.prove(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.truncate(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogProof(0, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a proof in a log of a million entries has 20 hashes, 646 bytes")
    void millionEntryProof() {
        AppendLog log = new AppendLog();
        for (int i = 0; i < 1_000_000; i++) {
            log.append(TreeKeys.value(i));
        }
        LogProof p = log.prove(123_456);
        assertThat(p.path()).hasSize(20);
        assertThat(p.encode()).hasSize(3 + 3 + 20 * 32);
        assertThat(p.verify(log.root(), TreeKeys.value(123_456))).isTrue();
    }
}
