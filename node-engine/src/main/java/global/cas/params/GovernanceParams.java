package global.cas.params;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;

/**
 * The governance values PROTOCOL.md marks <i>(param)</i>, part of the chain's versioned parameters
 * ({@code params.Params}) so a {@code parameter} proposal may change them (G31, G37). Amounts are in
 * base units; the epoch and day lengths are in milliseconds (the unit of block times); every window
 * counted in days is that many {@link #dayMillis} (a devnet uses short days).
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
 * @param dayMillis the length of a "day" for every window counted in days (one day by default)
 * @param electionIntervalDays days between elections; election k closes at genesis time plus k
 *     intervals (G7, G9)
 * @param nominationDays days of an election's nomination window (G7)
 * @param votingDays days of an election's voting window, after the nomination window (G7)
 * @param proposalFee the least fee a proposal transaction pays, in base units (G30)
 * @param parameterDelayBlocks blocks after its close that a passed parameter proposal takes effect
 *     (G37)
 * @param payoutDays days within which the excess over the reserve cap is paid out (G22)
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
        long epochMillis,
        long dayMillis,
        int electionIntervalDays,
        int nominationDays,
        int votingDays,
        long proposalFee,
        long parameterDelayBlocks,
        int payoutDays) {

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
        positive(dayMillis, "length of a day");
        positive(electionIntervalDays, "election interval");
        positive(nominationDays, "nomination window");
        positive(votingDays, "voting window");
        positive(parameterDelayBlocks, "parameter change delay");
        positive(payoutDays, "reserve payout window");
        if (proposalFee < 0) {
            throw new RejectedException(Reason.MALFORMED, "The proposal fee must not be negative.");
        }
        if ((long) nominationDays + votingDays > electionIntervalDays) {
            throw new RejectedException(
                    Reason.MALFORMED,
                    "The nomination and voting windows together must fit in the interval between elections.");
        }
        try {
            Math.multiplyExact(
                    Math.max(Math.max(referendumMaxDays, responseWindowDays), electionIntervalDays), dayMillis);
        } catch (ArithmeticException e) {
            throw new RejectedException(Reason.MALFORMED, "The length of a day is too large.");
        }
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
                cas(10_000),
                cas(200_000_000),
                5,
                cas(100_000),
                14,
                cas(100_000_000),
                cas(1_000_000_000),
                cas(1_500_000_000),
                7,
                30,
                DAY_MILLIS,
                DAY_MILLIS,
                365,
                30,
                14,
                cas(100),
                86_400,
                90);
    }

    /** The committee's response window in milliseconds (G33). */
    public long responseWindowMillis() {
        return daysMillis(responseWindowDays);
    }

    /** {@code days} days of {@link #dayMillis} each, in milliseconds. */
    public long daysMillis(int days) {
        return Math.multiplyExact(days, dayMillis);
    }

    /** The canonical encoding: every component in order, u64 for a long, u32 for an int. */
    public void encode(Encoder e) {
        e.u64(candidacyMinimum)
                .u64(electionThreshold)
                .u32(minSeats)
                .u64(responseSupport)
                .u32(responseWindowDays)
                .u64(referendumSupport)
                .u64(referendumQuorum)
                .u64(committeeRulesQuorum)
                .u32(referendumMinDays)
                .u32(referendumMaxDays)
                .u64(epochMillis)
                .u64(dayMillis)
                .u32(electionIntervalDays)
                .u32(nominationDays)
                .u32(votingDays)
                .u64(proposalFee)
                .u64(parameterDelayBlocks)
                .u32(payoutDays);
    }

    /** Reads {@link #encode}'s form; values that make no sense reject with {@code MALFORMED}. */
    public static GovernanceParams decode(Decoder d) {
        return new GovernanceParams(
                d.u64(), d.u64(), d.u32(), d.u64(), d.u32(), d.u64(), d.u64(), d.u64(), d.u32(), d.u32(), d.u64(),
                d.u64(), d.u32(), d.u32(), d.u32(), d.u64(), d.u64(), d.u32());
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

    /** Base units per CAS (U1), as {@code ledger.Amounts}, which this package must not depend on. */
    private static final long UNITS_PER_CAS = 100_000_000L;

    private static long cas(long wholeCas) {
        return Math.multiplyExact(wholeCas, UNITS_PER_CAS);
    }

    private static void positive(long value, String what) {
        if (value <= 0) {
            throw new RejectedException(Reason.MALFORMED, "The " + what + " must be greater than zero.");
        }
    }
}
