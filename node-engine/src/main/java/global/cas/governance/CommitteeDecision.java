package global.cas.governance;

import global.cas.crypto.Address;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * G11, G12, G20: the committee's internal majority: one member, one vote, and a side wins only with
 * more than half of <b>all</b> seated members (those who did not vote count in the denominator).
 * Votes and signatures of addresses that are not seated are ignored.
 */
public final class CommitteeDecision {
    private CommitteeDecision() {}

    /** Whether {@code count} is more than half of {@code seated} members. */
    public static boolean majority(long count, long seated) {
        return seated > 0 && 2 * count > seated;
    }

    /** G11: the reserve bloc's referendum vote: YES or NO with a majority of all seated, else ABSTAIN. */
    public static Vote direction(Set<Address> seated, Map<Address, Vote> votes) {
        long yes = 0;
        long no = 0;
        for (Map.Entry<Address, Vote> e : votes.entrySet()) {
            if (!seated.contains(e.getKey())) {
                continue;
            }
            if (e.getValue() == Vote.YES) {
                yes++;
            } else if (e.getValue() == Vote.NO) {
                no++;
            }
        }
        if (majority(yes, seated.size())) {
            return Vote.YES;
        }
        if (majority(no, seated.size())) {
            return Vote.NO;
        }
        return Vote.ABSTAIN;
    }

    /**
     * G11: the reserve's election ballot: the split more than half of all seated members voted for,
     * identically; empty (the reserve does not vote) otherwise.
     */
    public static Optional<BallotSplit> split(Set<Address> seated, Map<Address, BallotSplit> votes) {
        Map<BallotSplit, Long> counts = new HashMap<>();
        for (Map.Entry<Address, BallotSplit> e : votes.entrySet()) {
            if (seated.contains(e.getKey())) {
                counts.merge(e.getValue(), 1L, Long::sum);
            }
        }
        // at most one split can hold a strict majority
        return counts.entrySet().stream()
                .filter(e -> majority(e.getValue(), seated.size()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** G12, G20: whether more than half of all seated members are among the signers. */
    public static boolean approves(Set<Address> signers, Set<Address> seated) {
        long count = signers.stream().filter(seated::contains).count();
        return majority(count, seated.size());
    }
}
