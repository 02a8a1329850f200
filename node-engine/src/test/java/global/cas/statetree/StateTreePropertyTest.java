package global.cas.statetree;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.rejection.RejectedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** C6: the state tree's root is a function of its contents, and its proofs say only the truth. */
class StateTreePropertyTest {

    /** One update: a put when {@code value} is present, else a remove. */
    record Op(Hash key, Optional<Hash> value) {}

    @Provide
    Arbitrary<Map<Hash, Hash>> contents() {
        return Arbitraries.maps(TreeKeys.keys(), TreeKeys.values()).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                        TreeKeys.keys(),
                        TreeKeys.values(),
                        Arbitraries.integers().between(0, 3))
                .as((k, v, kind) -> new Op(k, kind == 0 ? Optional.empty() : Optional.of(v)));
        return op.list().ofMaxSize(80);
    }

    @Provide
    Arbitrary<Hash> keys() {
        return TreeKeys.keys();
    }

    private static StateTree treeOf(Map<Hash, Hash> contents) {
        StateTree t = new StateTree();
        contents.forEach(t::put);
        return t;
    }

    private static void apply(StateTree tree, Map<Hash, Hash> model, List<Op> ops) {
        for (Op op : ops) {
            if (op.value().isPresent()) {
                tree.put(op.key(), op.value().get());
                model.put(op.key(), op.value().get());
            } else {
                assertThat(tree.remove(op.key())).isEqualTo(model.remove(op.key()) != null);
            }
        }
    }

    @Property(tries = 300)
    @Label("C6: after any updates the root is the root of the definition over the final contents")
    void rootMatchesDefinition(@ForAll("ops") List<Op> ops) {
        StateTree tree = new StateTree();
        Map<Hash, Hash> model = new HashMap<>();
        apply(tree, model, ops);
        assertThat(tree.root()).isEqualTo(TreeKeys.referenceRoot(model));
        assertThat(tree.size()).isEqualTo(model.size());
        model.forEach((k, v) -> assertThat(tree.get(k)).contains(v));
    }

    @Property(tries = 200)
    @Label("C6: the root does not depend on the order of insertions and removals")
    void rootIndependentOfOrder(
            @ForAll("contents") Map<Hash, Hash> contents,
            @ForAll("contents") Map<Hash, Hash> extra,
            @ForAll long seed) {
        StateTree forward = treeOf(contents);
        List<Map.Entry<Hash, Hash>> shuffled = new ArrayList<>(contents.entrySet());
        Collections.shuffle(shuffled, new Random(seed));
        StateTree backward = new StateTree();
        // extra keys go in first, interleaved, and are removed in another order
        List<Hash> extraKeys = new ArrayList<>();
        extra.forEach((k, v) -> {
            if (!contents.containsKey(k)) {
                backward.put(k, v);
                extraKeys.add(k);
            }
        });
        shuffled.forEach(e -> backward.put(e.getKey(), e.getValue()));
        Collections.shuffle(extraKeys, new Random(seed + 1));
        extraKeys.forEach(backward::remove);
        assertThat(backward.root()).isEqualTo(forward.root());
        assertThat(StateTree.build(contents.entrySet()).root()).isEqualTo(forward.root());
    }

    @Property(tries = 200)
    @Label("C6: putting absent keys and removing them again gives back the previous root")
    void putThenRemoveRestoresRoot(
            @ForAll("contents") Map<Hash, Hash> contents, @ForAll("contents") Map<Hash, Hash> added) {
        StateTree tree = treeOf(contents);
        Hash before = tree.root();
        Map<Hash, Hash> fresh = new LinkedHashMap<>(added);
        fresh.keySet().removeAll(contents.keySet());
        fresh.forEach(tree::put);
        if (!fresh.isEmpty()) {
            assertThat(tree.root()).isNotEqualTo(before);
        }
        fresh.keySet().forEach(tree::remove);
        assertThat(tree.root()).isEqualTo(before);
        assertThat(tree.size()).isEqualTo(contents.size());
    }

    @Property(tries = 200)
    @Label("C6: every present key proves its value and every absent key proves its absence")
    void proofsVerify(@ForAll("contents") Map<Hash, Hash> contents, @ForAll("keys") Hash probe) {
        StateTree tree = treeOf(contents);
        Hash root = tree.root();
        for (Map.Entry<Hash, Hash> e : contents.entrySet()) {
            Proof p = tree.prove(e.getKey());
            assertThat(p.showsPresent()).isTrue();
            assertThat(p.verify(root, e.getKey(), Optional.of(e.getValue()))).isTrue();
            assertThat(p.verify(root, e.getKey(), Optional.empty())).isFalse();
            assertThat(Proof.decode(p.encode())).isEqualTo(p);
        }
        Proof p = tree.prove(probe);
        Optional<Hash> truth = Optional.ofNullable(contents.get(probe));
        assertThat(p.verify(root, probe, truth)).isTrue();
        assertThat(Proof.decode(p.encode())).isEqualTo(p);
    }

    @Property(tries = 200)
    @Label("C6: a proof fails against another root, another value, another key or with a flipped byte")
    void forgedProofsFail(
            @ForAll("contents") @Size(min = 1) Map<Hash, Hash> contents,
            @ForAll("keys") Hash probe,
            @ForAll long seed) {
        StateTree tree = treeOf(contents);
        Hash root = tree.root();
        Random random = new Random(seed);
        List<Hash> keys = new ArrayList<>(contents.keySet());
        Hash key = random.nextBoolean() ? keys.get(random.nextInt(keys.size())) : probe;
        Optional<Hash> truth = Optional.ofNullable(contents.get(key));
        Proof proof = tree.prove(key);
        assertThat(proof.verify(root, key, truth)).isTrue();

        StateTree other = tree.fork();
        other.put(TreeKeys.key(random.nextLong()), TreeKeys.value(1));
        assertThat(proof.verify(other.root(), key, truth)).isFalse();

        Hash otherValue = TreeKeys.value(100 + random.nextInt(10));
        assertThat(proof.verify(root, key, Optional.of(otherValue))).isFalse();
        if (truth.isPresent()) {
            assertThat(proof.verify(root, key, Optional.empty())).isFalse();
        }
        Hash otherKey = TreeKeys.key(random.nextLong());
        // an absence proof rightly holds for every key sharing the path to the empty place
        if (truth.isPresent() && !contents.containsKey(otherKey)) {
            assertThat(proof.verify(root, otherKey, truth)).isFalse();
        }

        byte[] encoded = proof.encode();
        int at = random.nextInt(encoded.length);
        encoded[at] ^= (byte) (1 << random.nextInt(8));
        Proof flipped;
        try {
            flipped = Proof.decode(encoded);
        } catch (RejectedException refused) {
            return;
        }
        assertThat(flipped.verify(root, key, truth)).isFalse();
    }

    @Property(tries = 200)
    @Label("changes in a fork never reach its parent, nor the parent's changes the fork")
    void forksAreIsolated(
            @ForAll("contents") Map<Hash, Hash> contents,
            @ForAll("ops") List<Op> forkOps,
            @ForAll("ops") List<Op> parentOps) {
        StateTree parent = treeOf(contents);
        Hash before = parent.root();
        StateTree fork = parent.fork();
        Map<Hash, Hash> forkModel = new HashMap<>(contents);
        apply(fork, forkModel, forkOps);
        Hash forkRoot = fork.root();
        assertThat(parent.root()).isEqualTo(before);
        assertThat(parent.size()).isEqualTo(contents.size());
        contents.forEach((k, v) -> assertThat(parent.get(k)).contains(v));

        Map<Hash, Hash> parentModel = new HashMap<>(contents);
        apply(parent, parentModel, parentOps);
        assertThat(fork.root()).isEqualTo(forkRoot).isEqualTo(TreeKeys.referenceRoot(forkModel));
        assertThat(parent.root()).isEqualTo(TreeKeys.referenceRoot(parentModel));
    }

    @Property(tries = 1000)
    @Label("decoding arbitrary bytes as a proof fails only with the codec's refusal")
    void decodeOfRandomBytes(@ForAll @Size(max = 400) byte[] bytes) {
        try {
            Proof p = Proof.decode(bytes);
            assertThat(p.encode()).isEqualTo(bytes);
        } catch (RejectedException expected) {
            // refused: the only acceptable failure
        }
    }

    @Property(tries = 300)
    @Label("decoding a proof with bytes cut off or added fails only with the codec's refusal")
    void decodeOfDamagedProofs(
            @ForAll("contents") Map<Hash, Hash> contents, @ForAll("keys") Hash key, @ForAll long seed) {
        byte[] encoded = treeOf(contents).prove(key).encode();
        Random random = new Random(seed);
        byte[] damaged = java.util.Arrays.copyOf(encoded, random.nextInt(encoded.length + 40));
        for (int i = encoded.length; i < damaged.length; i++) {
            damaged[i] = (byte) random.nextInt();
        }
        if (random.nextBoolean() && damaged.length > 0) {
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt();
        }
        try {
            Proof.decode(damaged);
        } catch (RejectedException expected) {
            // refused
        }
    }
}
