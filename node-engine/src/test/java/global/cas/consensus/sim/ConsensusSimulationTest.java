package global.cas.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.consensus.Timeouts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consensus driver of 4 validators in the deterministic simulation, under the faults of issue 8.
 * The invariants (one block per height, quorum commits, growing block time, no honest double sign)
 * are checked after every event by {@link Simulation}; these tests add liveness: blocks keep coming,
 * and come again within a bounded virtual time after the network heals. A failure names its seed.
 */
class ConsensusSimulationTest {
    private static final Timeouts T = Timeouts.DEFAULT;

    /** Heights per long run: CI's default; {@code -Dcas.sim.heights=50000} in the benchmark profile. */
    private static final int LONG_HEIGHTS = Integer.getInteger("cas.sim.heights", 3_000);

    private static Simulation sim(long seed) {
        Simulation s = new Simulation(seed, 4, T);
        s.startAll();
        return s;
    }

    private static void progresses(Simulation s, long withinMillis, int blocks) {
        long from = s.minHonestHeight();
        long deadline = s.time + withinMillis;
        while (s.time < deadline && s.minHonestHeight() < from + blocks) {
            s.runFor(100);
        }
        assertThat(s.minHonestHeight())
                .as("%d new blocks on every honest node within %d virtual ms: %s", blocks, withinMillis, s)
                .isGreaterThanOrEqualTo(from + blocks);
    }

