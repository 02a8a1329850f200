package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * G5: an election ballot: each chosen candidate's share of the voter's weight in basis points,
 * summing to exactly 10,000, no candidate twice, at most {@link #MAX_CANDIDATES} candidates (a
 * bound of this implementation so a ballot's work stays small).
 */
public record BallotSplit(List<Share> shares) {
    /** Basis points of a whole ballot. */
    public static final int WHOLE = 10_000;
    /** The most candidates one ballot may name. */
    public static final int MAX_CANDIDATES = 100;

    /**
     * One candidate's share.
     *
     * @param candidate the candidate
     * @param basisPoints the share, 1 to 10,000
     */
    public record Share(Address candidate, int basisPoints) {
        public Share {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    public BallotSplit {
        Objects.requireNonNull(shares, "shares");
        shares = List.copyOf(shares);
        if (shares.isEmpty()) {
            throw new RejectedException(Reason.MALFORMED, "An election ballot must name at least one candidate.");
        }
        if (shares.size() > MAX_CANDIDATES) {
            throw new RejectedException(
                    Reason.MALFORMED, "An election ballot may name at most " + MAX_CANDIDATES + " candidates.");
        }
        Set<Address> seen = new HashSet<>();
        long sum = 0;
        for (Share s : shares) {
            if (s.basisPoints() < 1 || s.basisPoints() > WHOLE) {
                throw new RejectedException(
                        Reason.MALFORMED, "Each candidate's share must be between 1 and 10,000 basis points.");
            }
            if (!seen.add(s.candidate())) {
                throw new RejectedException(Reason.MALFORMED, "An election ballot names a candidate twice.");
            }
            sum += s.basisPoints();
        }
        if (sum != WHOLE) {
            throw new RejectedException(
                    Reason.MALFORMED,
                    "The shares of an election ballot must add up to exactly 10,000 basis points, not " + sum + ".");
        }
    }

    /** A ballot giving all of the weight to one candidate. */
    public static BallotSplit all(Address candidate) {
        return new BallotSplit(List.of(new Share(candidate, WHOLE)));
    }

    /**
     * The votes each candidate gets from {@code weight}, in ballot order: floor(weight * bp / 10,000),
     * computed without overflow, so their sum never exceeds the weight.
     */
    public long[] votes(long weight) {
        if (weight < 0) {
            throw new IllegalArgumentException("negative weight");
        }
        long q = weight / WHOLE;
        long r = weight % WHOLE;
        long[] out = new long[shares.size()];
        for (int i = 0; i < out.length; i++) {
            int bp = shares.get(i).basisPoints();
            // weight*bp/W = q*bp + r*bp/W exactly, since q*bp is whole; q*bp <= weight, r*bp < 10^8
            out[i] = q * bp + (r * bp) / WHOLE;
        }
        return out;
    }
}
