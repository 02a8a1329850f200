package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.ledger.AssetId;
import global.cas.ledger.BlockScope;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.ledger.CandidacyWithdrawal;
import global.cas.ledger.CommitteeElectionSplit;
import global.cas.ledger.CommitteeReferendumVote;
import global.cas.ledger.CommitteeStatement;
import global.cas.ledger.ElectionBallot;
import global.cas.ledger.EnvelopeTerms;
import global.cas.ledger.GovernanceAction;
import global.cas.ledger.LedgerView;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Owner;
import global.cas.ledger.ProposalPosting;
import global.cas.ledger.ProposalSupport;
import global.cas.ledger.ReferendumBallot;
import global.cas.ledger.ReserveSpend;
import global.cas.ledger.ReserveSpendApproval;
import global.cas.ledger.StatementApproval;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.params.GovernanceParams;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.List;
import java.util.Set;

/**
 * The governance module's rules for its actions (G4, G5, G30–G35): {@link #check} finds every
 * reason to refuse against the block's governance view (a {@link GovernanceBlock} already begun,
 * so the windows are those of the block's time) and {@link #apply} then cannot fail. The actor is
 * the transaction's one signer, who pays its fee. Thread-safe (stateless).
 */
public final class GovernanceHandler {
    /** The parameters a {@code parameter} proposal may change (G31), by name. */
    public static final Set<String> PARAMETERS = ChangeableParameters.NAMES;

    /** The checks that need no state: one signer, well-formed fields. */
    public void checkStateless(Transaction tx, GovernanceAction action) {
        if (tx.witnesses().size() != 1) {
            throw new RejectedException(
                    Reason.SINGLE_SIGNER,
                    "A " + action.kindName() + " is signed by exactly one address, the one acting.");
        }
        if (tx.inputs().isEmpty()) {
            throw new RejectedException(Reason.MALFORMED, "A governance action pays its fee from at least one input.");
        }
        switch (action) {
            case CandidacyDeclaration c -> {
                if (c.profile().name().isBlank()) {
                    throw new RejectedException(Reason.MALFORMED, "A candidacy needs the candidate's name (G4).");
                }
            }
            case ElectionBallot b -> {
                if (!b.withdraws()) {
                    split(b);
                }
            }
            case ProposalPosting p -> {
                if (p.title().isBlank()) {
                    throw new RejectedException(Reason.MALFORMED, "A proposal needs a title (G30).");
                }
                ProposalKind kind = kind(p);
                if (kind == ProposalKind.PARAMETER && p.changes().isEmpty()) {
                    throw new RejectedException(
                            Reason.MALFORMED, "A parameter proposal names the exact changes it makes (G30).");
                }
                if (kind == ProposalKind.VALIDATOR_SET) {
                    ValidatorChanges.check(p.changes());
                    return;
                }
                if (kind != ProposalKind.PARAMETER && !p.changes().isEmpty()) {
                    throw new RejectedException(
                            Reason.MALFORMED, "Only a parameter or validator-set proposal lists changes.");
                }
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (ProposalPosting.Change ch : p.changes()) {
                    if (!PARAMETERS.contains(ch.name())) {
                        throw new RejectedException(
                                Reason.MALFORMED,
                                "'" + ch.name() + "' is not a parameter a proposal may change (G31).");
                    }
                    if (!seen.add(ch.name()) || ch.value() < 0) {
                        throw new RejectedException(
                                Reason.MALFORMED,
                                "A parameter proposal changes each parameter once, to a value of 0 or more.");
                    }
                }
            }
            case CommitteeElectionSplit c -> {
                if (!c.shares().isEmpty()) {
                    split(c.shares());
                }
            }
            case CommitteeStatement c -> {
                if (c.text().isBlank()) {
                    throw new RejectedException(Reason.MALFORMED, "A committee statement needs its text (G12).");
                }
            }
            case CandidacyWithdrawal w -> {}
            case ProposalSupport s -> {}
            case ReferendumBallot r -> {}
            case CommitteeReferendumVote v -> {}
            case StatementApproval a -> {}
            case ReserveSpend r -> {
                if (r.purpose() != ReserveSpend.OPERATIONS && r.purpose() != ReserveSpend.LIQUIDITY) {
                    throw new RejectedException(
                            Reason.RESERVE_PURPOSE,
                            "The reserve pays only (a) the infrastructure's operating costs or (b) liquidity for a"
                                    + " tokenization on its issuer's request; purpose " + r.purpose()
                                    + " is neither (G20).");
                }
                if (r.amount() <= 0) {
                    throw new RejectedException(Reason.NON_POSITIVE_AMOUNT, "A reserve spend pays more than zero.");
                }
                if (r.purpose() == ReserveSpend.OPERATIONS && r.memo().isBlank()) {
                    throw new RejectedException(
                            Reason.RESERVE_PURPOSE,
                            "A spend for operating costs says in its memo what it pays for (G20).");
                }
                if (r.purpose() == ReserveSpend.LIQUIDITY && r.issuance().isEmpty()) {
                    throw new RejectedException(
                            Reason.RESERVE_PURPOSE,
                            "A spend for liquidity names the token issuance it is for (G20, T12).");
                }
            }
            case ReserveSpendApproval a -> {}
        }
    }

