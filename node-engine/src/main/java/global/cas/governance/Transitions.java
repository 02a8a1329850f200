package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.params.GovernanceParams;
import global.cas.records.RecordKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The governance work driven by block time, on one {@link GovernanceBlock}: votes open and close
 * when the first block at or after their time begins (elections G6–G9, referendums G35), supports
 * latch at the end of the block that crossed a threshold (G32–G34), lost seats are refilled (G8)
 * and checkpoints no open vote needs are pruned, a bounded number per block (G2). Everything here
 * is bounded by the candidates of one election or the seats, never by the voters. Not thread-safe.
 */
final class Transitions {
    /** The most schedule entries one block processes; the rest wait for the next block. */
    static final int MAX_ENTRIES_PER_BLOCK = 1_000;

    /** The most checkpoints one block prunes. */
    static final int MAX_PRUNED_PER_BLOCK = 1_000;

    /** The most candidates or seats one election looks at. */
    static final int MAX_CANDIDATES = 100_000;

    private final GovernanceBlock b;
    private final GovernanceParams p;

    Transitions(GovernanceBlock b) {
        this.b = b;
        this.p = b.params();
    }

    /** Opens and closes every vote whose time is at or before the block's, in time order. */
    void run() {
        for (RecordKey k : b.keys(GovernanceKeys.schedulePrefix(), MAX_ENTRIES_PER_BLOCK)) {
            GovernanceKeys.ScheduleEntry e = GovernanceKeys.scheduleOf(k);
            if (e.time() > b.time()) {
                break;
            }
            b.remove(k);
            if (e.close()) {
                close(e.vote());
            } else {
                open(e.vote());
            }
        }
    }

    private void open(VoteId vote) {
        Records.Tally t = b.tally(vote).orElseThrow();
        if (t.state() != Records.TallyState.PENDING) {
            return;
        }
        Records.Tally opened = t.with(Records.TallyState.OPEN);
        b.put(GovernanceKeys.tally(vote), opened.encode());
        b.opened(opened);
    }

    private Records.Tally closeTally(VoteId vote) {
        Records.Tally t = b.tally(vote).orElseThrow();
        Records.Tally closed = t.with(Records.TallyState.CLOSED);
        b.put(GovernanceKeys.tally(vote), closed.encode());
        if (t.open()) {
            b.closed(t);
        }
        return closed;
    }

    private void close(VoteId vote) {
        switch (vote.kind()) {
            case VoteId.ELECTION -> closeElection(vote.electionNumber());
            case VoteId.REFERENDUM -> closeReferendum(vote.subject());
            default -> closeTally(vote);
        }
    }

    /**
     * G6, G9: counts election {@code n}; when it elects anyone, the sitting committee's seats end
     * and the elected take theirs (the first such election dissolves the transitional committee).
     */
    private void closeElection(long n) {
        closeTally(VoteId.election(n));
        List<ElectionCount.Candidate> standing = new ArrayList<>();
        for (RecordKey k : b.keys(GovernanceKeys.candidacies(n), MAX_CANDIDATES)) {
            Records.Candidacy c = Records.Candidacy.decode(b.record(k).orElseThrow());
            if (c.standing() == Records.Standing.ACTIVE) {
                standing.add(new ElectionCount.Candidate(GovernanceKeys.trailingAddress(k), c.order(), c.votes()));
            }
        }
        reserveSplit(n, standing);
        ElectionCount count = ElectionCount.count(standing, p);
        Records.Election e = b.election(n).orElseThrow();
        boolean held = !count.elected().isEmpty();
        if (held) {
            for (RecordKey k : b.keys(GovernanceKeys.seats(), MAX_CANDIDATES)) {
                Records.Seat s = Records.Seat.decode(b.record(k).orElseThrow());
                if (s.seated()) {
                    b.put(k, s.with(Records.Standing.ENDED, b.height()).encode());
                }
            }
            for (ElectionCount.Candidate c : count.elected()) {
                b.seat(
                        c.address(),
                        new Records.Seat(Records.SeatKind.ELECTED, n, b.height(), Records.Standing.ACTIVE, b.height()));
            }
        }
        b.put(
                GovernanceKeys.election(n),
                new Records.Election(
                                n,
                                e.nominationStart(),
                                e.votingStart(),
                                e.closesAt(),
                                true,
                                b.height(),
                                count.elected(),
                                count.runnersUp())
                        .encode());
        // an election with no standing candidate elects no one: the sitting committee stays (decision 45)
        b.put(GovernanceKeys.meta(), new Records.Meta(n + 1, held ? n : b.meta().lastHeldElection()).encode());
        long interval = p.daysMillis(p.electionIntervalDays());
        long next = Math.addExact(e.closesAt(), interval);
        if (next <= b.time()) {
            // a chain that ran no block for a whole interval (a devnet started long after its genesis)
            // skips the elections it missed: the next one closes at the first slot after now
            next = Math.addExact(next, Math.multiplyExact((b.time() - next) / interval + 1, interval));
        }
        schedule(b, n + 1, next);
    }

