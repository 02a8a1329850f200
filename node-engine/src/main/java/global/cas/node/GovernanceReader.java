package global.cas.node;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.governance.ElectionCount;
import global.cas.governance.GovernanceKeys;
import global.cas.governance.GovernanceState;
import global.cas.governance.Records;
import global.cas.governance.Vote;
import global.cas.governance.VoteId;
import global.cas.ledger.AssetId;
import global.cas.node.query.GovernanceView;
import global.cas.params.GovernanceParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns the committed governance records of one height ({@link ChainView}) into the {@link
 * GovernanceView} the desktop shows. Runs inside {@link Node#read}; stateless.
 */
final class GovernanceReader {
    private GovernanceReader() {}

    static GovernanceView view(ChainView v, Address reserve, global.cas.crypto.Network network) {
        GovernanceState g = v.governance();
        long time = v.tip().time();
        GovernanceParams params = v.state().params().at(v.height() + 1).governance();
        Records.Meta meta = g.meta();
        List<GovernanceView.Seat> seats = new ArrayList<>();
        for (var e : g.records().page(GovernanceKeys.seats(), Optional.empty(), Integer.MAX_VALUE)) {
            Records.Seat s = Records.Seat.decode(e.getValue());
            Address a = GovernanceKeys.trailingAddress(e.getKey());
            seats.add(new GovernanceView.Seat(a, lower(s.kind()), lower(s.standing()), v.balance(a, AssetId.CAS)));
        }
        List<GovernanceView.Proposal> proposals = new ArrayList<>();
        for (var e : g.records().page(GovernanceKeys.proposals(), Optional.empty(), Integer.MAX_VALUE)) {
            Hash id = Hash.of(java.util.Arrays.copyOfRange(e.getKey().bytes(), 1, 1 + Hash.LENGTH));
            proposals.add(proposal(g, id, Records.Proposal.decode(e.getValue()), params, time));
        }
        proposals.sort(java.util.Comparator.comparingLong((GovernanceView.Proposal p) ->
                        p.stage().equals("referendum") || p.stage().equals("support") ? 0 : 1)
                .thenComparing(java.util.Comparator.comparingLong(GovernanceView.Proposal::supportOpensAt)
                        .reversed()));
        List<GovernanceView.Statement> statements = new ArrayList<>();
        for (var e : g.records().page(GovernanceKeys.statements(), Optional.empty(), Integer.MAX_VALUE)) {
            Hash id = Hash.of(java.util.Arrays.copyOfRange(e.getKey().bytes(), 1, 1 + Hash.LENGTH));
            Records.Statement st = Records.Statement.decode(e.getValue());
            String about = st.aboutProposal()
                    ? st.subject().hex()
                    : Address.of(java.util.Arrays.copyOfRange(
                                    st.subject().bytes(), Hash.LENGTH - Address.LENGTH, Hash.LENGTH))
                            .encode(network);
            statements.add(new GovernanceView.Statement(
                    id,
                    st.drafter(),
                    Records.STATEMENT_KINDS.get(st.kind()),
                    about,
                    st.text(),
                    st.published(),
                    g.records().count(GovernanceKeys.approvals(id))));
        }
        java.util.Set<Address> seated = new java.util.HashSet<>();
        for (GovernanceView.Seat s : seats) {
            if (s.standing().equals("active")) {
                seated.add(s.address());
            }
        }
        List<GovernanceView.Spend> spends = new ArrayList<>();
        for (var e : g.records().page(GovernanceKeys.reserveSpends(), Optional.empty(), Integer.MAX_VALUE)) {
            Hash id = Hash.of(java.util.Arrays.copyOfRange(e.getKey().bytes(), 1, 1 + Hash.LENGTH));
            global.cas.governance.ReserveRecords.Spend sp =
                    global.cas.governance.ReserveRecords.Spend.decode(e.getValue());
            List<Address> approving = new ArrayList<>();
            for (var a : g.records().page(GovernanceKeys.spendApprovals(id), Optional.empty(), Integer.MAX_VALUE)) {
                Address m = GovernanceKeys.trailingAddress(a.getKey());
                if (seated.contains(m)) {
                    approving.add(m);
                }
            }
            spends.add(new GovernanceView.Spend(
                    id,
                    sp.proposer(),
                    sp.purpose() == global.cas.ledger.ReserveSpend.OPERATIONS ? "operations" : "liquidity",
                    sp.recipient(),
                    sp.amount(),
                    sp.memo(),
                    approving,
                    sp.paid(),
                    sp.paidHeight()));
        }
        spends.sort(java.util.Comparator.comparing(GovernanceView.Spend::paid));
        global.cas.governance.ReserveRecords.Payout po = g.payout();
        GovernanceView.Payout payout = new GovernanceView.Payout(
                po.excessSince(),
                po.excessSince() == 0 ? 0 : po.excessSince() + params.daysMillis(params.payoutDays()),
                po.distributed(),
                po.distributions(),
                po.credited());
        return new GovernanceView(
                v.height(),
                time,
                params,
                v.balance(reserve, AssetId.CAS),
                !meta.transitionalDissolved(),
                election(g, meta.currentElection()),
                seats,
                proposals,
                statements,
                spends,
                payout);
    }

    static GovernanceView.Election election(GovernanceState g, long n) {
        Records.Election e = g.election(n).orElseThrow();
        Records.Tally t = g.tally(VoteId.election(n)).orElseThrow();
        List<ElectionCount.Candidate> ranked = new ArrayList<>();
        Map<Address, Records.Candidacy> all = new HashMap<>();
        for (var c : g.records().page(GovernanceKeys.candidacies(n), Optional.empty(), Integer.MAX_VALUE)) {
            Address a = GovernanceKeys.trailingAddress(c.getKey());
            Records.Candidacy cd = Records.Candidacy.decode(c.getValue());
            all.put(a, cd);
            ranked.add(new ElectionCount.Candidate(a, cd.order(), cd.votes()));
        }
        ranked.sort(ElectionCount.RANKING);
        java.util.Set<Address> elected = new java.util.HashSet<>();
        e.elected().forEach(c -> elected.add(c.address()));
        List<GovernanceView.Candidate> out = new ArrayList<>();
        int rank = 0;
        for (ElectionCount.Candidate c : ranked) {
            Records.Candidacy cd = all.get(c.address());
            out.add(new GovernanceView.Candidate(
                    c.address(),
                    cd.profile(),
                    cd.votes(),
                    lower(cd.standing()),
                    ++rank,
                    elected.contains(c.address())));
        }
        return new GovernanceView.Election(
                n,
                e.nominationStart(),
                e.votingStart(),
                e.closesAt(),
                e.closed(),
                t.open(),
                t.voters(),
                t.weight(),
                out);
    }

    private static GovernanceView.Proposal proposal(
            GovernanceState g, Hash id, Records.Proposal p, GovernanceParams params, long time) {
        Records.Tally support = g.tally(VoteId.support(id)).orElseThrow();
        Optional<Records.Tally> ref = g.tally(VoteId.referendum(id));
        OptionalLong responded =
                g.response(id).map(r -> OptionalLong.of(r.time())).orElse(OptionalLong.empty());
        Optional<Records.Bloc> bloc = g.bloc(id);
        return new GovernanceView.Proposal(
                id,
                p.proposer(),
                p.title(),
                p.text(),
                p.kind(),
                p.changes(),
                p.referendumDays(),
                lower(p.stage()),
                p.supportOpensAt(),
                support.open(),
                support.total(0),
                support.voters(),
                p.latch().responseDeadline(params),
                responded,
                p.latch().overdue(time, responded, params),
                p.referendumOpensAt(),
                p.referendumClosesAt(),
                ref.map(Records.Tally::open).orElse(false),
                ref.map(t -> t.total(0)).orElse(0L),
                ref.map(t -> t.total(1)).orElse(0L),
                ref.map(t -> t.total(2)).orElse(0L),
                ref.map(Records.Tally::voters).orElse(0),
                bloc.map(b -> Vote.values()[b.direction()]),
                bloc.map(Records.Bloc::weight).orElse(0L),
                p.effectiveHeight(),
                memberVotes(g, VoteId.referendum(id)));
    }

    private static List<GovernanceView.MemberVote> memberVotes(GovernanceState g, VoteId vote) {
        List<GovernanceView.MemberVote> out = new ArrayList<>();
        for (var e : g.records().page(GovernanceKeys.memberVotes(vote), Optional.empty(), Integer.MAX_VALUE)) {
            Records.MemberVote mv = Records.MemberVote.decode(e.getValue());
            out.add(new GovernanceView.MemberVote(
                    GovernanceKeys.trailingAddress(e.getKey()),
                    global.cas.governance.GovernanceAudit.REFERENDUM_OPTIONS.get(mv.choice())));
        }
        return out;
    }

    static Optional<GovernanceView.Ballot> ballot(ChainView v, VoteId vote, Address voter) {
        return v.governance()
                .ballot(vote, voter)
                .map(b -> new GovernanceView.Ballot(
                        b.shares().stream()
                                .map(s -> new GovernanceView.Share(s.candidate(), s.basisPoints()))
                                .toList(),
                        vote.kind() == VoteId.REFERENDUM ? Optional.of(Vote.values()[b.choice()]) : Optional.empty(),
                        b.balanceAtOpen(),
                        b.weight(),
                        b.castHeight()));
    }

    /** The heaviest {@code limit} standing ballots of {@code vote}, heaviest first, and how many there are (G38). */
    static GovernanceView.Voters voters(ChainView v, VoteId vote, int limit) {
        List<GovernanceView.Voter> all = new ArrayList<>();
        for (var e : v.governance().records().page(GovernanceKeys.ballots(vote), Optional.empty(), Integer.MAX_VALUE)) {
            Records.Ballot b = Records.Ballot.decode(e.getValue());
            all.add(new GovernanceView.Voter(
                    GovernanceKeys.trailingAddress(e.getKey()),
                    new GovernanceView.Ballot(
                            b.shares().stream()
                                    .map(s -> new GovernanceView.Share(s.candidate(), s.basisPoints()))
                                    .toList(),
                            vote.kind() == VoteId.REFERENDUM
                                    ? Optional.of(Vote.values()[b.choice()])
                                    : Optional.empty(),
                            b.balanceAtOpen(),
                            b.weight(),
                            b.castHeight())));
        }
        all.sort(java.util.Comparator.comparingLong(
                        (GovernanceView.Voter x) -> x.ballot().weight())
                .reversed());
        return new GovernanceView.Voters(all.size(), all.subList(0, Math.min(limit, all.size())));
    }

    /** G38: the receipt of {@code voter}'s standing ballot in {@code vote} at {@code v}'s height, if it has one. */
    static Optional<global.cas.chain.RecordReceipt> receipt(ChainView v, String chainId, VoteId vote, Address voter) {
        var key = GovernanceKeys.ballot(vote, voter);
        var records = v.governance().records();
        return records.get(key)
                .map(bytes -> new global.cas.chain.RecordReceipt(
                        chainId,
                        v.height(),
                        v.tip().hash(),
                        key,
                        bytes,
                        records.prove(key),
                        v.tip().roots()));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
