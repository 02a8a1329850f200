package global.cas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.ledger.CommitteeElectionSplit;
import global.cas.ledger.CommitteeReferendumVote;
import global.cas.ledger.CommitteeStatement;
import global.cas.ledger.ElectionBallot;
import global.cas.ledger.ProposalPosting;
import global.cas.ledger.ProposalSupport;
import global.cas.ledger.ReferendumBallot;
import global.cas.ledger.StatementApproval;
import global.cas.ledger.Transaction;
import global.cas.rejection.Reason;
import global.cas.testing.GovernanceChain;
import global.cas.testing.TestKeys;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The committee (G11, G12, G33): internal majorities of all seated members, the reserve voting as
 * one bloc, the reserve's election split, statements and the committee's response. The seated
 * committee here is the transitional one, keys 11 to 15.
 */
class CommitteeRulesTest {
    private final GovernanceChain chain = new GovernanceChain();

    private Hash toReferendum() {
        Transaction post = chain.tx(TestKeys.key(1), new ProposalPosting("Fund it", "", 0, List.of(), 7));
        chain.block(post);
        chain.advanceTo(chain.state().proposal(post.id()).orElseThrow().supportOpensAt());
        chain.block(
                chain.tx(TestKeys.key(2), new ProposalSupport(post.id(), false)),
                chain.tx(TestKeys.key(3), new ProposalSupport(post.id(), false)));
        chain.advanceTo(chain.state().proposal(post.id()).orElseThrow().referendumOpensAt());
        return post.id();
    }

    private void internal(Hash id, int member, int choice) {
        chain.block(chain.tx(TestKeys.key(member), new CommitteeReferendumVote(id, choice)));
    }

    private Records.Proposal closed(Hash id) {
        chain.advanceTo(chain.state().proposal(id).orElseThrow().referendumClosesAt());
        return chain.state().proposal(id).orElseThrow();
    }

    @Test
    @DisplayName(
            "G11: with more than half of all seated members for yes, the reserve's whole balance votes yes as one bloc")
    void reserveVotesAsOneBloc() {
        Hash id = toReferendum();
        internal(id, 11, 0);
        internal(id, 12, 0);
        internal(id, 13, 0);
        // one holder alone is below the quorum; the bloc carries it
        chain.block(chain.tx(TestKeys.key(4), new ReferendumBallot(id, 1)));
        assertThat(closed(id).stage()).isEqualTo(Records.Stage.PASSED);
        Records.Bloc bloc = chain.state().bloc(id).orElseThrow();
        assertThat(bloc.direction()).isEqualTo(Vote.YES.ordinal());
        assertThat(bloc.weight()).isEqualTo(global.cas.chain.ChainParams.RESERVE_AT_GENESIS);
    }

    @Test
    @DisplayName(
            "G11: members who did not vote count in the denominator: two of five for yes is no majority, so the bloc abstains")
    void noMajorityAbstains() {
        Hash id = toReferendum();
        internal(id, 11, 0);
        internal(id, 12, 0);
        internal(id, 13, 1);
        chain.block(chain.tx(TestKeys.key(4), new ReferendumBallot(id, 0)));
        assertThat(closed(id).stage()).isEqualTo(Records.Stage.FAILED);
        assertThat(chain.state().bloc(id).orElseThrow()).isEqualTo(new Records.Bloc(Vote.ABSTAIN.ordinal(), 0));
    }

    @Test
    @DisplayName(
            "G10, G11: only a seated member votes internally; a member may change its internal vote, the latest counts")
    void onlyMembersVoteInternally() {
        Hash id = toReferendum();
        assertThat(chain.refusal(chain.tx(TestKeys.key(4), new CommitteeReferendumVote(id, 0)))
                        .reason())
                .isEqualTo(Reason.NOT_MEMBER);
        internal(id, 11, 1);
        internal(id, 11, 0);
        assertThat(chain.state()
                        .memberVote(VoteId.referendum(id), TestKeys.key(11).address())
                        .orElseThrow()
                        .choice())
                .isZero();
        internal(id, 11, CommitteeReferendumVote.WITHDRAW);
        assertThat(chain.state()
                        .memberVote(VoteId.referendum(id), TestKeys.key(11).address()))
                .isEmpty();
    }

