package global.cas.statetree;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the state tree costs a node (docs/benchmarks.md): {@value #KEYS} keys loaded, then blocks of
 * {@value #TRANSFERS} transfers' worth of changes (each transfer spends 2 outputs, creates 2 and
 * changes 3 balances), each block tried in a fork as block execution would. Prints the figures;
 * asserts only that the trees agree.
 */
@Tag("benchmark")
class StateTreeBenchmarkTest {
    private static final int KEYS = 1_000_000;
    private static final int BALANCES = 300_000;
    private static final int TRANSFERS = 10_000;
    private static final int WARM_UP_BLOCKS = 3;
    private static final int BLOCKS = 10;

    @Test
    @DisplayName("1,000,000 keys, blocks of 10,000 transfers: root time, hashes per key, memory, rebuild (measured)")
    void blocksOfTransfers() {
        SplittableRandom random = new SplittableRandom(7);
        long nextKey = 0;
        List<Hash> outputs = new ArrayList<>(KEYS);
        List<Hash> balances = new ArrayList<>(BALANCES);
        List<Map.Entry<Hash, Hash>> entries = new ArrayList<>(KEYS);
        for (int i = 0; i < KEYS; i++) {
            Hash k = TreeKeys.key(nextKey++);
            (i < BALANCES ? balances : outputs).add(k);
            entries.add(Map.entry(k, TreeKeys.randomHash(random)));
        }

        long used0 = usedMemory();
        long t0 = System.nanoTime();
        StateTree built = StateTree.build(entries);
        long buildNanos = System.nanoTime() - t0;
        Hash builtRoot = built.root();
        long buildAndHashNanos = System.nanoTime() - t0;
        long bytesPerKey = (usedMemory() - used0) / KEYS;
        long buildHashes = built.hashCount();
        built = null;
        usedMemory();
        // again, with the code compiled: the first run is what a node pays at start
        long tw = System.nanoTime();
        StateTree warm = StateTree.build(entries);
        long warmBuildNanos = System.nanoTime() - tw;
        assertThat(warm.root()).isEqualTo(builtRoot);
        long warmBuildAndHashNanos = System.nanoTime() - tw;
        warm = null;
        usedMemory();

        long t1 = System.nanoTime();
        StateTree tree = new StateTree();
        for (Map.Entry<Hash, Hash> e : entries) {
            tree.put(e.getKey(), e.getValue());
        }
        long putNanos = System.nanoTime() - t1;
        assertThat(tree.root()).isEqualTo(builtRoot);
        long putAndHashNanos = System.nanoTime() - t1;
        entries = null;

        long updateNanos = 0;
        long rootNanos = 0;
        long hashes = 0;
        long changed = 0;
        long slowestBlock = 0;
        for (int block = 0; block < WARM_UP_BLOCKS + BLOCKS; block++) {
            // the changes a block makes, as its execution would hand them over
            List<Hash> spent = new ArrayList<>(2 * TRANSFERS);
            List<Hash> created = new ArrayList<>(2 * TRANSFERS);
            List<Hash> touched = new ArrayList<>(3 * TRANSFERS);
            for (int t = 0; t < TRANSFERS; t++) {
                for (int o = 0; o < 2; o++) {
                    int at = random.nextInt(outputs.size());
                    spent.add(outputs.get(at));
                    outputs.set(at, outputs.getLast());
                    outputs.removeLast();
                    created.add(TreeKeys.key(nextKey++));
                }
                for (int b = 0; b < 3; b++) {
                    touched.add(balances.get(random.nextInt(BALANCES)));
                }
            }
            Hash value = TreeKeys.randomHash(random);

            long s = System.nanoTime();
            StateTree next = tree.fork();
            for (int t = 0; t < TRANSFERS; t++) {
                next.remove(spent.get(2 * t));
                next.remove(spent.get(2 * t + 1));
                next.put(created.get(2 * t), value);
                next.put(created.get(2 * t + 1), value);
                next.put(touched.get(3 * t), value);
                next.put(touched.get(3 * t + 1), value);
                next.put(touched.get(3 * t + 2), value);
            }
            long m = System.nanoTime();
            next.root();
            long e = System.nanoTime();
            outputs.addAll(created);
            assertThat(next.size()).isEqualTo(tree.size());
            tree = next;
            if (block >= WARM_UP_BLOCKS) {
                updateNanos += m - s;
                rootNanos += e - m;
                hashes += next.hashCount();
                changed += 7L * TRANSFERS;
                slowestBlock = Math.max(slowestBlock, e - s);
            }
        }
        long transfers = (long) BLOCKS * TRANSFERS;

        Hash root = tree.root();
        int proofBytes = 0;
        int proofs = 1_000;
        long p0 = System.nanoTime();
        for (int i = 0; i < proofs; i++) {
            Hash k = outputs.get(random.nextInt(outputs.size()));
            Proof p = tree.prove(k);
            byte[] enc = p.encode();
            proofBytes += enc.length;
            assertThat(Proof.decode(enc).verify(root, k, p.valueHash())).isTrue();
        }
        long proofNanos = System.nanoTime() - p0;

        System.out.printf(
                "state tree: %,d keys; build from entries %,d ms (with hashing %,d ms, %,d hashes), again %,d ms"
                        + " (with hashing %,d ms); one put each %,d ms (with hashing %,d ms); about %,d bytes per key%n",
                KEYS,
                buildNanos / 1_000_000,
                buildAndHashNanos / 1_000_000,
                buildHashes,
                warmBuildNanos / 1_000_000,
                warmBuildAndHashNanos / 1_000_000,
                putNanos / 1_000_000,
                putAndHashNanos / 1_000_000,
                bytesPerKey);
        System.out.printf(
                "state tree: %d blocks of %,d transfers (7 changed keys each): updates %.2f µs/transfer, root %.2f µs/transfer,"
                        + " %.2f SHA-256 per changed key, slowest block %,d ms%n",
                BLOCKS,
                TRANSFERS,
                updateNanos / 1_000.0 / transfers,
                rootNanos / 1_000.0 / transfers,
                (double) hashes / changed,
                slowestBlock / 1_000_000);
        System.out.printf(
                "state tree: proofs of present keys %.0f bytes on average; prove + encode + decode + verify %.1f µs%n",
                (double) proofBytes / proofs, proofNanos / 1_000.0 / proofs);
        assertThat(tree.prove(TreeKeys.key(-1)).verify(root, TreeKeys.key(-1), Optional.empty()))
                .isTrue();
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
