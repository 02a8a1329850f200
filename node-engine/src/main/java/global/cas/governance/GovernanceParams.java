package global.cas.governance;

import global.cas.ledger.Amounts;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;

/**
 * The governance values PROTOCOL.md marks <i>(param)</i>. Amounts are in base units; the epoch
 * length and the response window are in milliseconds (the unit of block times).
 *
 * @param candidacyMinimum balance a candidate or member must hold (G4, G8)
 * @param electionThreshold votes that elect a candidate (G6)
 * @param minSeats the committee's minimum size (G6, G8)
 * @param responseSupport support above which the committee must respond (G33)
 * @param responseWindowDays days the committee has to respond (G33)
 * @param referendumSupport support above which a referendum opens (G34)
 * @param referendumQuorum votes a referendum must exceed to be valid (G35)
 * @param committeeRulesQuorum votes a committee-rules referendum must reach (G36)
 * @param referendumMinDays shortest referendum a proposer may choose (G35)
 * @param referendumMaxDays longest referendum a proposer may choose (G35)
 * @param epochMillis the epoch length; votes open only at epoch boundaries (G2)
 */
public record GovernanceParams(
        long candidacyMinimum,
        long electionThreshold,
        int minSeats,
        long responseSupport,
        int responseWindowDays,
        long referendumSupport,
        long referendumQuorum,
        long committeeRulesQuorum,
        int referendumMinDays,
        int referendumMaxDays,
        long epochMillis) {

    /** Milliseconds in one day. */
    public static final long DAY_MILLIS = 86_400_000L;

    public GovernanceParams {
        positive(candidacyMinimum, "candidacy minimum");
        positive(electionThreshold, "election threshold");
        positive(minSeats, "minimum number of seats");
        positive(responseSupport, "committee response support");
        positive(responseWindowDays, "committee response window");
        positive(referendumSupport, "referendum support");
        positive(referendumQuorum, "referendum quorum");
        positive(committeeRulesQuorum, "committee-rules quorum");
        positive(referendumMinDays, "shortest referendum");
        positive(epochMillis, "epoch length");
        if (referendumMaxDays < referendumMinDays) {
            throw new RejectedException(Reason.MALFORMED, "The longest referendum is shorter than the shortest one.");
        }
        if (responseSupport >= referendumSupport) {
            throw new RejectedException(
                    Reason.MALFORMED,
                    "The support that opens a referendum must be above the support that asks the committee to respond.");
        }
    }

    /** The values of PROTOCOL.md. */
    public static GovernanceParams defaults() {
        return new GovernanceParams(
                Amounts.cas(10_000),
                Amounts.cas(200_000_000),
                5,
                Amounts.cas(100_000),
                14,
                Amounts.cas(100_000_000),
                Amounts.cas(1_000_000_000),
                Amounts.cas(1_500_000_000),
                7,
                30,
                DAY_MILLIS);
    }

    /** The committee's response window in milliseconds (G33); an int of days always fits. */
    public long responseWindowMillis() {
        return responseWindowDays * DAY_MILLIS;
    }

    /** G4, G8: whether a balance lets an address declare or keep a candidacy or a seat. */
    public boolean qualifies(long balance) {
        return balance >= candidacyMinimum;
    }

    /**
     * G2: the epoch boundary a vote asked for at {@code time} opens at: the first multiple of the
     * epoch length at or after it (times are milliseconds since the epoch origin, not negative).
     */
    public long openingBoundary(long time) {
        if (time < 0) {
            throw new IllegalArgumentException("negative time");
        }
        long floor = time - time % epochMillis;
        return floor == time ? time : Math.addExact(floor, epochMillis);
    }

    /** Rejects a referendum length outside the allowed days (G35). */
    public void checkReferendumDays(int days) {
        if (days < referendumMinDays || days > referendumMaxDays) {
            throw new RejectedException(
                    Reason.MALFORMED,
                    "A referendum lasts between " + referendumMinDays + " and " + referendumMaxDays + " days, not "
                            + days + ".");
        }
    }

    private static void positive(long value, String what) {
        if (value <= 0) {
            throw new RejectedException(Reason.MALFORMED, "The " + what + " must be greater than zero.");
        }
    }
}
