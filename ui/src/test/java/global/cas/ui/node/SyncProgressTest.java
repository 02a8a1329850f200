package global.cas.ui.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.ui.node.SyncProgress.Estimate;
import global.cas.ui.node.SyncProgress.Phase;
import global.cas.ui.node.SyncProgress.Sample;
import org.junit.jupiter.api.Test;

class SyncProgressTest {
    private static final long T0 = 1_800_000_000_000L;

    private static Sample at(long seconds, long committed, long peerHeight, int peers) {
        return new Sample(T0 + seconds * 1000, committed, T0 - 1_000_000 + committed * 1000, peerHeight, peers, true);
    }

    @Test
    void steadyProgressGivesRateAndEta() {
        SyncProgress p = new SyncProgress();
        Estimate e = null;
        // 10 blocks per 3 s sample, peers at height 10_001 (committed 10_000)
        for (int i = 0; i <= 40; i++) {
            e = p.add(at(3L * i, 1000 + 10L * i, 10_001, 4));
        }
        // window: 120 s back from t=120 s is t=0, 40 intervals of 10 blocks = 400 blocks in 120 s
        assertThat(e.phase()).isEqualTo(Phase.SYNCING);
        assertThat(e.blocksLeft()).isEqualTo(10_000 - 1400);
        assertThat(e.milliBlocksPerSecond()).hasValue(3333);
        assertThat(e.milliBlocksPerSecond()).hasValue(3_333);
        assertThat(e.etaMillis()).hasValue(8600L * 120_000 / 400);
        assertThat(e.tipTimeMillis()).isEqualTo(T0 - 1_000_000 + 1400 * 1000);
        assertThat(e.behind()).isTrue();
    }

    @Test
    void rateUsesOnlyTheLastTwoMinutes() {
        SyncProgress p = new SyncProgress();
        // fast at first, then 1 block per second
        p.add(at(0, 0, 100_000, 3));
        p.add(at(10, 5000, 100_000, 3));
        Estimate e = null;
        for (int s = 20; s <= 400; s += 10) {
            e = p.add(at(s, 5000 + (s - 10), 100_000, 3));
        }
        assertThat(e.milliBlocksPerSecond()).hasValue(1000);
    }

    @Test
    void tooFewSamplesGiveUnknown() {
        SyncProgress p = new SyncProgress();
        p.add(at(0, 100, 1000, 2));
        Estimate e = p.add(at(3, 110, 1000, 2));
        assertThat(e.phase()).isEqualTo(Phase.SYNCING);
        assertThat(e.milliBlocksPerSecond()).isEmpty();
        assertThat(e.etaMillis()).isEmpty();
        assertThat(e.milliBlocksPerSecond()).isEmpty();
    }

    @Test
    void aStallGivesUnknownAndProgressBringsTheRateBack() {
        SyncProgress p = new SyncProgress();
        for (int i = 0; i <= 10; i++) {
            p.add(at(3L * i, 100 + 10L * i, 5000, 2));
        }
        // no block from t=30 s on
        Estimate e = p.add(at(45, 200, 5000, 2));
        assertThat(e.milliBlocksPerSecond()).isPresent();
        e = p.add(at(51, 200, 5000, 2));
        assertThat(e.phase()).isEqualTo(Phase.SYNCING);
        assertThat(e.milliBlocksPerSecond()).isEmpty();
        assertThat(e.etaMillis()).isEmpty();
        e = p.add(at(54, 210, 5000, 2));
        assertThat(e.milliBlocksPerSecond()).isPresent();
        assertThat(e.etaMillis()).isPresent();
    }

    @Test
    void phases() {
        SyncProgress p = new SyncProgress();
        Estimate e = p.add(new Sample(T0, 5, T0, 0, 0, false));
        assertThat(e.phase()).isEqualTo(Phase.NOT_NETWORKED);
        assertThat(e.blocksLeft()).isZero();
        assertThat(e.behind()).isFalse();

        p = new SyncProgress();
        e = p.add(at(0, 5, 0, 0));
        assertThat(e.phase()).isEqualTo(Phase.CONNECTING);
        assertThat(e.behind()).isTrue();

        e = p.add(at(3, 5, 100, 1));
        assertThat(e.phase()).isEqualTo(Phase.SYNCING);
        assertThat(e.blocksLeft()).isEqualTo(94);

        // working on 99, peers on 101: two blocks behind still follows
        e = p.add(at(6, 98, 101, 1));
        assertThat(e.phase()).isEqualTo(Phase.FOLLOWING);
        assertThat(e.blocksLeft()).isEqualTo(2);
        assertThat(e.behind()).isFalse();

        e = p.add(at(9, 97 + 3, 104, 1));
        assertThat(e.phase()).isEqualTo(Phase.SYNCING);
        assertThat(e.blocksLeft()).isEqualTo(3);

        e = p.add(at(12, 103, 104, 1));
        assertThat(e.phase()).isEqualTo(Phase.FOLLOWING);
        assertThat(e.blocksLeft()).isZero();
        assertThat(e.etaMillis()).hasValue(0);

        e = p.add(at(15, 103, 104, 0));
        assertThat(e.phase()).isEqualTo(Phase.CONNECTING);
    }
}
