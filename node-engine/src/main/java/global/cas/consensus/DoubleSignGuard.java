package global.cas.consensus;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import java.util.Optional;

/**
 * Signs this validator's proposals and votes, never two different ones for one height, round and
 * step, and never one at an earlier height, round or step than the last it signed (C1: a validator
 * never double signs, even after {@code kill -9}). Each signature is handed to {@link SignedLog}
 * (the write-ahead log, fsynced) before it is returned, so it is durable before anyone can see it.
 * Asked to sign the same thing again it returns the first signature. Not thread-safe: used on the
 * consensus driver's thread.
 */
public final class DoubleSignGuard {
    /** Where signed messages go before they are sent; {@link #signed} returns once they are on disk. */
    public interface SignedLog {
        void signed(ConsensusMessage message);
    }

    /**
     * Thrown instead of signing: for a slot before the last signed one ({@link #slotPassed}: not
     * signing is the safe answer, the driver goes on), or a second, different message for the last
     * slot (the node must halt).
     */
    public static final class DoubleSignRefused extends RuntimeException {
        private final boolean slotPassed;

        DoubleSignRefused(String message, boolean slotPassed) {
            super(message);
            this.slotPassed = slotPassed;
        }

        /** True when the slot lies before the last one signed (after a restart the log is ahead). */
        public boolean slotPassed() {
            return slotPassed;
        }
    }

    private final KeyPair key;
    private final String chainId;
    private final SignedLog log;
    private long lastHeight;
    private int lastRound;
    private int lastStep = -1;
    private ConsensusMessage last;

    public DoubleSignGuard(KeyPair key, String chainId, SignedLog log) {
        this.key = key;
        this.chainId = chainId;
        this.log = log;
    }

    /** Restores the last signed message (read back from the write-ahead log after a restart). */
    public void restore(ConsensusMessage signed) {
        switch (signed) {
            case ConsensusMessage.ProposalMessage p ->
                remember(p.proposal().height(), p.proposal().round(), 0, signed);
            case ConsensusMessage.VoteMessage v ->
                remember(v.vote().height(), v.vote().round(), stepOf(v.vote().type()), signed);
            default -> throw new IllegalArgumentException("only proposals and votes are signed");
        }
    }

    /** The height of the last message signed, or 0. */
    public long lastHeight() {
        return lastHeight;
    }

    public Optional<ConsensusMessage> last() {
        return Optional.ofNullable(last);
    }

    public KeyPair key() {
        return key;
    }

    private static int stepOf(VoteType t) {
        return t == VoteType.PREVOTE ? 1 : 2;
    }

    private void remember(long h, int r, int s, ConsensusMessage m) {
        if (compare(h, r, s) > 0 || last == null) {
            lastHeight = h;
            lastRound = r;
            lastStep = s;
            last = m;
        }
    }

    private int compare(long h, int r, int s) {
        if (h != lastHeight) {
            return Long.compare(h, lastHeight);
        }
        if (r != lastRound) {
            return Integer.compare(r, lastRound);
        }
        return Integer.compare(s, lastStep);
    }

    private String slot(long h, int r, int s) {
        return "height " + h + ", round " + r + ", " + (s == 0 ? "proposal" : s == 1 ? "prevote" : "precommit");
    }

    /** Checks the slot; returns true when {@code last} is the same slot (to be returned again). */
    private boolean check(long h, int r, int s, Hash value, Hash lastValue) {
        int c = compare(h, r, s);
        if (last != null && c < 0) {
            throw new DoubleSignRefused(
                    "Refused to sign at " + slot(h, r, s) + ": this validator already signed at "
                            + slot(lastHeight, lastRound, lastStep) + ".",
                    true);
        }
        if (last != null && c == 0) {
            if (!value.equals(lastValue)) {
                throw new DoubleSignRefused(
                        "Refused to sign a second, different message at " + slot(h, r, s)
                                + ": that would be double signing.",
                        false);
            }
            return true;
        }
        return false;
    }

    /** Signs a proposal of {@code value}; {@code block} is logged with it, so a restart can propose it again. */
    public Proposal signProposal(long height, int round, Hash value, int polRound, int index, byte[] block) {
        Hash lastValue = last instanceof ConsensusMessage.ProposalMessage p
                ? p.proposal().value()
                : null;
        if (check(height, round, 0, value, lastValue)) {
            return ((ConsensusMessage.ProposalMessage) last).proposal();
        }
        Proposal p = Proposal.sign(key, chainId, height, round, value, polRound, index);
        ConsensusMessage m = new ConsensusMessage.ProposalMessage(p, block);
        log.signed(m);
        remember(height, round, 0, m);
        return p;
    }

    public Vote signVote(VoteType type, long height, int round, Hash value, long timestamp, int index) {
        int s = stepOf(type);
        Hash lastValue =
                last instanceof ConsensusMessage.VoteMessage v ? v.vote().value() : null;
        if (check(height, round, s, value, lastValue)) {
            return ((ConsensusMessage.VoteMessage) last).vote();
        }
        Vote v = Vote.sign(key, chainId, type, height, round, value, timestamp, index);
        ConsensusMessage m = new ConsensusMessage.VoteMessage(v);
        log.signed(m);
        remember(height, round, s, m);
        return v;
    }
}
