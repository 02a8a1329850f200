package global.cas.ui.node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * How far behind the network this node is and how fast it catches up, from samples the node screen
 * takes every few seconds: the phase, the blocks left, the time of the block being processed, a rate
 * smoothed over {@link #WINDOW_MILLIS} and the time left. The rate is unknown (empty) with too few
 * samples, or when the chain did not move for {@link #STALL_MILLIS} while syncing: an honest
 * "unknown" rather than a stale guess. Integer arithmetic only. Pure: the caller gives the clock.
 * Not thread-safe.
 */
public final class SyncProgress {
    /** The smoothing window: the rate is measured from the oldest sample within it. */
    public static final long WINDOW_MILLIS = 120_000;

    /** No new block for this long while syncing makes the rate and the time left unknown. */
    public static final long STALL_MILLIS = 20_000;

    /** Peers ahead by more than this many blocks mean this node syncs rather than follows. */
    public static final long AHEAD_THRESHOLD = 2;

    /** Fewer samples than this within the window give no rate. */
    static final int MIN_SAMPLES = 3;

    /** Where the node stands towards the network. */
    public enum Phase {
        /** The node joined no peer-to-peer network (a devnet of this computer): nothing to sync. */
        NOT_NETWORKED,
        /** Joined a network, no peer connected yet. */
        CONNECTING,
        /** Peers say a height more than {@link #AHEAD_THRESHOLD} blocks ahead of this node's. */
        SYNCING,
        /** Within a block or two of the highest height peers told: following the chain. */
        FOLLOWING
    }

    /**
     * One observation: the time it was taken, the height of the last committed block and its time,
     * the highest height a peer said it works on (0: none said), the peers connected, and whether
     * the node joined a network at all.
     */
    public record Sample(
            long nowMillis,
            long committedHeight,
            long tipTimeMillis,
            long highestPeerHeight,
            int peers,
            boolean joined) {}

    /**
     * What the screens show: the phase, the blocks left, the time of the newest committed block (the
     * one processed), the rate in thousandths of a block per second and the time left in
     * milliseconds, each empty when unknown.
     */
    public record Estimate(
            Phase phase,
            long blocksLeft,
            long tipTimeMillis,
            OptionalLong milliBlocksPerSecond,
            OptionalLong etaMillis) {
        /** Before any sample: not networked, nothing left. */
        public static final Estimate NONE =
                new Estimate(Phase.NOT_NETWORKED, 0, 0, OptionalLong.empty(), OptionalLong.empty());

        /** True while the wallet's balance may lag the network: connecting or syncing. */
        public boolean behind() {
            return phase == Phase.CONNECTING || phase == Phase.SYNCING;
        }
    }

    private final Deque<Sample> samples = new ArrayDeque<>();
    private long lastProgressMillis = Long.MIN_VALUE;
    private Estimate latest = Estimate.NONE;

    /** Adds an observation and returns the estimate it gives. Samples must come in time order. */
    public Estimate add(Sample s) {
        Sample newest = samples.peekLast();
        if (newest != null && (s.nowMillis() < newest.nowMillis() || s.committedHeight() < newest.committedHeight())) {
            samples.clear(); // the clock or the chain went back: start again
            newest = null;
        }
        if (newest == null || s.committedHeight() > newest.committedHeight()) {
            lastProgressMillis = s.nowMillis();
        }
        samples.addLast(s);
        // keep the oldest sample within the window, drop those before it
        while (samples.size() > 1 && samples.peekFirst().nowMillis() < s.nowMillis() - WINDOW_MILLIS) {
            samples.removeFirst();
        }
        latest = estimate(s);
        return latest;
    }

    /** The estimate of the last sample, {@link Estimate#NONE} before any. */
    public Estimate latest() {
        return latest;
    }

    private Estimate estimate(Sample s) {
        long working = s.committedHeight() + 1;
        long left = Math.max(0, s.highestPeerHeight() - working);
        Phase phase;
        if (!s.joined()) {
            phase = Phase.NOT_NETWORKED;
            left = 0;
        } else if (s.peers() == 0) {
            phase = Phase.CONNECTING;
        } else if (left > AHEAD_THRESHOLD) {
            phase = Phase.SYNCING;
        } else {
            phase = Phase.FOLLOWING;
        }
        OptionalLong rate = OptionalLong.empty();
        OptionalLong eta = OptionalLong.empty();
        boolean stalled = phase == Phase.SYNCING && s.nowMillis() - lastProgressMillis > STALL_MILLIS;
        Sample oldest = samples.peekFirst();
        long dt = s.nowMillis() - oldest.nowMillis();
        long blocks = s.committedHeight() - oldest.committedHeight();
        if (!stalled && samples.size() >= MIN_SAMPLES && dt > 0 && blocks > 0) {
            rate = OptionalLong.of(saturatingMulDiv(blocks, 1_000_000L, dt));
            eta = OptionalLong.of(left == 0 ? 0 : saturatingMulDiv(left, dt, blocks));
        }
        return new Estimate(phase, left, s.tipTimeMillis(), rate, eta);
    }

    private static long saturatingMulDiv(long a, long b, long c) {
        try {
            return Math.multiplyExact(a, b) / c;
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