    /**
     * G11: if more than half of all seated members voted the same split of the reserve's votes in
     * election {@code n}, the reserve's balance at the close is added to the standing candidates
     * by it (rounding down).
     */
    private void reserveSplit(long n, List<ElectionCount.Candidate> standing) {
        java.util.Map<Address, BallotSplit> internal = new java.util.HashMap<>();
        for (RecordKey k : b.keys(GovernanceKeys.memberVotes(VoteId.election(n)), MAX_CANDIDATES)) {
            internal.put(
                    GovernanceKeys.trailingAddress(k),
                    new BallotSplit(
                            Records.MemberVote.decode(b.record(k).orElseThrow()).shares()));
        }
        Optional<BallotSplit> split = CommitteeDecision.split(b.seated(), internal);
        if (split.isEmpty()) {
            return;
        }
        long[] votes = split.get().votes(b.balance(b.reserve()));
        for (int i = 0; i < votes.length; i++) {
            Address cand = split.get().shares().get(i).candidate();
            for (int j = 0; j < standing.size(); j++) {
                ElectionCount.Candidate c = standing.get(j);
                if (c.address().equals(cand)) {
                    standing.set(
                            j,
                            new ElectionCount.Candidate(
                                    c.address(), c.candidacyOrder(), Math.addExact(c.votes(), votes[i])));
                }
            }
        }
    }

    /**
     * G12, G33: publishes statement {@code id} once more than half of all members seated now
     * approved it; a published statement about a proposal is the committee's response to it, if
     * it is the first.
     */
    void publishIfApproved(Hash id) {
        Records.Statement st = b.statement(id).orElseThrow();
        if (st.published()) {
            return;
        }
        java.util.Set<Address> seated = b.seated();
        long approving = 0;
        for (RecordKey k : b.keys(GovernanceKeys.approvals(id), MAX_CANDIDATES)) {
            if (seated.contains(GovernanceKeys.trailingAddress(k))) {
                approving++;
            }
        }
        if (!CommitteeDecision.majority(approving, seated.size())) {
            return;
        }
        b.put(GovernanceKeys.statement(id), st.publishedAt(b.height(), b.time()).encode());
        if (st.aboutProposal() && b.response(st.subject()).isEmpty()) {
            b.put(GovernanceKeys.response(st.subject()), new Records.Response(id, b.time()).encode());
        }
    }

    /**
     * Writes election {@code n} closing at {@code closesAt} (G7): nomination, then voting from an
     * epoch boundary (G2), then the close, each scheduled.
     */
    static void schedule(GovernanceBlock b, long n, long closesAt) {
        GovernanceParams p = b.params();
        long votingStart = Math.min(p.openingBoundary(closesAt - p.daysMillis(p.votingDays())), closesAt - 1);
        long nominationStart = closesAt - p.daysMillis(p.votingDays() + p.nominationDays());
        Records.Election e =
                new Records.Election(n, nominationStart, votingStart, closesAt, false, 0, List.of(), List.of());
        b.put(GovernanceKeys.election(n), e.encode());
        VoteId vote = VoteId.election(n);
        b.put(
                GovernanceKeys.tally(vote),
                Records.Tally.pending(vote, votingStart, closesAt).encode());
        b.put(GovernanceKeys.schedule(votingStart, false, vote), new byte[] {1});
        b.put(GovernanceKeys.schedule(closesAt, true, vote), new byte[] {1});
    }

    /** G35, G36, G37: judges a referendum at its close. */
    private void closeReferendum(Hash id) {
        Records.Tally t = closeTally(VoteId.referendum(id));
        Records.Proposal pr = b.proposal(id).orElseThrow();
        // G11: the reserve votes as one bloc, in the direction more than half of all seated members chose
        java.util.Set<Address> seated = b.seated();
        java.util.Map<Address, Vote> internal = new java.util.HashMap<>();
        for (RecordKey k : b.keys(GovernanceKeys.memberVotes(VoteId.referendum(id)), MAX_CANDIDATES)) {
            Address m = GovernanceKeys.trailingAddress(k);
            internal.put(
                    m,
                    Vote.values()[
                            Records.MemberVote.decode(b.record(k).orElseThrow()).choice()]);
        }
        Vote direction = CommitteeDecision.direction(seated, internal);
        long reserve = direction == Vote.ABSTAIN ? 0 : b.balance(b.reserve());
        b.put(GovernanceKeys.bloc(id), new Records.Bloc(direction.ordinal(), reserve).encode());
        long yes = direction == Vote.YES ? Math.addExact(t.total(0), reserve) : t.total(0);
        long no = direction == Vote.NO ? Math.addExact(t.total(1), reserve) : t.total(1);
        ReferendumResult r = ReferendumResult.of(pr.kind(), yes, no, t.total(2), p);
        long effective = 0;
        if (r.passed() && pr.kind() == ProposalKind.PARAMETER) {
            java.util.Map<String, Long> changes = new java.util.LinkedHashMap<>();
            pr.changes().forEach(c -> changes.put(c.name(), c.value()));
            try {
                b.context().params().changed(changes);
                effective = Math.addExact(b.height(), p.parameterDelayBlocks());
                b.changeParams(new GovernanceBlock.ParamsChange(effective, changes));
            } catch (global.cas.rejection.RejectedException e) {
                // the parameters changed since it was posted and these values no longer fit: it
                // stands as passed, and is not executed (effective height 0)
            }
        }
        if (r.passed() && pr.kind() == ProposalKind.VALIDATOR_SET) {
            try {
                ValidatorChanges.apply(b.context().validators(), pr.changes());
                effective = Math.addExact(b.height(), p.parameterDelayBlocks());
                b.changeValidators(new GovernanceBlock.ValidatorChange(effective, pr.changes()));
            } catch (global.cas.rejection.RejectedException e) {
                // the set changed since it was posted and these changes would leave it empty:
                // it stands as passed, and is not executed (effective height 0)
            }
        }
        Records.Stage stage = r.passed() ? Records.Stage.PASSED : Records.Stage.FAILED;
        b.put(
                GovernanceKeys.proposal(id),
                pr.closed(stage, b.height(), effective).encode());
    }

