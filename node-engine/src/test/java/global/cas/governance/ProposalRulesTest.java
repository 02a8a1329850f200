package global.cas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.ProposalPosting;
import global.cas.ledger.ProposalSupport;
import global.cas.ledger.ReferendumBallot;
import global.cas.ledger.Transaction;
import global.cas.params.GovernanceParams;
import global.cas.rejection.Reason;
import global.cas.testing.GovernanceChain;
import global.cas.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Proposals on chain (G30–G37): posting, support and its latches, the referendum and its result. */
class ProposalRulesTest {
    private final GovernanceChain chain = new GovernanceChain();

    private static ProposalPosting text(int days) {
        return new ProposalPosting("Fund a block explorer", "The committee pays for one.", 0, List.of(), days);
    }

    private Hash post(KeyPair k, ProposalPosting p) {
        Transaction tx = chain.tx(k, p);
        chain.block(tx);
        return tx.id();
    }

    private Records.Proposal proposal(Hash id) {
        return chain.state().proposal(id).orElseThrow();
    }

    private void support(Hash id, int... keys) {
        for (int k : keys) {
            chain.block(chain.tx(TestKeys.key(k), new ProposalSupport(id, false)));
        }
    }

    private void vote(Hash id, int key, int choice) {
        chain.block(chain.tx(TestKeys.key(key), new ReferendumBallot(id, choice)));
    }

    @Test
    @DisplayName("G30, G31, G35: a proposal's fee, kind, changes and referendum length are checked when posted")
    void postingIsChecked() {
        KeyPair k = TestKeys.key(1);
        assertThat(chain.refusal(chain.tx(k, text(6))).reason()).isEqualTo(Reason.REFERENDUM_PERIOD);
        assertThat(chain.refusal(chain.tx(k, text(31))).reason()).isEqualTo(Reason.REFERENDUM_PERIOD);
        var noChanges = new ProposalPosting("Raise fees", "", 1, List.of(), 7);
        assertThat(chain.refusal(chain.tx(k, noChanges)).reason()).isEqualTo(Reason.MALFORMED);
        var unknown = new ProposalPosting("x", "", 1, List.of(new ProposalPosting.Change("blockReward", 1)), 7);
        assertThat(chain.refusal(chain.tx(k, unknown)).reason()).isEqualTo(Reason.MALFORMED);
        var textWithChanges = new ProposalPosting("x", "", 0, List.of(new ProposalPosting.Change("minSeats", 7)), 7);
        assertThat(chain.refusal(chain.tx(k, textWithChanges)).reason()).isEqualTo(Reason.MALFORMED);
        var badKind = new ProposalPosting("x", "", 9, List.of(), 7);
        assertThat(chain.refusal(chain.tx(k, badKind)).reason()).isEqualTo(Reason.MALFORMED);
        Hash id = post(k, text(7));
        Records.Proposal p = proposal(id);
        assertThat(p.proposer()).isEqualTo(k.address());
        assertThat(p.stage()).isEqualTo(Records.Stage.SUPPORT);
        assertThat(p.supportOpensAt() % GovernanceChain.DAY).isZero();
        assertThat(p.supportOpensAt()).isGreaterThan(p.postedTime());
    }

    @Test
    @DisplayName("G30: a proposal pays at least the posting fee")
    void postingFee() {
        var cheap = new GovernanceParams(
                GovernanceChain.PARAMS.candidacyMinimum(),
                GovernanceChain.PARAMS.electionThreshold(),
                5,
                GovernanceChain.PARAMS.responseSupport(),
                14,
                GovernanceChain.PARAMS.referendumSupport(),
                GovernanceChain.PARAMS.referendumQuorum(),
                GovernanceChain.PARAMS.committeeRulesQuorum(),
                7,
                30,
                GovernanceChain.DAY,
                GovernanceChain.DAY,
                30,
                6,
                6,
                global.cas.ledger.Amounts.cas(1_000),
                10,
                9);
        GovernanceChain expensive = new GovernanceChain(cheap);
        assertThat(expensive.refusal(expensive.tx(TestKeys.key(1), text(7))).reason())
                .isEqualTo(Reason.FEE_BELOW_MINIMUM);
    }

    @Test
    @DisplayName("G2, G32: support opens at the next epoch boundary, and the support's weight is live")
    void supportOpensAtTheBoundary() {
        Hash id = post(TestKeys.key(1), text(7));
        if (chain.time() + 1000 < proposal(id).supportOpensAt()) {
            assertThat(chain.refusal(chain.tx(TestKeys.key(2), new ProposalSupport(id, false)))
                            .reason())
                    .isEqualTo(Reason.OUTSIDE_WINDOW);
        }
        chain.advanceTo(proposal(id).supportOpensAt());
        support(id, 2);
        var t = chain.state().tally(VoteId.support(id)).orElseThrow();
        assertThat(t.total(0)).isEqualTo(chain.balance(TestKeys.key(2)));
        assertThat(chain.refusal(chain.tx(TestKeys.key(3), new ProposalSupport(Hash.ZERO, false)))
                        .reason())
                .isEqualTo(Reason.UNKNOWN_PROPOSAL);
    }

