package global.cas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.ChainParams;
import global.cas.testing.TestChain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** S3, S4: block rewards from the frozen pool. */
class RewardScheduleTest {

    @Test
    @DisplayName("S4: the reward halves every halvingInterval blocks, starting at block 1")
    void halving() {
        RewardSchedule r = new RewardSchedule(1000, 10, 5000);
        assertThat(r.scheduled(0)).isZero();
        assertThat(r.scheduled(1)).isEqualTo(1000);
        assertThat(r.scheduled(10)).isEqualTo(1000);
        assertThat(r.scheduled(11)).isEqualTo(500);
        assertThat(r.scheduled(20)).isEqualTo(500);
        assertThat(r.scheduled(21)).isEqualTo(250);
        assertThat(r.scheduled(10 * 9 + 1)).isEqualTo(1); // 1000 >> 9
        assertThat(r.scheduled(10 * 10 + 1)).isZero();
        assertThat(r.scheduled(Long.MAX_VALUE)).isZero();
    }

    @Test
    @DisplayName("S3: total() is the exact sum of every block's scheduled reward")
    void totalIsTheSeries() {
        RewardSchedule r = new RewardSchedule(1000, 7, 3000);
        long sum = 0;
        for (long h = 1; h <= 7 * 12; h++) {
            sum += r.scheduled(h);
        }
        assertThat(r.scheduled(7 * 12 + 1)).isZero();
        assertThat(r.total()).isEqualTo(sum);
    }

    @Test
    @DisplayName("S3: the test chain's reward series stays within the 3,000,000,000 frozen CAS")
    void testChainSeries() {
        ChainParams p = TestChain.params();
        RewardSchedule r = new RewardSchedule(p.initialBlockReward(), p.halvingInterval(), p.minerShareBasisPoints());
        assertThat(r.total()).isPositive().isLessThanOrEqualTo(ChainParams.FROZEN);
        assertThat(r.total()).isLessThanOrEqualTo(p.frozenAtGenesis());
    }

    @Test
    @DisplayName("S3: a series too large for a long saturates instead of wrapping")
    void saturates() {
        assertThat(new RewardSchedule(Long.MAX_VALUE, 2, 0).total()).isEqualTo(Long.MAX_VALUE);
        assertThat(new RewardSchedule(Long.MAX_VALUE, Long.MAX_VALUE, 0).total())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    @DisplayName("S4: the reward splits between packer and miner by the miner's basis points, rounding to the packer")
    void split() {
        RewardSchedule r = new RewardSchedule(1001, 10, 2500);
        RewardSchedule.Payout p = r.payout(1, Long.MAX_VALUE, true);
        assertThat(p.miner()).isEqualTo(250); // floor(1001 * 0.25)
        assertThat(p.packer()).isEqualTo(751);
        assertThat(p.total()).isEqualTo(1001);
        assertThat(new RewardSchedule(1001, 10, 0)
                        .payout(1, Long.MAX_VALUE, true)
                        .miner())
                .isZero();
        assertThat(new RewardSchedule(1001, 10, 10_000)
                        .payout(1, Long.MAX_VALUE, true)
                        .packer())
                .isZero();
    }

    @Test
    @DisplayName("S4: without a proof in the block the miner's share is not paid (it stays frozen)")
    void noMinerStaysFrozen() {
        RewardSchedule r = new RewardSchedule(1000, 10, 4000);
        RewardSchedule.Payout p = r.payout(1, Long.MAX_VALUE, false);
        assertThat(p.packer()).isEqualTo(600);
        assertThat(p.miner()).isZero();
        assertThat(p.total()).isEqualTo(600);
    }

    @Test
    @DisplayName("S3: paid rewards never exceed what remains frozen, even when the schedule would pay more")
    void cappedByFrozen() {
        RewardSchedule r = new RewardSchedule(1000, 10, 5000);
        assertThat(r.payout(1, 999, true).total()).isEqualTo(999);
        assertThat(r.payout(1, 7, true).total()).isEqualTo(7);
        assertThat(r.payout(1, 7, false).total()).isLessThanOrEqualTo(7);
        assertThat(r.payout(1, 0, true).total()).isZero();
        assertThat(r.payout(1, 0, false).total()).isZero();
        long frozen = 2_345;
        long paid = 0;
        for (long h = 1; h <= 100; h++) {
            RewardSchedule.Payout p = r.payout(h, frozen, h % 3 != 0);
            assertThat(p.total()).isLessThanOrEqualTo(frozen);
            assertThat(p.packer()).isNotNegative();
            assertThat(p.miner()).isNotNegative();
            frozen -= p.total();
            paid += p.total();
        }
        assertThat(frozen).isZero();
        assertThat(paid).isEqualTo(2_345);
    }

    @Test
    @DisplayName("S4: a large but valid reward (1,500,000,000 CAS a block) splits without overflowing")
    void largeRewardSplits() {
        long reward = Amounts.cas(1_500_000_000L);
        RewardSchedule r = new RewardSchedule(reward, 1, 5000);
        assertThat(r.total()).isLessThanOrEqualTo(ChainParams.FROZEN);
        RewardSchedule.Payout p = r.payout(1, ChainParams.FROZEN, true);
        assertThat(p.miner()).isEqualTo(reward / 2);
        assertThat(p.packer()).isEqualTo(reward / 2);
        RewardSchedule odd = new RewardSchedule(Long.MAX_VALUE, 1, 3333);
        RewardSchedule.Payout q = odd.payout(1, Long.MAX_VALUE, true);
        // floor(MAX * 3333 / 10^4), computed exactly with BigInteger
        long expected = java.math.BigInteger.valueOf(Long.MAX_VALUE)
                .multiply(java.math.BigInteger.valueOf(3333))
                .divide(java.math.BigInteger.valueOf(10_000))
                .longValueExact();
        assertThat(q.miner()).isEqualTo(expected);
        assertThat(q.total()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    @DisplayName("S4: a schedule with a negative reward, a zero interval or a share over 100% cannot be made")
    void invalidSchedules() {
        assertThatThrownBy(() -> new RewardSchedule(-1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewardSchedule(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewardSchedule(1, 1, 10_001)).isInstanceOf(IllegalArgumentException.class);
    }
}