    @Test
    @DisplayName(
            "G11: a split of the reserve's votes chosen by more than half of all seated members counts in the election")
    void reserveSplitInElection() {
        var first = chain.state().election(1).orElseThrow();
        chain.advanceTo(first.nominationStart());
        for (int k = 1; k <= 6; k++) {
            chain.block(chain.tx(
                    TestKeys.key(k),
                    new CandidacyDeclaration(1, new CandidacyDeclaration.Profile("c" + k, "", "", "", ""))));
        }
        chain.advanceTo(first.votingStart());
        var split = List.of(new ElectionBallot.Share(TestKeys.key(6).address(), 10_000));
        for (int m = 11; m <= 13; m++) {
            chain.block(chain.tx(TestKeys.key(m), new CommitteeElectionSplit(1, split)));
        }
        chain.advanceTo(first.closesAt());
        var elected = chain.state().election(1).orElseThrow().elected();
        assertThat(elected.get(0).address()).isEqualTo(TestKeys.key(6).address());
        assertThat(elected.get(0).votes()).isEqualTo(global.cas.chain.ChainParams.RESERVE_AT_GENESIS);
    }

    @Test
    @DisplayName(
            "G12, G33: a statement is published once more than half of all seated members approved it; about a proposal, it is the committee's response")
    void statementsAndResponse() {
        Transaction post = chain.tx(TestKeys.key(1), new ProposalPosting("Fund it", "", 0, List.of(), 7));
        chain.block(post);
        chain.advanceTo(chain.state().proposal(post.id()).orElseThrow().supportOpensAt());
        chain.block(chain.tx(TestKeys.key(2), new ProposalSupport(post.id(), false)));
        Records.Proposal due = chain.state().proposal(post.id()).orElseThrow();
        assertThat(due.latch().responseDue()).isTrue();
        Transaction draft = chain.tx(TestKeys.key(11), new CommitteeStatement(0, true, post.id(), "We support it."));
        assertThat(chain.refusal(chain.tx(TestKeys.key(4), new CommitteeStatement(0, true, post.id(), "x")))
                        .reason())
                .isEqualTo(Reason.NOT_MEMBER);
        chain.block(draft);
        assertThat(chain.state().statement(draft.id()).orElseThrow().published())
                .isFalse();
        chain.block(chain.tx(TestKeys.key(12), new StatementApproval(draft.id())));
        assertThat(chain.refusal(chain.tx(TestKeys.key(12), new StatementApproval(draft.id())))
                        .reason())
                .isEqualTo(Reason.ALREADY_EXISTS);
        assertThat(chain.state().statement(draft.id()).orElseThrow().published())
                .isFalse();
        chain.block(chain.tx(TestKeys.key(13), new StatementApproval(draft.id())));
        Records.Statement st = chain.state().statement(draft.id()).orElseThrow();
        assertThat(st.published()).isTrue();
        Records.Response r = chain.state().response(post.id()).orElseThrow();
        assertThat(r.statement()).isEqualTo(draft.id());
        assertThat(due.latch()
                        .overdue(
                                chain.time() + 100 * GovernanceChain.DAY,
                                OptionalLong.of(r.time()),
                                GovernanceChain.PARAMS))
                .isFalse();
        assertThat(due.latch()
                        .overdue(
                                due.latch()
                                                .responseDeadline(GovernanceChain.PARAMS)
                                                .getAsLong()
                                        + 1,
                                OptionalLong.empty(),
                                GovernanceChain.PARAMS))
                .isTrue();
        assertThat(chain.refusal(chain.tx(TestKeys.key(14), new StatementApproval(draft.id())))
                        .reason())
                .isEqualTo(Reason.OUTSIDE_WINDOW);
    }
}