    @Test
    @DisplayName(
            "G33, G32: support above 100,000 CAS makes the committee's response due, and it stays due when support falls")
    void responseLatches() {
        Hash id = post(TestKeys.key(1), text(7));
        chain.advanceTo(proposal(id).supportOpensAt());
        support(id, 2);
        assertThat(proposal(id).latch().responseDue()).isTrue();
        assertThat(proposal(id).latch().referendumOpened()).isFalse();
        chain.block(chain.tx(TestKeys.key(2), new ProposalSupport(id, true)));
        assertThat(chain.state().tally(VoteId.support(id)).orElseThrow().total(0))
                .isZero();
        assertThat(proposal(id).latch().responseDue()).isTrue();
        assertThat(proposal(id).latch().responseDeadline(GovernanceChain.PARAMS).getAsLong())
                .isEqualTo(proposal(id).latch().responseDueSince().getAsLong() + 14 * GovernanceChain.DAY);
    }

    @Test
    @DisplayName(
            "G34, G35: support above 100,000,000 CAS opens a referendum at the next boundary, for the days the proposer chose")
    void referendumOpensByItself() {
        Hash id = post(TestKeys.key(1), text(9));
        chain.advanceTo(proposal(id).supportOpensAt());
        support(id, 2, 3);
        Records.Proposal p = proposal(id);
        assertThat(p.stage()).isEqualTo(Records.Stage.REFERENDUM);
        assertThat(p.referendumOpensAt() % GovernanceChain.DAY).isZero();
        assertThat(p.referendumClosesAt() - p.referendumOpensAt()).isEqualTo(9 * GovernanceChain.DAY);
        assertThat(chain.refusal(chain.tx(TestKeys.key(4), new ProposalSupport(id, false)))
                        .reason())
                .isEqualTo(Reason.OUTSIDE_WINDOW);
    }

    private Hash toReferendum(ProposalPosting posting) {
        Hash id = post(TestKeys.key(1), posting);
        chain.advanceTo(proposal(id).supportOpensAt());
        support(id, 2, 3);
        chain.advanceTo(proposal(id).referendumOpensAt());
        return id;
    }

    @Test
    @DisplayName("G35: with more than the quorum voting and 5·yes > 3·(yes + no) the referendum passes at its close")
    void referendumPasses() {
        Hash id = toReferendum(text(7));
        vote(id, 4, 0);
        vote(id, 5, 0);
        vote(id, 6, 1);
        vote(id, 7, 2);
        chain.advanceTo(proposal(id).referendumClosesAt());
        assertThat(proposal(id).stage()).isEqualTo(Records.Stage.PASSED);
        assertThat(proposal(id).effectiveHeight()).isZero();
        assertThat(GovernanceAudit.recount(chain.state().records(), chain.node().state(), VoteId.referendum(id))
                        .agrees())
                .isTrue();
    }

    @Test
    @DisplayName(
            "G35: yes not above 3/5 of yes + no fails; a referendum at or below the quorum fails; all abstaining fails")
    void referendumFails() {
        Hash ratio = toReferendum(text(7));
        vote(ratio, 4, 0);
        vote(ratio, 5, 1);
        Hash quorum = toReferendum(text(7));
        vote(quorum, 6, 0);
        Hash abstain = toReferendum(text(7));
        vote(abstain, 7, 2);
        vote(abstain, 8, 2);
        chain.advanceTo(proposal(abstain).referendumClosesAt());
        assertThat(proposal(ratio).stage()).isEqualTo(Records.Stage.FAILED);
        // one holder of 100,000,000 alone is below the 150,000,000 quorum of these tests
        assertThat(proposal(quorum).stage()).isEqualTo(Records.Stage.FAILED);
        assertThat(proposal(abstain).stage()).isEqualTo(Records.Stage.FAILED);
    }

