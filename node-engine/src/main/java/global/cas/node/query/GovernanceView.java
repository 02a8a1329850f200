package global.cas.node.query;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.governance.ProposalKind;
import global.cas.governance.Vote;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.ledger.ProposalPosting;
import global.cas.params.GovernanceParams;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The governance state of one height as a reader (the desktop) shows it: the election under way
 * with its candidates ranked, the committee, the reserve, every proposal with its tallies and the
 * committee's statements. Amounts are base units, times block-time milliseconds. Immutable.
 */
public record GovernanceView(
        long height,
        long time,
        GovernanceParams params,
        long reserveBalance,
        boolean transitionalCommittee,
        Election election,
        List<Seat> committee,
        List<Proposal> proposals,
        List<Statement> statements,
        List<Spend> reserveSpends,
        Payout payout) {
    public GovernanceView {
        committee = List.copyOf(committee);
        proposals = List.copyOf(proposals);
        statements = List.copyOf(statements);
        reserveSpends = List.copyOf(reserveSpends);
    }

    /**
     * A reserve spend a member asked for (G20): purpose ({@code operations} or {@code liquidity}),
     * payee, amount, memo, the seated members approving it now and whether it was paid.
     */
    public record Spend(
            Hash id,
            Address proposer,
            String purpose,
            Address recipient,
            long amount,
            String memo,
            List<Address> approving,
            boolean paid,
            long paidHeight) {
        public Spend {
            approving = List.copyOf(approving);
        }
    }

    /** The reserve's payouts (G22): the excess pending since (0: none), due at, distributed and credited. */
    public record Payout(long excessSince, long dueAt, long distributed, long distributions, long credited) {}

    /** An election: its windows, its tally and its candidates in rank order (G6). */
    public record Election(
            long number,
            long nominationStart,
            long votingStart,
            long closesAt,
            boolean closed,
            boolean votingOpen,
            int voters,
            long weight,
            List<Candidate> candidates) {
        public Election {
            candidates = List.copyOf(candidates);
        }

        public boolean nominating(long time) {
            return time >= nominationStart && time < votingStart;
        }
    }

    /** A candidate: profile, votes now, standing ({@code active}, {@code withdrawn}, {@code lost}), rank. */
    public record Candidate(
            Address address,
            CandidacyDeclaration.Profile profile,
            long votes,
            String standing,
            int rank,
            boolean elected) {}

    /** A committee seat: {@code transitional} or {@code elected}; {@code active}, {@code lost} or {@code ended}. */
    public record Seat(Address address, String kind, String standing, long balance) {}

    /** A proposal with its stage ({@code support}, {@code referendum}, {@code passed}, {@code failed}) and tallies. */
    public record Proposal(
            Hash id,
            Address proposer,
            String title,
            String text,
            ProposalKind kind,
            List<ProposalPosting.Change> changes,
            int referendumDays,
            String stage,
            long supportOpensAt,
            boolean supportOpen,
            long support,
            int supporters,
            OptionalLong responseDeadline,
            OptionalLong respondedAt,
            boolean responseOverdue,
            long referendumOpensAt,
            long referendumClosesAt,
            boolean referendumOpen,
            long yes,
            long no,
            long abstain,
            int referendumVoters,
            Optional<Vote> reserveBloc,
            long reserveWeight,
            long effectiveHeight,
            List<MemberVote> memberVotes) {
        public Proposal {
            changes = List.copyOf(changes);
            memberVotes = List.copyOf(memberVotes);
        }
    }

    /** A committee member's internal vote on how the reserve votes in a referendum (G11): yes, no or abstain. */
    public record MemberVote(Address member, String choice) {}

    /** A committee statement (G12): kind, about what, text, whether published and how many approved it. */
    public record Statement(
            Hash id, Address drafter, String kind, String about, String text, boolean published, int approvals) {}

    /**
     * A voter's standing ballot in one vote (G2): the election shares or the referendum choice, the
     * balance when the vote opened and the weight counted now.
     */
    public record Ballot(List<Share> shares, Optional<Vote> choice, long balanceAtOpen, long weight, long castHeight) {
        public Ballot {
            shares = List.copyOf(shares);
        }
    }

    /** A voter and its standing ballot (G38: who voted, with what weight). */
    public record Voter(Address address, Ballot ballot) {}

    /** The heaviest ballots of a vote, heaviest first, out of {@code total}. */
    public record Voters(int total, List<Voter> heaviest) {
        public Voters {
            heaviest = List.copyOf(heaviest);
        }
    }

    /** A candidate's share of an election ballot, in basis points. */
    public record Share(Address candidate, int basisPoints) {}
}
