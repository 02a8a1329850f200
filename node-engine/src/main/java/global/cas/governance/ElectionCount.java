package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.params.GovernanceParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * G6, G8: who an election seats. Every candidate with at least the threshold is elected; if fewer
 * than the minimum seats reach it, the minimum number with the most votes are (all of them if
 * there are fewer candidates). Ranking: more votes first, then the earlier candidacy, then the
 * lower address (unsigned bytes).
 *
 * @param elected the elected, in rank order
 * @param runnersUp the others, in rank order
 */
public record ElectionCount(List<Candidate> elected, List<Candidate> runnersUp) {

    /**
     * A candidate at the close.
     *
     * @param address the candidate's address
     * @param candidacyOrder the candidacy's position on the chain (e.g. height and index packed into
     *     one long); lower is earlier
     * @param votes the candidate's votes
     */
    public record Candidate(Address address, long candidacyOrder, long votes) {
        public Candidate {
            Objects.requireNonNull(address, "address");
            if (votes < 0) {
                throw new IllegalArgumentException("negative votes");
            }
        }
    }

    /** The ranking order of G6. */
    public static final Comparator<Candidate> RANKING = Comparator.comparingLong(Candidate::votes)
            .reversed()
            .thenComparingLong(Candidate::candidacyOrder)
            .thenComparing(Candidate::address);

    public ElectionCount {
        elected = List.copyOf(elected);
        runnersUp = List.copyOf(runnersUp);
    }

    /** Counts an election (G6). A candidate listed twice is a caller error. */
    public static ElectionCount count(List<Candidate> candidates, GovernanceParams params) {
        return count(candidates, params.electionThreshold(), params.minSeats());
    }

    /** Counts an election with an explicit threshold and minimum (G6). */
    public static ElectionCount count(List<Candidate> candidates, long threshold, int minSeats) {
        Set<Address> seen = new HashSet<>();
        for (Candidate c : candidates) {
            if (!seen.add(c.address())) {
                throw new IllegalArgumentException("candidate listed twice: " + c.address());
            }
        }
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(RANKING);
        int reached = 0;
        while (reached < ranked.size() && ranked.get(reached).votes() >= threshold) {
            reached++;
        }
        int seats = Math.min(ranked.size(), Math.max(reached, minSeats));
        return new ElectionCount(ranked.subList(0, seats), ranked.subList(seats, ranked.size()));
    }

    /**
     * G8: the committee after a refill: if {@code seated} has fewer than {@code minSeats} members,
     * the next runners-up in rank order that still qualify (and are not seated) join until it has
     * {@code minSeats} or no runner-up is left. Returns the seated members followed by those who
     * joined, in the order they joined.
     */
    public static List<Address> refill(
            List<Address> seated, List<Candidate> runnersUp, Predicate<Address> qualifies, int minSeats) {
        List<Address> out = new ArrayList<>(seated);
        Set<Address> in = new HashSet<>(seated);
        for (Candidate c : runnersUp) {
            if (out.size() >= minSeats) {
                break;
            }
            if (!in.contains(c.address()) && qualifies.test(c.address())) {
                out.add(c.address());
                in.add(c.address());
            }
        }
        return List.copyOf(out);
    }
}