    /** A governance action pays its fee from its inputs like a transfer. */
    public EnvelopeTerms terms(Transaction tx, GovernanceAction action) {
        return EnvelopeTerms.SPENDS;
    }

    /** The address acting: the one signer. */
    public static Address actor(Transaction tx) {
        return Address.of(tx.witnesses().get(0).key());
    }

    /** Checks {@code action} against {@code gov} (begun for the block) and {@code ledger}; changes nothing. */
    public void check(
            Transaction tx, GovernanceAction action, LedgerView ledger, GovernanceBlock gov, BlockScope scope) {
        Address actor = actor(tx);
        GovernanceParams p = gov.params();
        long time = gov.context().time();
        switch (action) {
            case CandidacyDeclaration c -> {
                Records.Election e = currentElection(gov, c.election());
                if (!e.nominating(time)) {
                    throw outside(
                            "Candidacies in election " + c.election() + " are declared during its nomination window.");
                }
                if (gov.candidacy(c.election(), actor).isPresent()) {
                    throw new RejectedException(
                            Reason.ALREADY_CANDIDATE,
                            actor + " already declared candidacy in election " + c.election() + ".");
                }
                long after = balanceAfter(tx, actor, ledger);
                if (!p.qualifies(after)) {
                    throw new RejectedException(
                            Reason.BELOW_CANDIDACY_MINIMUM,
                            "A candidate holds at least " + p.candidacyMinimum() + " base units; " + actor
                                    + " would hold " + after + " (G4).");
                }
            }
            case CandidacyWithdrawal w -> {
                Records.Election e = currentElection(gov, w.election());
                if (time >= e.closesAt()) {
                    throw outside("Election " + w.election() + " has closed.");
                }
                boolean standing = gov.candidacy(w.election(), actor)
                        .map(x -> x.standing() == Records.Standing.ACTIVE)
                        .orElse(false);
                if (!standing) {
                    throw new RejectedException(
                            Reason.NOTHING_TO_WITHDRAW,
                            actor + " has no standing candidacy in election " + w.election() + ".");
                }
            }
            case ElectionBallot b -> {
                currentElection(gov, b.election());
                VoteId vote = VoteId.election(b.election());
                openTally(gov, vote, "Election " + b.election() + " is not in its voting window.");
                if (b.withdraws()) {
                    hasBallot(gov, vote, actor);
                } else {
                    for (ElectionBallot.Share s : b.shares()) {
                        boolean standing = gov.candidacy(b.election(), s.candidate())
                                .map(x -> x.standing() == Records.Standing.ACTIVE)
                                .orElse(false);
                        if (!standing) {
                            throw new RejectedException(
                                    Reason.NOT_CANDIDATE,
                                    s.candidate() + " is not a standing candidate in election " + b.election()
                                            + " (G5).");
                        }
                    }
                }
            }
            case ProposalPosting pp -> {
                if (pp.referendumDays() < p.referendumMinDays() || pp.referendumDays() > p.referendumMaxDays()) {
                    throw new RejectedException(
                            Reason.REFERENDUM_PERIOD,
                            "A referendum lasts between " + p.referendumMinDays() + " and " + p.referendumMaxDays()
                                    + " days, not " + pp.referendumDays() + " (G35).");
                }
                if (kind(pp) == ProposalKind.VALIDATOR_SET) {
                    // G37: the set in force now, changed so, keeps at least one validator
                    ValidatorChanges.apply(gov.context().validators(), pp.changes());
                } else if (!pp.changes().isEmpty()) {
                    java.util.Map<String, Long> changes = new java.util.LinkedHashMap<>();
                    pp.changes().forEach(c -> changes.put(c.name(), c.value()));
                    gov.context().params().changed(changes);
                }
                if (tx.fee() < p.proposalFee()) {
                    throw new RejectedException(
                            Reason.FEE_BELOW_MINIMUM,
                            "Posting a proposal costs a fee of at least " + p.proposalFee() + " base units (G30).");
                }
            }
            case ProposalSupport s -> {
                Records.Proposal pr = proposal(gov, s.proposal());
                if (pr.stage() != Records.Stage.SUPPORT) {
                    throw outside(
                            "Proposal " + s.proposal() + " no longer gathers support: its referendum stands (G34).");
                }
                VoteId vote = VoteId.support(s.proposal());
                openTally(
                        gov, vote, "Support for proposal " + s.proposal() + " opens at the next epoch boundary (G2).");
                if (s.withdraw()) {
                    hasBallot(gov, vote, actor);
                }
            }
            case ReferendumBallot r -> {
                proposal(gov, r.proposal());
                VoteId vote = VoteId.referendum(r.proposal());
                openTally(gov, vote, "The referendum on proposal " + r.proposal() + " is not open (G35).");
                if (r.choice() == ReferendumBallot.WITHDRAW) {
                    hasBallot(gov, vote, actor);
                }
            }
            case CommitteeReferendumVote v -> {
                member(gov, actor);
                proposal(gov, v.proposal());
                VoteId vote = VoteId.referendum(v.proposal());
                openTally(gov, vote, "The referendum on proposal " + v.proposal() + " is not open (G11).");
                if (v.choice() == CommitteeReferendumVote.WITHDRAW
                        && gov.memberVote(vote, actor).isEmpty()) {
                    throw new RejectedException(Reason.NOTHING_TO_WITHDRAW, actor + " has no internal vote here.");
                }
            }
            case CommitteeElectionSplit c -> {
                member(gov, actor);
                currentElection(gov, c.election());
                VoteId vote = VoteId.election(c.election());
                openTally(gov, vote, "Election " + c.election() + " is not in its voting window (G11).");
                if (c.shares().isEmpty() && gov.memberVote(vote, actor).isEmpty()) {
                    throw new RejectedException(Reason.NOTHING_TO_WITHDRAW, actor + " has no internal vote here.");
                }
                for (ElectionBallot.Share s : c.shares()) {
                    standingCandidate(gov, c.election(), s.candidate());
                }
            }
            case CommitteeStatement c -> {
                member(gov, actor);
                if (c.aboutProposal()) {
                    proposal(gov, c.subject());
                }
            }
            case ReserveSpend r -> {
                member(gov, actor);
                if (r.purpose() == ReserveSpend.LIQUIDITY) {
                    // T12: no token module yet, so no issuance can have asked for the reserve's liquidity
                    throw new RejectedException(
                            Reason.RESERVE_PURPOSE,
                            "Issuance " + r.issuance().orElseThrow() + " is not a token issuance whose issuer asked"
                                    + " for the reserve's liquidity (G20, T12); this chain has no token issuances.");
                }
                if (r.recipient().equals(gov.reserve()) || !(ledger.owner(r.recipient()) instanceof Owner.Key)) {
                    throw new RejectedException(
                            Reason.RESERVE_PURPOSE,
                            "A reserve spend pays a key's address, not " + r.recipient() + " (G20).");
                }
                reserveHolds(gov, ledger, r.amount());
            }
            case ReserveSpendApproval a -> {
                member(gov, actor);
                ReserveRecords.Spend sp = gov.reserveSpend(a.spend())
                        .orElseThrow(() -> new RejectedException(
                                Reason.NOT_FOUND, "No reserve spend " + a.spend() + " was asked for."));
                if (sp.paid()) {
                    throw outside("Reserve spend " + a.spend() + " is already paid (G20).");
                }
                if (gov.record(GovernanceKeys.spendApproval(a.spend(), actor)).isPresent()) {
                    throw new RejectedException(
                            Reason.ALREADY_EXISTS, actor + " already approved reserve spend " + a.spend() + ".");
                }
                reserveHolds(gov, ledger, sp.amount());
            }
            case StatementApproval a -> {
                member(gov, actor);
                Records.Statement st = gov.statement(a.statement())
                        .orElseThrow(() -> new RejectedException(
                                Reason.NOT_FOUND, "No committee statement " + a.statement() + " was drafted."));
                if (st.published()) {
                    throw outside("Statement " + a.statement() + " is already published (G12).");
                }
                if (gov.record(GovernanceKeys.approval(a.statement(), actor)).isPresent()) {
                    throw new RejectedException(
                            Reason.ALREADY_EXISTS, actor + " already approved statement " + a.statement() + ".");
                }
            }
        }
    }

