package global.cas.consensus;

import global.cas.crypto.Hash;
import global.cas.validators.ValidatorSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tendermint's consensus for one node (arXiv 1807.04938, Algorithm 1), height by height, as a pure
 * state machine: {@link #startHeight} and {@link #handle} return the {@link Output}s the input
 * caused; nothing else happens. The rules are the paper's, named by its line numbers:
 *
 * <ul>
 *   <li>11: a round starts; its proposer proposes its valid value (with its round as proof of lock)
 *       or asks the driver for a new block; everyone else waits for the propose timeout.
 *   <li>22, 28: on the proposal, prevote it if it is valid and this node is not locked on another
 *       block (or the proposal carries a proof of lock at or after its lock), else prevote nil.
 *   <li>34, 47: more than 2/3 prevotes (precommits) of any value start the prevote (precommit) timeout.
 *   <li>36: more than 2/3 prevotes for the proposal: lock on it and precommit it; it is the valid value.
 *   <li>44: more than 2/3 prevotes for nil: precommit nil.
 *   <li>49: the proposal of any round and more than 2/3 precommits for it: decide.
 *   <li>55: messages of a later round from more than 1/3 of the power: go to that round.
 *   <li>57, 61, 65: the timeouts: prevote nil, precommit nil, next round.
 * </ul>
 *
 * <p>A node that does not sign at a height ({@code self = -1}) follows: it counts votes and decides, and
 * never asks to sign. Own votes fed back restore what this node did (after a restart, from its
 * write-ahead log): it never asks to sign a second vote of a kind in a round, and an own precommit
 * for a block restores the lock. Inputs of other heights are ignored (the driver buffers the next
 * height's). Not thread-safe: its driver calls it from one thread.
 */
public final class Tendermint {
    private final Timeouts timeouts;

    private int self = -1;
    private long height;
    private ValidatorSet validators;
    private ProposerSchedule proposers;
    private int round;
    private Step step;
    private Hash lockedValue;
    private int lockedRound;
    private Hash validValue;
    private int validRound;
    private boolean decided;
    private final Map<Integer, RoundState> rounds = new HashMap<>();
    private final List<Output> out = new ArrayList<>();

    public Tendermint(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** Everything this node knows of one round of the current height. */
    private static final class RoundState {
        Proposal proposal;
        boolean proposalValid;
        final VoteTally prevotes = new VoteTally();
        final VoteTally precommits = new VoteTally();
        final Set<Integer> senders = new HashSet<>();
        long sendersPower;
        boolean sentProposal;
        boolean sentPrevote;
        boolean sentPrecommit;
        boolean prevoteTimeoutStarted;
        boolean precommitTimeoutStarted;
        boolean lockRuleFired;
    }

    /**
     * Starts {@code height} at round 0 with the validators in force there.
     *
     * @param self this node's index in {@code validators}, or -1 when it does not sign at this
     *     height (not a validator, or its write-ahead log shows it signed at a later height)
     */
    public List<Output> startHeight(long height, ValidatorSet validators, int self) {
        if (height < 1) {
            throw new IllegalArgumentException("consensus starts at height 1 or later");
        }
        this.height = height;
        this.self = self;
        this.validators = validators;
        this.proposers = new ProposerSchedule(validators);
        this.lockedValue = null;
        this.lockedRound = -1;
        this.validValue = null;
        this.validRound = -1;
        this.decided = false;
        this.rounds.clear();
        startRound(0);
        evaluate();
        return drain();
    }

    /** Handles one input; returns what it caused. */
    public List<Output> handle(Input input) {
        if (validators == null) {
            throw new IllegalStateException("startHeight first");
        }
        switch (input) {
            case Input.ProposalReceived p -> onProposal(p.proposal(), p.valid());
            case Input.VoteReceived v -> onVote(v.vote());
            case Input.TimeoutFired t -> onTimeout(t);
            case Input.ProposalBuilt b -> onBuilt(b);
        }
        evaluate();
        return drain();
    }

    public long height() {
        return height;
    }

    public int round() {
        return round;
    }

    public Step step() {
        return step;
    }

    public boolean decided() {
        return decided;
    }

    /** The block this node is locked on, if any, and the round it locked in (-1 if none). */
    public Optional<Hash> lockedValue() {
        return Optional.ofNullable(lockedValue);
    }

    public int lockedRound() {
        return lockedRound;
    }

    public ValidatorSet validators() {
        return validators;
    }

    /** The proposer of {@code round} at the current height. */
    public int proposer(int round) {
        return proposers.proposer(height, round);
    }

    private boolean isValidator() {
        return self >= 0 && self < validators.size();
    }

    private RoundState state(int r) {
        return rounds.computeIfAbsent(r, k -> new RoundState());
    }

    private boolean quorum(long power) {
        return 3 * power > 2 * validators.totalPower();
    }

    private boolean moreThanThird(long power) {
        return 3 * power > validators.totalPower();
    }

    private List<Output> drain() {
        List<Output> o = List.copyOf(out);
        out.clear();
        return o;
    }

    // ---- inputs

    private void onProposal(Proposal p, boolean valid) {
        if (p.height() != height || decided) {
            return;
        }
        if (p.proposer() != proposers.proposer(height, p.round())) {
            return;
        }
        RoundState rs = state(p.round());
        if (rs.proposal != null) {
            return; // the first proposal of a round counts; a second one is the proposer's fault
        }
        rs.proposal = p;
        rs.proposalValid = valid;
        if (p.proposer() == self) {
            rs.sentProposal = true;
        }
        sender(rs, p.proposer());
    }

    private void onVote(Vote v) {
        if (v.height() != height || v.validator() >= validators.size()) {
            return;
        }
        RoundState rs = state(v.round());
        long power = validators.get(v.validator()).power();
        VoteTally tally = v.type() == VoteType.PREVOTE ? rs.prevotes : rs.precommits;
        Optional<Vote> conflict = tally.add(v, power);
        if (conflict.isPresent()) {
            out.add(new Output.Equivocation(conflict.get(), v));
            return;
        }
        sender(rs, v.validator());
        if (v.validator() == self) {
            restoreOwn(v, rs);
        }
    }

    /** An own vote fed back (at once, or replayed from the write-ahead log after a restart). */
    private void restoreOwn(Vote v, RoundState rs) {
        if (v.type() == VoteType.PREVOTE) {
            rs.sentPrevote = true;
            if (v.round() == round && step == Step.PROPOSE) {
                step = Step.PREVOTE;
            }
        } else {
            rs.sentPrevote = true;
            rs.sentPrecommit = true;
            if (!v.isNil() && v.round() > lockedRound) {
                lockedValue = v.value();
                lockedRound = v.round();
            }
            if (v.round() == round && step != Step.PRECOMMIT) {
                step = Step.PRECOMMIT;
            }
        }
        if (v.round() > round && !decided) {
            startRound(v.round());
        }
    }

    private void sender(RoundState rs, int validator) {
        if (rs.senders.add(validator)) {
            rs.sendersPower += validators.get(validator).power();
        }
    }

    private void onTimeout(Input.TimeoutFired t) {
        if (t.height() != height || t.round() != round || decided) {
            return;
        }
        switch (t.step()) {
            case PROPOSE -> {
                if (step == Step.PROPOSE) {
                    prevote(Vote.NIL); // line 57
                }
            }
            case PREVOTE -> {
                if (step == Step.PREVOTE) {
                    precommit(Vote.NIL); // line 61
                }
            }
            case PRECOMMIT -> startRound(round + 1); // line 65
        }
    }

    private void onBuilt(Input.ProposalBuilt b) {
        RoundState rs = state(round);
        if (b.height() != height || b.round() != round || decided || step != Step.PROPOSE || rs.sentProposal) {
            return;
        }
        if (!isValidator() || proposers.proposer(height, round) != self) {
            return;
        }
        rs.sentProposal = true;
        out.add(new Output.SendProposal(height, round, b.value(), -1));
    }

    // ---- the rules

    private void startRound(int r) {
        round = r;
        step = Step.PROPOSE;
        RoundState rs = state(r);
        if (isValidator() && proposers.proposer(height, r) == self && !rs.sentProposal) {
            if (validValue != null) {
                rs.sentProposal = true;
                out.add(new Output.SendProposal(height, r, validValue, validRound));
            } else {
                out.add(new Output.BuildProposal(height, r));
            }
        }
        out.add(new Output.ScheduleTimeout(Step.PROPOSE, height, r, timeouts.of(Step.PROPOSE, r)));
    }

    private void prevote(Hash value) {
        RoundState rs = state(round);
        step = Step.PREVOTE;
        if (isValidator() && !rs.sentPrevote) {
            rs.sentPrevote = true;
            out.add(new Output.SendVote(VoteType.PREVOTE, height, round, value));
        }
    }

    private void precommit(Hash value) {
        RoundState rs = state(round);
        step = Step.PRECOMMIT;
        if (isValidator() && !rs.sentPrecommit) {
            rs.sentPrecommit = true;
            out.add(new Output.SendVote(VoteType.PRECOMMIT, height, round, value));
        }
    }

    /** Applies rules until none fires. Each rule fires at most once per round, so this ends. */
    private void evaluate() {
        boolean fired = true;
        while (fired && !decided) {
            fired = decide()
                    || skipRound()
                    || prevoteProposal()
                    || prevoteProofOfLock()
                    || startPrevoteTimeout()
                    || lock()
                    || precommitNil()
                    || startPrecommitTimeout();
        }
    }

    /** Line 49. */
    private boolean decide() {
        for (Map.Entry<Integer, RoundState> e : rounds.entrySet()) {
            RoundState rs = e.getValue();
            if (rs.proposal == null) {
                continue;
            }
            Hash v = rs.proposal.value();
            if (!quorum(rs.precommits.powerFor(v))) {
                continue;
            }
            if (!rs.proposalValid) {
                out.add(new Output.Halt(
                        HaltCause.STATE_DIFFERS,
                        "More than two thirds of the voting power precommitted block " + v.hex()
                                + " at height " + height + ", round " + e.getKey()
                                + ", which this node finds invalid: its state differs from theirs."));
                decided = true;
                return true;
            }
            decided = true;
            out.add(new Output.Decide(height, e.getKey(), v, rs.precommits.votesFor(v)));
            return true;
        }
        return false;
    }

    /** Line 55. */
    private boolean skipRound() {
        int target = -1;
        for (Map.Entry<Integer, RoundState> e : rounds.entrySet()) {
            if (e.getKey() > round && e.getKey() > target && moreThanThird(e.getValue().sendersPower)) {
                target = e.getKey();
            }
        }
        if (target < 0) {
            return false;
        }
        startRound(target);
        return true;
    }

    /** Line 22. */
    private boolean prevoteProposal() {
        RoundState rs = state(round);
        if (step != Step.PROPOSE || rs.proposal == null || rs.proposal.polRound() != -1) {
            return false;
        }
        Hash v = rs.proposal.value();
        prevote(rs.proposalValid && (lockedRound == -1 || v.equals(lockedValue)) ? v : Vote.NIL);
        return true;
    }

    /** Line 28. */
    private boolean prevoteProofOfLock() {
        RoundState rs = state(round);
        if (step != Step.PROPOSE || rs.proposal == null) {
            return false;
        }
        int vr = rs.proposal.polRound();
        if (vr < 0 || vr >= round) {
            return false;
        }
        Hash v = rs.proposal.value();
        RoundState pol = rounds.get(vr);
        if (pol == null || !quorum(pol.prevotes.powerFor(v))) {
            return false;
        }
        prevote(rs.proposalValid && (lockedRound <= vr || v.equals(lockedValue)) ? v : Vote.NIL);
        return true;
    }

    /** Line 34. */
    private boolean startPrevoteTimeout() {
        RoundState rs = state(round);
        if (step != Step.PREVOTE || rs.prevoteTimeoutStarted || !quorum(rs.prevotes.power())) {
            return false;
        }
        rs.prevoteTimeoutStarted = true;
        out.add(new Output.ScheduleTimeout(Step.PREVOTE, height, round, timeouts.of(Step.PREVOTE, round)));
        return true;
    }

    /** Line 36. */
    private boolean lock() {
        RoundState rs = state(round);
        if (step == Step.PROPOSE || rs.lockRuleFired || rs.proposal == null || !rs.proposalValid) {
            return false;
        }
        Hash v = rs.proposal.value();
        if (!quorum(rs.prevotes.powerFor(v))) {
            return false;
        }
        rs.lockRuleFired = true;
        if (step == Step.PREVOTE) {
            lockedValue = v;
            lockedRound = round;
            precommit(v);
        }
        validValue = v;
        validRound = round;
        return true;
    }

    /** Line 44. */
    private boolean precommitNil() {
        RoundState rs = state(round);
        if (step != Step.PREVOTE || !quorum(rs.prevotes.powerFor(Vote.NIL))) {
            return false;
        }
        precommit(Vote.NIL);
        return true;
    }

    /** Line 47. */
    private boolean startPrecommitTimeout() {
        RoundState rs = state(round);
        if (rs.precommitTimeoutStarted || !quorum(rs.precommits.power())) {
            return false;
        }
        rs.precommitTimeoutStarted = true;
        out.add(new Output.ScheduleTimeout(Step.PRECOMMIT, height, round, timeouts.of(Step.PRECOMMIT, round)));
        return true;
    }
}
