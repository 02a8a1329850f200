package global.cas.statetree;

import global.cas.crypto.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Keys and values for the state tree tests, and the tree's root computed straight from its
 * definition (an independent second implementation to check the real one against).
 */
final class TreeKeys {
    private TreeKeys() {}

    /**
     * 32-byte keys: half uniformly random, half sharing 30 leading bytes and differing in the last
     * two, so long shared prefixes (inner nodes with an empty side) are common too.
     */
    static Arbitrary<Hash> keys() {
        Arbitrary<Hash> uniform =
                Arbitraries.bytes().array(byte[].class).ofSize(Hash.LENGTH).map(Hash::of);
        Arbitrary<Hash> clustered = Arbitraries.integers().between(0, 0x3ff).map(boxed -> {
            int i = boxed;
            byte[] b = new byte[Hash.LENGTH];
            b[0] = (byte) 0xa5;
            b[30] = (byte) (i >>> 8);
            b[31] = (byte) i;
            return Hash.of(b);
        });
        return Arbitraries.oneOf(uniform, clustered);
    }

    static Arbitrary<Hash> values() {
        return Arbitraries.integers().between(0, 50).map(TreeKeys::value);
    }

    static Hash value(int i) {
        return Hash.sha256(("value " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A uniformly spread key, as a caller makes with SHA-256 of its canonical key. */
    static Hash key(long i) {
        return Hash.sha256(("key " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static Hash randomHash(SplittableRandom random) {
        byte[] b = new byte[Hash.LENGTH];
        random.nextBytes(b);
        return Hash.of(b);
    }

    /**
     * The root by definition: empty is 32 zero bytes, one entry is SHA-256(0x00 ‖ key ‖ value),
     * more are SHA-256(0x01 ‖ root of those whose next bit is 0 ‖ root of the others).
     */
    static Hash referenceRoot(Map<Hash, Hash> entries) {
        List<Map.Entry<Hash, Hash>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        return Hash.of(reference(sorted, 0));
    }

    private static byte[] reference(List<Map.Entry<Hash, Hash>> entries, int depth) {
        if (entries.isEmpty()) {
            return new byte[Hash.LENGTH];
        }
        if (entries.size() == 1) {
            return Hash.sha256(
                            new byte[] {0},
                            entries.getFirst().getKey().bytes(),
                            entries.getFirst().getValue().bytes())
                    .bytes();
        }
        List<Map.Entry<Hash, Hash>> zeros = new ArrayList<>();
        List<Map.Entry<Hash, Hash>> ones = new ArrayList<>();
        for (Map.Entry<Hash, Hash> e : entries) {
            int bit = (e.getKey().bytes()[depth / 8] >> (7 - depth % 8)) & 1;
            (bit == 0 ? zeros : ones).add(e);
        }
        return Hash.sha256(new byte[] {1}, reference(zeros, depth + 1), reference(ones, depth + 1))
                .bytes();
    }
}