    /** Applies an action that passed {@link #check} as the block's transaction {@code index}. */
    public void apply(Transaction tx, GovernanceAction action, int index, GovernanceBlock gov) {
        Address actor = actor(tx);
        long height = gov.context().height();
        switch (action) {
            case CandidacyDeclaration c -> {
                long order = (height << 20) | index;
                var key = GovernanceKeys.candidacy(c.election(), actor);
                gov.put(key, new Records.Candidacy(c.profile(), order, Records.Standing.ACTIVE, height, 0).encode());
                gov.watch(actor, key);
            }
            case CandidacyWithdrawal w ->
                gov.put(
                        GovernanceKeys.candidacy(w.election(), actor),
                        gov.candidacy(w.election(), actor)
                                .orElseThrow()
                                .withStanding(Records.Standing.WITHDRAWN, height)
                                .encode());
            case ElectionBallot b -> {
                VoteId vote = VoteId.election(b.election());
                if (b.withdraws()) {
                    gov.withdraw(vote, actor);
                } else {
                    gov.cast(vote, actor, split(b).shares(), 0);
                }
            }
            case ProposalPosting pp -> {
                long time = gov.context().time();
                long opens = new Transitions(gov).nextBoundary(time);
                Records.Proposal pr = new Records.Proposal(
                        actor,
                        pp.title(),
                        pp.text(),
                        kind(pp),
                        pp.changes(),
                        pp.referendumDays(),
                        height,
                        time,
                        opens,
                        SupportLatch.none(),
                        Records.Stage.SUPPORT,
                        0,
                        0,
                        0,
                        0);
                gov.put(GovernanceKeys.proposal(tx.id()), pr.encode());
                VoteId support = VoteId.support(tx.id());
                gov.put(
                        GovernanceKeys.tally(support),
                        Records.Tally.pending(support, opens, Long.MAX_VALUE).encode());
                gov.put(GovernanceKeys.schedule(opens, false, support), new byte[] {1});
            }
            case ProposalSupport s -> {
                VoteId vote = VoteId.support(s.proposal());
                if (s.withdraw()) {
                    gov.withdraw(vote, actor);
                } else {
                    gov.cast(vote, actor, List.of(), 0);
                }
            }
            case ReferendumBallot r -> {
                VoteId vote = VoteId.referendum(r.proposal());
                if (r.choice() == ReferendumBallot.WITHDRAW) {
                    gov.withdraw(vote, actor);
                } else {
                    gov.cast(vote, actor, List.of(), r.choice());
                }
            }
            case CommitteeReferendumVote v ->
                memberVote(
                        gov,
                        VoteId.referendum(v.proposal()),
                        actor,
                        List.of(),
                        v.choice(),
                        v.choice() == CommitteeReferendumVote.WITHDRAW);
            case CommitteeElectionSplit c ->
                memberVote(
                        gov,
                        VoteId.election(c.election()),
                        actor,
                        c.shares().isEmpty() ? List.of() : split(c.shares()).shares(),
                        0,
                        c.shares().isEmpty());
            case CommitteeStatement c -> {
                gov.put(
                        GovernanceKeys.statement(tx.id()),
                        new Records.Statement(
                                        actor, c.kind(), c.aboutProposal(), c.subject(), c.text(), height, false, 0, 0)
                                .encode());
                gov.put(GovernanceKeys.approval(tx.id(), actor), Records.encodeBalance(height));
                new Transitions(gov).publishIfApproved(tx.id());
            }
            case StatementApproval a -> {
                gov.put(GovernanceKeys.approval(a.statement(), actor), Records.encodeBalance(height));
                new Transitions(gov).publishIfApproved(a.statement());
            }
            case ReserveSpend r -> {
                gov.put(
                        GovernanceKeys.reserveSpend(tx.id()),
                        new ReserveRecords.Spend(
                                        actor,
                                        r.purpose(),
                                        r.recipient(),
                                        r.amount(),
                                        r.memo(),
                                        r.issuance(),
                                        height,
                                        gov.context().time(),
                                        false,
                                        0,
                                        0)
                                .encode());
                gov.put(GovernanceKeys.spendApproval(tx.id(), actor), Records.encodeBalance(height));
                new Reserve(gov)
                        .payIfApproved(
                                tx.id(),
                                Reserve.afterTransaction(
                                        tx.id(), height, index, tx.outputs().size()));
            }
            case ReserveSpendApproval a -> {
                gov.put(GovernanceKeys.spendApproval(a.spend(), actor), Records.encodeBalance(height));
                new Reserve(gov)
                        .payIfApproved(
                                a.spend(),
                                Reserve.afterTransaction(
                                        tx.id(), height, index, tx.outputs().size()));
            }
        }
    }

