package global.cas.chain;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.validators.ValidatorSchedule;
import global.cas.validators.ValidatorSet;
import java.util.Set;

/**
 * The rules a block's evidence of double signing must meet (C4). Evidence holds when its two votes
 * are of one kind, height and round, for two different values in canonical order, both signed by
 * the validator it names in the set in force at that height; it is of a height no later than the
 * block's and at most {@link DoubleSignEvidence#MAX_AGE_HEIGHTS} earlier; and that validator's slot
 * is not recorded yet, on chain or earlier in the same block. Thread-safe (immutable).
 */
public final class EvidenceRules {
    private final String chainId;

    public EvidenceRules(String chainId) {
        this.chainId = chainId;
    }

    /**
     * Checks {@code e} for the block at {@code blockHeight}, against the validators of every height,
     * the evidence recorded before the block and {@code earlier}, the keys of the block's evidence
     * before it.
     *
     * @throws RejectedException {@code BAD_EVIDENCE} when it does not hold, {@code
     *     DUPLICATE_EVIDENCE} when that double sign is already recorded
     */
    public void check(
            DoubleSignEvidence e,
            long blockHeight,
            ValidatorSchedule validators,
            RecordedEvidence recorded,
            Set<DoubleSignEvidence.Key> earlier) {
        if (e.height() > blockHeight) {
            throw bad(e, "is of height " + e.height() + ", after block " + blockHeight);
        }
        if (!RecordedEvidence.inWindow(e.height(), blockHeight)) {
            throw bad(
                    e,
                    "is more than " + DoubleSignEvidence.MAX_AGE_HEIGHTS + " blocks older than block " + blockHeight);
        }
        if (e.first().value().equals(e.second().value())) {
            throw bad(e, "holds two votes for the same value, which is no double sign");
        }
        if (!e.canonical()) {
            throw bad(e, "does not put the smaller value first");
        }
        ValidatorSet set = validators.at(e.height());
        if (e.validator() >= set.size()) {
            throw bad(e, "names validator " + e.validator() + " but height " + e.height() + " has " + set.size());
        }
        if (!e.verify(chainId, set.get(e.validator()).key())) {
            throw bad(
                    e,
                    "holds a vote that validator " + e.validator() + " ("
                            + set.get(e.validator()).address() + ") did not sign");
        }
        if (recorded.contains(e.key()) || earlier.contains(e.key())) {
            throw new RejectedException(
                    Reason.DUPLICATE_EVIDENCE,
                    "The double sign of validator " + e.validator() + " at height " + e.height() + " round " + e.round()
                            + " (" + e.kind() + ") is already recorded (C4).");
        }
    }

    private static RejectedException bad(DoubleSignEvidence e, String why) {
        return new RejectedException(
                Reason.BAD_EVIDENCE,
                "The evidence of a double sign by validator " + e.validator() + " at height " + e.height() + " round "
                        + e.round() + " (" + e.kind() + ") " + why + " (C4).");
    }
}
