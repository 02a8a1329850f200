package global.cas.consensus;

/**
 * Linear round timeouts in milliseconds: {@code base + round × delta} for each step, so a network
 * that cannot agree in one round waits longer in the next until messages arrive in time. The
 * defaults are sized for 1 s blocks (C2) on a network of desktops; a network's genesis or
 * configuration may set others. {@code commitMillis} is the pause after a decision before the next
 * height starts (measured from the start of the height decided, so blocks come about once a second).
 */
public record Timeouts(
        long proposeBase,
        long proposeDelta,
        long prevoteBase,
        long prevoteDelta,
        long precommitBase,
        long precommitDelta,
        long commitMillis) {
    /** 1 s blocks: propose 1 s + 0.5 s per round, votes 0.5 s + 0.25 s per round, 1 s between heights. */
    public static final Timeouts DEFAULT = new Timeouts(1000, 500, 500, 250, 500, 250, 1000);

    /** The longest a timeout may be: one hour. Caps round growth, so the sum never overflows. */
    public static final long MAX_MILLIS = 3_600_000;

    public Timeouts {
        long[] all = {proposeBase, proposeDelta, prevoteBase, prevoteDelta, precommitBase, precommitDelta, commitMillis
        };
        for (long v : all) {
            if (v < 0 || v > MAX_MILLIS) {
                throw new IllegalArgumentException("a timeout is between 0 and " + MAX_MILLIS + " ms, got " + v);
            }
        }
        if (proposeBase == 0 || prevoteBase == 0 || precommitBase == 0) {
            throw new IllegalArgumentException("a step's base timeout is more than 0 ms");
        }
    }

    /** The timeout of {@code step} in {@code round}, at most {@link #MAX_MILLIS}. */
    public long of(Step step, int round) {
        long base;
        long delta;
        switch (step) {
            case PROPOSE -> {
                base = proposeBase;
                delta = proposeDelta;
            }
            case PREVOTE -> {
                base = prevoteBase;
                delta = prevoteDelta;
            }
            case PRECOMMIT -> {
                base = precommitBase;
                delta = precommitDelta;
            }
            default -> throw new IllegalArgumentException(step.toString());
        }
        return Math.min(MAX_MILLIS, base + Math.min((long) round, MAX_MILLIS) * delta);
    }
}
