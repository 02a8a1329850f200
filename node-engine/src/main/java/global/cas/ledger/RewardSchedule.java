package global.cas.ledger;

/**
 * Block rewards from the frozen pool (S3, S4): block h ≥ 1 releases {@code initial >> ((h-1) /
 * halvingInterval)}, split between packer and miner; the miner's share with no proof in the block
 * stays frozen, and nothing is ever paid beyond what remains frozen. Thread-safe (immutable).
 */
public final class RewardSchedule {
    private final long initial;
    private final long halvingInterval;
    private final int minerShareBasisPoints;

    public RewardSchedule(long initial, long halvingInterval, int minerShareBasisPoints) {
        if (initial < 0 || halvingInterval <= 0 || minerShareBasisPoints < 0 || minerShareBasisPoints > 10_000) {
            throw new IllegalArgumentException("invalid reward schedule");
        }
        this.initial = initial;
        this.halvingInterval = halvingInterval;
        this.minerShareBasisPoints = minerShareBasisPoints;
    }

    /** The scheduled reward of block {@code height}, before the frozen-pool cap. */
    public long scheduled(long height) {
        if (height <= 0) {
            return 0;
        }
        long halvings = (height - 1) / halvingInterval;
        return halvings >= 63 ? 0 : initial >> halvings;
    }

    /** The whole series: Σ over eras of halvingInterval × reward, exact, saturating at Long.MAX_VALUE. */
    public long total() {
        long sum = 0;
        for (int era = 0; era < 63; era++) {
            long r = initial >> era;
            if (r == 0) {
                break;
            }
            try {
                sum = Math.addExact(sum, Math.multiplyExact(r, halvingInterval));
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return sum;
    }

    /** What block {@code height} pays, given what is still frozen and whether a miner proved work. */
    public Payout payout(long height, long frozenRemaining, boolean minerPresent) {
        long reward = Math.min(scheduled(height), frozenRemaining);
        // floor(reward * bp / 10^4) without the product: reward * bp overflows a long for large rewards
        long miner = reward / 10_000 * minerShareBasisPoints + reward % 10_000 * minerShareBasisPoints / 10_000;
        long packer = reward - miner;
        return new Payout(packer, minerPresent ? miner : 0);
    }

    /** A block's reward to its packer and its miner. */
    public record Payout(long packer, long miner) {
        public long total() {
            return packer + miner;
        }
    }
}
