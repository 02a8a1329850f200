package global.cas.consensus;

import global.cas.validators.ValidatorSet;

/**
 * Who proposes at a height and round: weighted round robin over the validator set, deterministic
 * from the set alone. One cycle of the smooth weighted round robin (each slot, every validator's
 * credit grows by its weight and the one with the most credit, earliest index on a tie, proposes
 * and pays the total) is computed once per set; slot {@code height + round} of the repeating cycle
 * proposes, so each round passes to the next proposer. A validator with weight {@code w} of a total
 * {@code W} proposes {@code w} slots of every {@code W}, spread evenly. When the powers sum above
 * {@link #MAX_CYCLE} they are scaled down for this purpose only, in integers (each at least 1).
 * Immutable and thread-safe.
 */
public final class ProposerSchedule {
    /** The longest cycle kept: powers summing above it are scaled to it. */
    public static final int MAX_CYCLE = 1 << 16;

    private final int[] cycle;

    public ProposerSchedule(ValidatorSet set) {
        int n = set.size();
        long total = set.totalPower();
        long[] weight = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            long w = set.get(i).power();
            if (total > MAX_CYCLE) {
                // power < 2^48 and MAX_CYCLE = 2^16: the product stays below 2^64 / 2
                w = Math.max(1, w * MAX_CYCLE / total);
            }
            weight[i] = w;
            sum += w;
        }
        long g = 0;
        for (long w : weight) {
            g = gcd(g, w);
        }
        sum = 0;
        for (int i = 0; i < n; i++) {
            weight[i] /= g;
            sum += weight[i];
        }
        cycle = new int[Math.toIntExact(sum)];
        long[] credit = new long[n];
        for (int slot = 0; slot < cycle.length; slot++) {
            int best = 0;
            for (int i = 0; i < n; i++) {
                credit[i] += weight[i];
                if (credit[i] > credit[best]) {
                    best = i;
                }
            }
            credit[best] -= sum;
            cycle[slot] = best;
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The index of the proposer at {@code height} and {@code round}. */
    public int proposer(long height, int round) {
        long slot = Math.floorMod(height + round, (long) cycle.length);
        return cycle[(int) slot];
    }

    /** The length of one cycle (the sum of the reduced weights). */
    public int cycleLength() {
        return cycle.length;
    }
}