    @Test
    @DisplayName("G2, G35: a referendum vote changed and withdrawn before the close counts only as the latest")
    void latestVoteCounts() {
        Hash id = toReferendum(text(7));
        vote(id, 4, 1);
        vote(id, 4, 0);
        var t = chain.state().tally(VoteId.referendum(id)).orElseThrow();
        assertThat(t.total(1)).isZero();
        assertThat(t.total(0)).isEqualTo(chain.balance(TestKeys.key(4)));
        assertThat(t.voters()).isEqualTo(1);
        vote(id, 4, ReferendumBallot.WITHDRAW);
        assertThat(chain.state().tally(VoteId.referendum(id)).orElseThrow().weight())
                .isZero();
        assertThat(chain.refusal(chain.tx(TestKeys.key(4), new ReferendumBallot(id, ReferendumBallot.WITHDRAW)))
                        .reason())
                .isEqualTo(Reason.NOTHING_TO_WITHDRAW);
    }

    @Test
    @DisplayName(
            "G36, G37: a committee-rules proposal needs 2/3 yes over its larger quorum; a passed parameter proposal takes effect at a set height")
    void committeeRulesAndParameters() {
        Hash rules = toReferendum(new ProposalPosting("Seven seats", "", 3, List.of(), 7));
        vote(rules, 4, 0);
        vote(rules, 5, 0);
        chain.advanceTo(proposal(rules).referendumClosesAt());
        // two holders: below the 250,000,000 committee-rules quorum, though 150,000,000 would do for G35
        assertThat(proposal(rules).stage()).isEqualTo(Records.Stage.FAILED);
        Hash param = toReferendum(
                new ProposalPosting("More seats", "", 1, List.of(new ProposalPosting.Change("minSeats", 7)), 7));
        vote(param, 4, 0);
        vote(param, 5, 0);
        chain.advanceTo(proposal(param).referendumClosesAt());
        Records.Proposal p = proposal(param);
        assertThat(p.stage()).isEqualTo(Records.Stage.PASSED);
        assertThat(p.effectiveHeight()).isEqualTo(p.closedHeight() + 10);
        var schedule = chain.node().chainState().params();
        assertThat(schedule.at(p.effectiveHeight() - 1).governance().minSeats()).isEqualTo(5);
        assertThat(schedule.at(p.effectiveHeight()).governance().minSeats()).isEqualTo(7);
        while (chain.height() <= p.effectiveHeight()) {
            chain.block();
        }
        assertThat(chain.height()).isGreaterThan(p.effectiveHeight());
        assertThat(chain.node()
                        .chainState()
                        .params()
                        .at(chain.height() + 1)
                        .governance()
                        .minSeats())
                .isEqualTo(7);
    }

    @Test
    @DisplayName("G31: a parameter proposal whose values make no sense is refused when posted")
    void nonsenseParameters() {
        var zeroSeats = new ProposalPosting("No seats", "", 1, List.of(new ProposalPosting.Change("minSeats", 0)), 7);
        assertThat(chain.refusal(chain.tx(TestKeys.key(1), zeroSeats)).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    @DisplayName(
            "G31, G37: a passed validator-set proposal changes the validator set itself at its effective height, and"
                    + " the chain goes on under the new set; malformed changes are refused when posted")
    void validatorSetChangesAtItsHeight() {
        String self = ValidatorChanges.PREFIX
                + global.cas.testing.TestChain.validator().publicKey().hex();
        String added = ValidatorChanges.PREFIX + TestKeys.key(77).publicKey().hex();
        KeyPair k = TestKeys.key(1);
        var none = new ProposalPosting("Add one", "", 2, List.of(), 7);
        assertThat(chain.refusal(chain.tx(k, none)).reason()).isEqualTo(Reason.MALFORMED);
        var badKey = new ProposalPosting("Add one", "", 2, List.of(new ProposalPosting.Change("validator:xyz", 1)), 7);
        assertThat(chain.refusal(chain.tx(k, badKey)).reason()).isEqualTo(Reason.MALFORMED);
        // the test validator keeps more than 2/3 of the power, so its commits alone still count (C3)
        Hash id = toReferendum(new ProposalPosting(
                "A second validator",
                "",
                2,
                List.of(new ProposalPosting.Change(self, 5), new ProposalPosting.Change(added, 1)),
                7));
        vote(id, 4, 0);
        vote(id, 5, 0);
        chain.advanceTo(proposal(id).referendumClosesAt());
        Records.Proposal p = proposal(id);
        assertThat(p.stage()).isEqualTo(Records.Stage.PASSED);
        assertThat(p.effectiveHeight()).isEqualTo(p.closedHeight() + 10);
        var schedule = chain.node().chainState().validators();
        assertThat(schedule.at(p.effectiveHeight() - 1).size()).isEqualTo(1);
        var after = schedule.at(p.effectiveHeight());
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.totalPower()).isEqualTo(6);
        assertThat(after.contains(TestKeys.key(77).address())).isTrue();
        while (chain.height() <= p.effectiveHeight() + 1) {
            chain.block();
        }
        assertThat(chain.node().chainState().validators().at(chain.height()).size())
                .isEqualTo(2);
    }
}
