package global.cas.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C1: the rules of Tendermint's algorithm, one scripted exchange each, on the pure state machine. */
class TendermintTest {
    private final Validators vals = Validators.equal(4);
    private final Hash a = Validators.block("a");
    private final Hash b = Validators.block("b");

    /** A node that is not the proposer of height 1, round 0 (nor of round 1). */
    private int notProposer() {
        ProposerSchedule s = new ProposerSchedule(vals.set);
        for (int i = 0; i < 4; i++) {
            if (i != s.proposer(1, 0) && i != s.proposer(1, 1)) {
                return i;
            }
        }
        throw new AssertionError();
    }

    private static List<Output.SendVote> votes(List<Output> outs) {
        List<Output.SendVote> v = new ArrayList<>();
        for (Output o : outs) {
            if (o instanceof Output.SendVote s) {
                v.add(s);
            }
        }
        return v;
    }

    /** Other validators than {@code self}, enough for a quorum with it (3 of 4). */
    private List<Integer> others(int self) {
        List<Integer> o = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (i != self) {
                o.add(i);
            }
        }
        return o;
    }

    @Test
    @DisplayName("C1: proposal, prevotes and precommits of more than 2/3 decide the block; the node locks on it")
    void decidesOnQuorum() {
        int me = notProposer();
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        List<Output> start = t.startHeight(1, vals.set, me);
        assertThat(start).containsExactly(new Output.ScheduleTimeout(Step.PROPOSE, 1, 0, 1000));

        assertThat(votes(t.handle(vals.proposal(1, 0, a, -1, true))))
                .containsExactly(new Output.SendVote(VoteType.PREVOTE, 1, 0, a));
        t.handle(vals.prevote(me, 1, 0, a));
        List<Integer> o = others(me);
        t.handle(vals.prevote(o.get(0), 1, 0, a));
        assertThat(t.step()).isEqualTo(Step.PREVOTE);
        List<Output> q = t.handle(vals.prevote(o.get(1), 1, 0, a));
        assertThat(votes(q)).containsExactly(new Output.SendVote(VoteType.PRECOMMIT, 1, 0, a));
        assertThat(t.lockedValue()).contains(a);
        assertThat(t.lockedRound()).isZero();

        t.handle(vals.precommit(me, 1, 0, a));
        assertThat(t.handle(vals.precommit(o.get(0), 1, 0, a))).isEmpty();
        List<Output> d = t.handle(vals.precommit(o.get(1), 1, 0, a));
        assertThat(d).singleElement().isInstanceOfSatisfying(Output.Decide.class, dec -> {
            assertThat(dec.value()).isEqualTo(a);
            assertThat(dec.precommits()).hasSize(3);
        });
        assertThat(t.decided()).isTrue();
    }

    @Test
    @DisplayName("C1: an invalid proposal gets a nil prevote; a lone validator decides alone")
    void invalidProposalPrevotesNil() {
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, vals.set, notProposer());
        assertThat(votes(t.handle(vals.proposal(1, 0, a, -1, false))))
                .containsExactly(new Output.SendVote(VoteType.PREVOTE, 1, 0, Vote.NIL));

        Validators solo = Validators.equal(1);
        Tendermint s = new Tendermint(Timeouts.DEFAULT);
        assertThat(s.startHeight(7, solo.set, 0)).contains(new Output.BuildProposal(7, 0));
        assertThat(s.handle(new Input.ProposalBuilt(7, 0, a))).contains(new Output.SendProposal(7, 0, a, -1));
        assertThat(votes(s.handle(solo.proposal(7, 0, a, -1, true)))).hasSize(1);
        assertThat(votes(s.handle(solo.prevote(0, 7, 0, a)))).hasSize(1);
        assertThat(s.handle(solo.precommit(0, 7, 0, a))).singleElement().isInstanceOf(Output.Decide.class);
    }

    @Test
    @DisplayName("C1: the timeouts prevote nil, precommit nil and move to the next round, each growing with the round")
    void timeouts() {
        int me = notProposer();
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, vals.set, me);
        assertThat(votes(t.handle(new Input.TimeoutFired(Step.PROPOSE, 1, 0))))
                .containsExactly(new Output.SendVote(VoteType.PREVOTE, 1, 0, Vote.NIL));
        t.handle(vals.prevote(me, 1, 0, Vote.NIL));
        List<Integer> o = others(me);
        t.handle(vals.prevote(o.get(0), 1, 0, a));
        List<Output> any = t.handle(vals.prevote(o.get(1), 1, 0, b));
        assertThat(any).containsExactly(new Output.ScheduleTimeout(Step.PREVOTE, 1, 0, 500));
        assertThat(votes(t.handle(new Input.TimeoutFired(Step.PREVOTE, 1, 0))))
                .containsExactly(new Output.SendVote(VoteType.PRECOMMIT, 1, 0, Vote.NIL));
        t.handle(vals.precommit(me, 1, 0, Vote.NIL));
        t.handle(vals.precommit(o.get(0), 1, 0, a));
        assertThat(t.handle(vals.precommit(o.get(1), 1, 0, Vote.NIL)))
                .containsExactly(new Output.ScheduleTimeout(Step.PRECOMMIT, 1, 0, 500));
        assertThat(t.handle(new Input.TimeoutFired(Step.PRECOMMIT, 1, 0)))
                .contains(new Output.ScheduleTimeout(Step.PROPOSE, 1, 1, 1500));
        assertThat(t.round()).isEqualTo(1);
        assertThat(t.handle(new Input.TimeoutFired(Step.PROPOSE, 1, 0)))
                .as("a stale timeout of round 0 does nothing")
                .isEmpty();
    }

    @Test
    @DisplayName("C1: more than 2/3 prevotes for nil precommit nil")
    void nilQuorumPrecommitsNil() {
        int me = notProposer();
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, vals.set, me);
        t.handle(vals.proposal(1, 0, a, -1, true));
        List<Integer> o = others(me);
        t.handle(vals.prevote(o.get(0), 1, 0, Vote.NIL));
        t.handle(vals.prevote(o.get(1), 1, 0, Vote.NIL));
        assertThat(votes(t.handle(vals.prevote(o.get(2), 1, 0, Vote.NIL))))
                .containsExactly(new Output.SendVote(VoteType.PRECOMMIT, 1, 0, Vote.NIL));
        assertThat(t.lockedValue()).isEmpty();
    }

    /** Locks {@code t} on {@code a} in round 0, then moves it to round 1 by the precommit timeout. */
    private Tendermint lockedOnA(int me) {
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, vals.set, me);
        t.handle(vals.proposal(1, 0, a, -1, true));
        for (int i : others(me)) {
            t.handle(vals.prevote(i, 1, 0, a));
        }
        assertThat(t.lockedValue()).contains(a);
        t.handle(vals.precommit(me, 1, 0, a));
        List<Integer> o = others(me);
        t.handle(vals.precommit(o.get(0), 1, 0, Vote.NIL));
        t.handle(vals.precommit(o.get(1), 1, 0, Vote.NIL));
        t.handle(new Input.TimeoutFired(Step.PRECOMMIT, 1, 0));
        assertThat(t.round()).isEqualTo(1);
        return t;
    }

    @Test
    @DisplayName("C1: a node locked on a block prevotes nil for another one without a newer proof of lock")
    void lockedRefusesOtherBlock() {
        int me = notProposer();
        Tendermint t = lockedOnA(me);
        assertThat(votes(t.handle(vals.proposal(1, 1, b, -1, true))))
                .containsExactly(new Output.SendVote(VoteType.PREVOTE, 1, 1, Vote.NIL));
    }

    @Test
    @DisplayName("C1: a node locked on a block prevotes another one whose proof of lock is at or after its lock")
    void proofOfLockUnlocks() {
        int me = notProposer();
        Tendermint t = lockedOnA(me);
        t.handle(new Input.TimeoutFired(Step.PROPOSE, 1, 1));
        t.handle(new Input.TimeoutFired(Step.PREVOTE, 1, 1));
        // round 1: the others prevoted b (this node missed it), then round 2 proposes b with polRound 1
        for (int i : others(me)) {
            t.handle(vals.prevote(i, 1, 1, b));
        }
        t.handle(vals.precommit(me, 1, 1, Vote.NIL));
        for (int i : others(me)) {
            t.handle(vals.precommit(i, 1, 1, Vote.NIL));
        }
        t.handle(new Input.TimeoutFired(Step.PRECOMMIT, 1, 1));
        assertThat(t.round()).isEqualTo(2);
        assertThat(votes(t.handle(vals.proposal(1, 2, b, 1, true))))
                .containsExactly(new Output.SendVote(VoteType.PREVOTE, 1, 2, b));
    }

    @Test
    @DisplayName("C1: messages of a later round from more than 1/3 of the power move the node there; 1/3 does not")
    void roundSkip() {
        int me = notProposer();
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, vals.set, me);
        List<Integer> o = others(me);
        t.handle(vals.prevote(o.get(0), 1, 5, Vote.NIL));
        assertThat(t.round()).isZero();
        t.handle(vals.precommit(o.get(1), 1, 5, Vote.NIL));
        assertThat(t.round()).isEqualTo(5);
        assertThat(t.step()).isEqualTo(Step.PROPOSE);
    }

    @Test
    @DisplayName("C1: weighted power: a quorum is more than 2/3 of the power, not of the validators")
    void weightedQuorum() {
        Validators w = new Validators(3, 1, 1, 1);
        int me = 1;
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, w.set, me);
        t.handle(w.proposal(1, 0, a, -1, true));
        t.handle(w.prevote(1, 1, 0, a));
        t.handle(w.prevote(2, 1, 0, a));
        t.handle(w.prevote(3, 1, 0, a));
        assertThat(t.lockedValue()).as("3 of 6 is not more than 2/3").isEmpty();
        t.handle(w.prevote(0, 1, 0, a));
        assertThat(t.lockedValue()).contains(a);
        t.handle(w.precommit(0, 1, 0, a));
        t.handle(w.precommit(1, 1, 0, a));
        assertThat(t.decided()).as("4 of 6 is not more than 2/3").isFalse();
        assertThat(t.handle(w.precommit(2, 1, 0, a))).hasAtLeastOneElementOfType(Output.Decide.class);
    }

    @Test
    @DisplayName("C4: a validator's second, different vote of a round is equivocation, and does not count")
    void equivocation() {
        int me = notProposer();
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, vals.set, me);
        int other = others(me).get(0);
        t.handle(vals.prevote(other, 1, 0, a));
        List<Output> outs = t.handle(vals.prevote(other, 1, 0, b));
        assertThat(outs).singleElement().isInstanceOfSatisfying(Output.Equivocation.class, e -> {
            assertThat(e.first().value()).isEqualTo(a);
            assertThat(e.second().value()).isEqualTo(b);
        });
        assertThat(t.handle(vals.prevote(other, 1, 0, a)))
                .as("a repeat is not equivocation")
                .isEmpty();
    }

    @Test
    @DisplayName("C1: more than 2/3 precommitting a block this node finds invalid halts it instead of deciding")
    void haltsOnInvalidDecision() {
        int me = notProposer();
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, vals.set, me);
        t.handle(vals.proposal(1, 0, a, -1, false));
        List<Output> last = List.of();
        for (int i : others(me)) {
            last = t.handle(vals.precommit(i, 1, 0, a));
        }
        assertThat(last)
                .singleElement()
                .isInstanceOfSatisfying(
                        Output.Halt.class, h -> assertThat(h.cause()).isEqualTo(HaltCause.STATE_DIFFERS));
    }

    @Test
    @DisplayName("C1: an own precommit replayed after a restart restores the lock and is never asked again")
    void ownVotesRestoreState() {
        int me = notProposer();
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, vals.set, me);
        t.handle(vals.prevote(me, 1, 0, a));
        t.handle(vals.precommit(me, 1, 0, a));
        assertThat(t.lockedValue()).contains(a);
        assertThat(t.step()).isEqualTo(Step.PRECOMMIT);
        assertThat(votes(t.handle(vals.proposal(1, 0, a, -1, true)))).isEmpty();
        for (int i : others(me)) {
            assertThat(votes(t.handle(vals.prevote(i, 1, 0, a)))).isEmpty();
        }
    }

    @Test
    @DisplayName("C1: a node outside the validator set follows: it decides from the votes and never votes")
    void followerNeverVotes() {
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        List<Output> all = new ArrayList<>(t.startHeight(1, vals.set, -1));
        all.addAll(t.handle(vals.proposal(1, 0, a, -1, true)));
        all.addAll(t.handle(new Input.TimeoutFired(Step.PROPOSE, 1, 0)));
        for (int i = 0; i < 3; i++) {
            all.addAll(t.handle(vals.precommit(i, 1, 0, a)));
        }
        assertThat(votes(all)).isEmpty();
        assertThat(all).hasAtLeastOneElementOfType(Output.Decide.class);
    }

    @Test
    @DisplayName("C1: a proposal from a validator that is not the round's proposer is ignored")
    void wrongProposerIgnored() {
        int me = notProposer();
        Tendermint t = new Tendermint(Timeouts.DEFAULT);
        t.startHeight(1, vals.set, me);
        int proposer = t.proposer(0);
        int wrong = (proposer + 1) % 4;
        Proposal p = Proposal.sign(vals.keys.get(wrong), Validators.CHAIN, 1, 0, a, -1, wrong);
        assertThat(t.handle(new Input.ProposalReceived(p, true))).isEmpty();
        assertThat(t.step()).isEqualTo(Step.PROPOSE);
    }
}