    /** G32–G34: the support of a proposal this block changed, latched against the thresholds. */
    void observeSupport(VoteId support) {
        Records.Tally t = b.tally(support).orElseThrow();
        if (!t.open()) {
            return;
        }
        Hash id = support.subject();
        Records.Proposal pr = b.proposal(id).orElseThrow();
        SupportLatch latch = pr.latch().observe(t.total(0), b.time(), p);
        if (latch.equals(pr.latch())) {
            return;
        }
        Records.Proposal next = pr.with(latch);
        if (latch.referendumOpened() && !pr.latch().referendumOpened()) {
            long opens = nextBoundary(b.time());
            long closes = Math.addExact(opens, p.daysMillis(pr.referendumDays()));
            next = next.referendum(opens, closes);
            VoteId ref = VoteId.referendum(id);
            b.put(
                    GovernanceKeys.tally(ref),
                    Records.Tally.pending(ref, opens, closes).encode());
            b.put(GovernanceKeys.schedule(opens, false, ref), new byte[] {1});
            b.put(GovernanceKeys.schedule(closes, true, ref), new byte[] {1});
            closeTally(support);
        }
        b.put(GovernanceKeys.proposal(id), next.encode());
    }

    /** The first epoch boundary strictly after {@code time} (G2: votes open only at boundaries). */
    long nextBoundary(long time) {
        return Math.addExact(time - time % p.epochMillis(), p.epochMillis());
    }

    /** G8: fills the committee up to the minimum from the last election's runners-up who still qualify. */
    void refillSeats() {
        Records.Meta meta = b.meta();
        if (!meta.transitionalDissolved()) {
            return;
        }
        long n = meta.lastHeldElection();
        Optional<Records.Election> last = b.election(n);
        if (last.isEmpty()) {
            return;
        }
        List<Address> seated = new ArrayList<>();
        java.util.Set<Address> lostThisTerm = new java.util.HashSet<>();
        for (RecordKey k : b.keys(GovernanceKeys.seats(), MAX_CANDIDATES)) {
            Records.Seat s = Records.Seat.decode(b.record(k).orElseThrow());
            Address a = GovernanceKeys.trailingAddress(k);
            if (s.seated()) {
                seated.add(a);
            } else if (s.standing() == Records.Standing.LOST && s.election() == n) {
                lostThisTerm.add(a);
            }
        }
        if (seated.size() >= p.minSeats()) {
            return;
        }
        List<Address> after = ElectionCount.refill(
                seated,
                last.get().runnersUp(),
                a -> !lostThisTerm.contains(a)
                        && b.candidacy(n, a)
                                .map(c -> c.standing() == Records.Standing.ACTIVE)
                                .orElse(false)
                        && p.qualifies(b.balance(a)),
                p.minSeats());
        for (Address a : after.subList(seated.size(), after.size())) {
            b.seat(a, new Records.Seat(Records.SeatKind.ELECTED, n, b.height(), Records.Standing.ACTIVE, b.height()));
        }
    }

    /** Removes up to {@link #MAX_PRUNED_PER_BLOCK} checkpoints of the oldest epoch no open vote needs. */
    void pruneCheckpoints() {
        List<RecordKey> first = b.keys(GovernanceKeys.prunes(), 1);
        if (first.isEmpty()) {
            return;
        }
        long epoch = GovernanceKeys.epochOf(first.get(0));
        List<RecordKey> keys = b.keys(GovernanceKeys.checkpoints(epoch), MAX_PRUNED_PER_BLOCK);
        for (RecordKey k : keys) {
            b.remove(k);
        }
        if (keys.size() < MAX_PRUNED_PER_BLOCK) {
            b.remove(first.get(0));
        }
    }
}