    @Test
    @DisplayName("C1 C2: on a clean network 4 validators commit a block about every second, in round 0")
    void cleanNetwork() {
        Simulation s = sim(1);
        s.runFor(120_000);
        assertThat(s.minHonestHeight()).as("%s", s).isBetween(100L, 120L);
        // block 1 may take a second round: the nodes boot one after the other and miss the first proposal
        for (SimChain.Stored b : s.nodes.get(0).chain.blocks().subList(1, 100)) {
            assertThat(b.commit().round()).isZero();
        }
        List<SimChain.Stored> bs = s.nodes.get(0).chain.blocks();
        long span = bs.get(99).time() - bs.get(9).time();
        assertThat(span / 90).as("mean block interval in ms (C2: 1 s)").isBetween(1_000L, 1_200L);
        assertThat(s.misbehaviour).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    @DisplayName("C1: a lossy network (15% dropped, 10% duplicated, delays to 400 ms, reordered) stays safe and live")
    void lossyNetwork(long seed) {
        Simulation s = sim(seed);
        s.faults = Simulation.NetworkFaults.LOSSY;
        s.runFor(300_000);
        assertThat(s.minHonestHeight()).as("%s", s).isGreaterThan(100);
    }

    @Test
    @DisplayName("C1: a 2|2 partition stops the chain without a fork; healed, blocks come again within 30 s")
    void partitionHeals() {
        Simulation s = sim(21);
        s.runFor(20_000);
        s.partition(List.of(Set.of(0, 1), Set.of(2, 3)));
        s.runFor(5_000); // what was in flight lands
        long stalled = s.maxHeight();
        s.runFor(120_000);
        assertThat(s.maxHeight()).as("no quorum on either side: %s", s).isLessThanOrEqualTo(stalled + 1);
        s.partition(List.of());
        progresses(s, 30_000, 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34})
    @DisplayName("C1: proposers killed mid-round, restarted with their write-ahead log: no double sign, all catch up")
    void proposerCrashes(long seed) {
        Simulation s = sim(seed);
        s.faults = new Simulation.NetworkFaults(50, 50, 5, 100);
        for (int i = 0; i < 20; i++) {
            s.runFor(2_000 + s.random.nextLong(3_000));
            Simulation.Node victim = s.nodes.get(s.random.nextInt(4));
            victim.crash();
            s.runFor(s.random.nextLong(8_000));
            victim.boot();
        }
        progresses(s, 30_000, 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43})
    @DisplayName("C1: validators restarted without their write-ahead log sit one height out and never double sign")
    void restartsWithoutLog(long seed) {
        Simulation s = sim(seed);
        for (int i = 0; i < 20; i++) {
            s.runFor(s.random.nextLong(3_000));
            Simulation.Node victim = s.nodes.get(s.random.nextInt(4));
            victim.crash();
            victim.wal = new MemoryWalStorage();
            s.runFor(s.random.nextLong(2_000));
            victim.boot();
            if (victim.chain.committedHeight() > 0) { // before block 1 a lost log looks like a new validator's
                assertThat(victim.driver.status().signing())
                        .as("n%d sits out its first height: %s", victim.id, victim.driver.status())
                        .isFalse();
            }
            progresses(s, 30_000, 2); // one at a time: two sitting out at once leave no quorum (see below)
            s.runFor(T.commitMillis() + 100);
            assertThat(victim.driver.status().signing())
                    .as("%s", victim.driver.status())
                    .isTrue();
        }
    }

    @Test
    @DisplayName("C1: two of four validators losing their logs at once stop the chain at that height, without a fork")
    void twoAmnesicValidatorsStopWithoutFork() {
        Simulation s = sim(45);
        s.runFor(10_000);
        for (int i : new int[] {1, 2}) {
            Simulation.Node n = s.nodes.get(i);
            n.crash();
            n.wal = new MemoryWalStorage();
            n.boot();
        }
        long at = s.maxHeight();
        s.runFor(60_000);
        assertThat(s.maxHeight()).as("%s", s).isLessThanOrEqualTo(at + 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {51, 52, 53})
    @DisplayName(
            "C4: twins (two nodes with one validator's key) equivocate; honest nodes stay safe and see the evidence")
    void twins(long seed) {
        Simulation s = new Simulation(seed, 4, T);
        s.addTwin(0);
        s.faults = new Simulation.NetworkFaults(0, 0, 5, 200);
        s.startAll();
        s.runFor(300_000);
        assertThat(s.minHonestHeight()).as("%s", s).isGreaterThan(100);
        assertThat(s.evidenceSeen()).as("equivocations reported as evidence").isPositive();
    }

    @Test
    @DisplayName("C5: clocks skewed by up to 5 s: block times grow and blocks keep coming")
    void clockSkew() {
        Simulation s = sim(61);
        long[] skews = {-5_000, 0, 2_500, 5_000};
        for (int i = 0; i < 4; i++) {
            s.nodes.get(i).skewMillis = skews[i];
        }
        s.runFor(120_000);
        assertThat(s.minHonestHeight()).as("%s", s).isGreaterThan(90);
    }

    @Test
    @DisplayName("C1: a validator proposing invalid blocks gets nil prevotes; the others' blocks are committed")
    void invalidProposals() {
        Simulation s = sim(71);
        s.nodes.get(1).chain.buildsInvalid = true;
        s.runFor(120_000);
        assertThat(s.minHonestHeight()).as("%s", s).isGreaterThan(60);
        for (var b : s.nodes.get(0).chain.blocks()) {
            assertThat(b.bytes()).isNotNull();
        }
        assertThat(s.nodes.get(0).driver.status().extraRounds()).isPositive();
    }

    @Test
    @DisplayName("C1 C3 C5: a long run mixing loss, partitions, crashes with and without logs, and skew")
    void longMixedRun() {
        Simulation s = sim(Long.getLong("cas.sim.seed", 81));
        s.nodes.get(3).skewMillis = 1_500;
        while (s.maxHeight() < LONG_HEIGHTS) {
            int fault = s.random.nextInt(10);
            switch (fault) {
                case 0 -> s.faults = Simulation.NetworkFaults.LOSSY;
                case 1 -> s.faults = Simulation.NetworkFaults.CLEAN;
                case 2 -> {
                    s.partition(List.of(Set.of(0, 1), Set.of(2, 3)));
                    s.runFor(s.random.nextLong(10_000));
                    s.partition(List.of());
                }
                case 3, 4 -> {
                    Simulation.Node victim = s.nodes.get(s.random.nextInt(4));
                    victim.crash();
                    if (fault == 4) {
                        victim.wal = new MemoryWalStorage();
                    }
                    s.runFor(s.random.nextLong(5_000));
                    victim.boot();
                }
                default -> {}
            }
            long before = s.minHonestHeight();
            s.runFor(30_000);
            assertThat(s.minHonestHeight()).as("progress after 30 s: %s", s).isGreaterThan(before);
        }
    }
}
