package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.ledger.AssetId;
import global.cas.ledger.LedgerView;
import global.cas.records.RecordKey;
import global.cas.records.RecordSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * G38: recounts a vote from its ballots alone, as any node (or anyone with the RPC's lists) can,
 * and sets the recount beside the running totals the chain kept. For an open vote each ballot's
 * weight is recomputed from the balance at the opening it records and the balance now (G2); a
 * closed vote is recounted from the weights its ballots held at the close. Thread-safe for a state
 * that does not change meanwhile (read it under the state lock).
 */
public final class GovernanceAudit {
    private GovernanceAudit() {}

    /**
     * A recount next to the running totals.
     *
     * @param vote the vote
     * @param voters the ballots counted
     * @param running each option's running total (candidates' votes in an election, by address hex)
     * @param recounted the same, recounted
     */
    public record Recount(VoteId vote, int voters, Map<String, Long> running, Map<String, Long> recounted) {
        public Recount {
            running = Map.copyOf(running);
            recounted = Map.copyOf(recounted);
        }

        public boolean agrees() {
            return running.equals(recounted);
        }
    }

    /** The option names of a referendum's totals. */
    public static final List<String> REFERENDUM_OPTIONS = List.of("yes", "no", "abstain");

    public static Recount recount(RecordSet records, LedgerView ledger, VoteId vote) {
        GovernanceView view = records::get;
        Records.Tally tally = view.tally(vote).orElseThrow(() -> new IllegalArgumentException("no such vote " + vote));
        Map<String, Long> recounted = new HashMap<>();
        long weight = 0;
        int voters = 0;
        for (Map.Entry<RecordKey, byte[]> e :
                records.page(GovernanceKeys.ballots(vote), Optional.empty(), Integer.MAX_VALUE)) {
            Address voter = GovernanceKeys.trailingAddress(e.getKey());
            Records.Ballot b = Records.Ballot.decode(e.getValue());
            long w = tally.open() ? LiveWeight.of(b.balanceAtOpen(), ledger.balance(voter, AssetId.CAS)) : b.weight();
            voters++;
            weight = Math.addExact(weight, w);
            if (vote.kind() == VoteId.ELECTION) {
                long[] votes = new BallotSplit(b.shares()).votes(w);
                for (int i = 0; i < votes.length; i++) {
                    recounted.merge(b.shares().get(i).candidate().toString(), votes[i], Math::addExact);
                }
            } else {
                recounted.merge(option(vote, b.choice()), w, Math::addExact);
            }
        }
        recounted.put("weight", weight);
        recounted.put("voters", (long) voters);
        Map<String, Long> running = new HashMap<>();
        if (vote.kind() == VoteId.ELECTION) {
            for (Map.Entry<RecordKey, byte[]> e : records.page(
                    GovernanceKeys.candidacies(vote.electionNumber()), Optional.empty(), Integer.MAX_VALUE)) {
                running.put(
                        GovernanceKeys.trailingAddress(e.getKey()).toString(),
                        Records.Candidacy.decode(e.getValue()).votes());
            }
        } else {
            for (int i = 0; i < tally.totals().size(); i++) {
                running.put(option(vote, i), tally.total(i));
            }
        }
        running.put("weight", tally.weight());
        running.put("voters", (long) tally.voters());
        running.values().removeIf(v -> v == 0);
        recounted.values().removeIf(v -> v == 0);
        return new Recount(vote, voters, running, recounted);
    }

    /** Every vote that has a tally, in key order (elections first, then supports and referendums). */
    public static List<VoteId> votes(RecordSet records) {
        List<VoteId> out = new ArrayList<>();
        for (Map.Entry<RecordKey, byte[]> e :
                records.page(GovernanceKeys.tallyPrefix(), Optional.empty(), Integer.MAX_VALUE)) {
            out.add(GovernanceKeys.voteOf(e.getKey()));
        }
        return out;
    }

    private static String option(VoteId vote, int choice) {
        return vote.kind() == VoteId.SUPPORT ? "support" : REFERENDUM_OPTIONS.get(choice);
    }
}
