package global.cas.ledger;

/**
 * Keeps about one mining proof per block (S5). The target is an unsigned 64-bit bound on the work
 * hash's first eight bytes. A block with a proof lowers it by 1/16 (harder); a block without raises
 * it by 1/2, saturating at "every hash passes". At equilibrium about 86% of blocks carry a proof.
 */
public final class TargetAdjuster {
    public static final long EASIEST = -1L;

    private TargetAdjuster() {}

    public static long next(long target, boolean blockHadProof) {
        if (blockHadProof) {
            long lowered = target - Long.divideUnsigned(target, 16);
            return lowered == 0 ? 1 : lowered;
        }
        long raised = target + Math.max(1, Long.divideUnsigned(target, 2));
        return Long.compareUnsigned(raised, target) < 0 ? EASIEST : raised;
    }
}