    private static void memberVote(
            GovernanceBlock gov,
            VoteId vote,
            Address member,
            List<BallotSplit.Share> shares,
            int choice,
            boolean withdraw) {
        var key = GovernanceKeys.memberVote(vote, member);
        if (withdraw) {
            gov.remove(key);
        } else {
            gov.put(key, new Records.MemberVote(shares, choice, gov.context().height()).encode());
        }
    }

    /** G20: the reserve holds {@code amount} now; a spend it cannot pay is refused, not left pending. */
    private static void reserveHolds(GovernanceBlock gov, LedgerView ledger, long amount) {
        long held = ledger.balance(gov.reserve(), AssetId.CAS);
        if (held < amount) {
            throw new RejectedException(
                    Reason.RESERVE_SHORT,
                    "The reserve holds " + global.cas.ledger.Amounts.format(held) + " CAS, less than the "
                            + global.cas.ledger.Amounts.format(amount) + " CAS asked (G20).");
        }
    }

    private static void member(GovernanceBlock gov, Address actor) {
        if (!gov.seat(actor).map(Records.Seat::seated).orElse(false)) {
            throw new RejectedException(Reason.NOT_MEMBER, actor + " holds no seat on the committee (G11, G12).");
        }
    }

    private static void standingCandidate(GovernanceBlock gov, long election, Address candidate) {
        boolean standing = gov.candidacy(election, candidate)
                .map(x -> x.standing() == Records.Standing.ACTIVE)
                .orElse(false);
        if (!standing) {
            throw new RejectedException(
                    Reason.NOT_CANDIDATE,
                    candidate + " is not a standing candidate in election " + election + " (G5).");
        }
    }

