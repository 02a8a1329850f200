package global.cas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.ExecutedBlock;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.ledger.ElectionBallot;
import global.cas.records.RecordTree;
import global.cas.testing.GovernanceChain;
import global.cas.testing.TestKeys;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** G38, C6: a ballot is a record under the governance root, and the root is part of the header's state root. */
class BallotReceiptTest {
    @Test
    @DisplayName("G38: a voter proves its ballot, with its weight, against the block header alone")
    void ballotProvenUnderTheStateRoot() {
        GovernanceChain chain = new GovernanceChain();
        Records.Election first = chain.state().election(1).orElseThrow();
        chain.advanceTo(first.nominationStart());
        chain.block(chain.tx(
                TestKeys.key(1), new CandidacyDeclaration(1, new CandidacyDeclaration.Profile("a", "", "", "", ""))));
        chain.advanceTo(first.votingStart());
        var voter = TestKeys.key(2);
        ExecutedBlock b = chain.block(chain.tx(
                voter,
                new ElectionBallot(
                        1, List.of(new ElectionBallot.Share(TestKeys.key(1).address(), 10_000)))));
        var key = GovernanceKeys.ballot(VoteId.election(1), voter.address());
        byte[] ballot = chain.state().records().get(key).orElseThrow();
        assertThat(Records.Ballot.decode(ballot).weight()).isEqualTo(chain.balance(voter));
        var proof = chain.state().records().prove(key);
        var roots = b.tip().roots();
        assertThat(proof.verify(roots.governance(), RecordTree.key(key), Optional.of(RecordTree.value(ballot))))
                .isTrue();
        assertThat(roots.stateRoot()).isEqualTo(b.block().header().stateRoot());
        byte[] forged = Records.Ballot.decode(ballot).withWeight(1).encode();
        assertThat(proof.verify(roots.governance(), RecordTree.key(key), Optional.of(RecordTree.value(forged))))
                .isFalse();
    }

    @Test
    @DisplayName("C6: every governance change moves the state root, and re-executing the block gives the same root")
    void governanceIsInTheStateRoot() {
        GovernanceChain chain = new GovernanceChain();
        Records.Election first = chain.state().election(1).orElseThrow();
        chain.advanceTo(first.nominationStart());
        var before = chain.node().tip().roots();
        chain.block(chain.tx(
                TestKeys.key(1), new CandidacyDeclaration(1, new CandidacyDeclaration.Profile("a", "", "", "", ""))));
        var after = chain.node().tip().roots();
        assertThat(after.governance()).isNotEqualTo(before.governance());
        assertThat(after.governance()).isEqualTo(chain.state().root());
    }
}
