package global.cas.governance;

/** G2: an address's weight in an open vote is min(balance at the opening, balance now). */
public final class LiveWeight {
    private LiveWeight() {}

    /** The live capped weight, never negative. */
    public static long of(long balanceAtOpen, long balanceNow) {
        return Math.max(0L, Math.min(balanceAtOpen, balanceNow));
    }
}