    private static BallotSplit split(ElectionBallot b) {
        return split(b.shares());
    }

    private static BallotSplit split(List<ElectionBallot.Share> shares) {
        return new BallotSplit(shares.stream()
                .map(s -> new BallotSplit.Share(s.candidate(), s.basisPoints()))
                .toList());
    }

    private static ProposalKind kind(ProposalPosting p) {
        if (p.kind() < 0 || p.kind() >= ProposalKind.values().length) {
            throw new RejectedException(Reason.MALFORMED, "Unknown proposal kind " + p.kind() + " (G31).");
        }
        return ProposalKind.values()[p.kind()];
    }

    private static Records.Election currentElection(GovernanceBlock gov, long n) {
        long current = gov.meta().currentElection();
        if (n != current) {
            throw outside("Election " + n + " is not the election under way (" + current + ").");
        }
        return gov.election(n).orElseThrow();
    }

    private static void openTally(GovernanceBlock gov, VoteId vote, String why) {
        if (!gov.tally(vote).map(Records.Tally::open).orElse(false)) {
            throw outside(why);
        }
    }

    private static void hasBallot(GovernanceBlock gov, VoteId vote, Address actor) {
        if (gov.ballot(vote, actor).isEmpty()) {
            throw new RejectedException(Reason.NOTHING_TO_WITHDRAW, actor + " has no vote here to withdraw.");
        }
    }

    private static Records.Proposal proposal(GovernanceBlock gov, global.cas.crypto.Hash id) {
        return gov.proposal(id)
                .orElseThrow(() -> new RejectedException(Reason.UNKNOWN_PROPOSAL, "No proposal " + id + " exists."));
    }

    private static RejectedException outside(String why) {
        return new RejectedException(Reason.OUTSIDE_WINDOW, why);
    }

    /** The actor's CAS balance after the transaction: inputs it owns leave, outputs to it arrive. */
    private static long balanceAfter(Transaction tx, Address actor, LedgerView ledger) {
        long b = ledger.balance(actor, AssetId.CAS);
        for (OutputRef in : tx.inputs()) {
            UnspentOutput u = ledger.unspent(in).orElse(null);
            if (u != null
                    && u.output().owner().equals(actor)
                    && u.output().asset().equals(AssetId.CAS)) {
                b -= u.output().amount();
            }
        }
        for (TxOutput o : tx.outputs()) {
            if (o.owner().equals(actor) && o.asset().equals(AssetId.CAS)) {
                b += o.amount();
            }
        }
        return b;
    }
}
