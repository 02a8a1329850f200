package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.consensus.VoteType;
import global.cas.crypto.KeyPair;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestEvidence;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * C4: a block records evidence of double signs; one whose evidence does not hold, or holds a double
 * sign recorded already, is refused with its reason and changes nothing. The test chain's one
 * validator (index 0) is the double signer.
 */
class BlockEvidenceTest {
    private static final KeyPair VALIDATOR = TestChain.validator();

    private TestNode node;

    @BeforeEach
    void setUp() {
        node = new TestNode();
        node.produce(List.of());
    }

    private ExecutedBlock propose(List<DoubleSignEvidence> evidence) {
        return node.executor()
                .propose(node.chainState(), List.of(), evidence, node.tip().time() + 1000, VALIDATOR, d -> {});
    }

    private void refused(Block b, Reason reason) {
        ChainTip tip = node.tip();
        TestBlocks.Snapshot before = TestBlocks.snapshot(node.state());
        assertThatThrownBy(() -> node.validate(b)).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.detail()).isNotBlank();
        });
        assertThat(node.tip()).isEqualTo(tip);
        assertThat(TestBlocks.snapshot(node.state())).isEqualTo(before);
        assertThat(node.chainState().evidence()).isEqualTo(RecordedEvidence.EMPTY);
    }

    private Block emptyBlock() {
        return propose(List.of()).block();
    }

    @Test
    @DisplayName("C4, C6: the proposer records pending evidence; another node validates the block to the same state"
            + " root, which commits to the evidence")
    void recorded() {
        DoubleSignEvidence e = TestEvidence.doubleSign(VALIDATOR, VoteType.PREVOTE, 1, 0, 0);
        ExecutedBlock built = propose(List.of(e));
        assertThat(built.block().evidence()).containsExactly(e);
        ExecutedBlock checked = node.validate(built.block());
        assertThat(checked.tip()).isEqualTo(built.tip());
        assertThat(checked.evidence().contains(e.key())).isTrue();
        assertThat(checked.tip().roots().evidence())
                .isEqualTo(checked.evidence().root());
        assertThat(built.tip().stateRoot())
                .isNotEqualTo(propose(List.of()).tip().stateRoot());
        node.commit(checked);
        assertThat(node.chainState().evidence().contains(e.key())).isTrue();

        // recorded once: the next proposer leaves it out, and a block carrying it again is refused
        assertThat(propose(List.of(e)).block().evidence()).isEmpty();
        refusedAfterCommit(TestEvidence.carrying(emptyBlock(), List.of(e)), Reason.DUPLICATE_EVIDENCE);
    }

    private void refusedAfterCommit(Block b, Reason reason) {
        ChainTip tip = node.tip();
        assertThatThrownBy(() -> node.validate(b))
                .isInstanceOfSatisfying(
                        RejectedException.class, ex -> assertThat(ex.reason()).isEqualTo(reason));
        assertThat(node.tip()).isEqualTo(tip);
    }

    @Test
    @DisplayName("C4: a block with forged evidence is BAD_EVIDENCE: a bad signature, one value twice, an unknown"
            + " validator, a later height")
    void forged() {
        DoubleSignEvidence good = TestEvidence.doubleSign(VALIDATOR, VoteType.PRECOMMIT, 1, 0, 0);
        DoubleSignEvidence badSignature = TestEvidence.doubleSign(TestKeys.key(5), VoteType.PRECOMMIT, 1, 0, 0);
        DoubleSignEvidence sameValue = new DoubleSignEvidence(1, 0, VoteKind.PRECOMMIT, 0, good.first(), good.first());
        DoubleSignEvidence unknownValidator = TestEvidence.doubleSign(VALIDATOR, VoteType.PRECOMMIT, 1, 0, 1);
        DoubleSignEvidence later = TestEvidence.doubleSign(VALIDATOR, VoteType.PRECOMMIT, 3, 0, 0);
        for (DoubleSignEvidence forged : List.of(badSignature, sameValue, unknownValidator, later)) {
            refused(TestEvidence.carrying(emptyBlock(), List.of(forged)), Reason.BAD_EVIDENCE);
            refused(TestEvidence.carrying(emptyBlock(), List.of(good, forged)), Reason.BAD_EVIDENCE);
            assertThat(propose(List.of(forged)).block().evidence())
                    .as("a proposer leaves %s out", forged)
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("C4: a block carrying one double sign twice is DUPLICATE_EVIDENCE; a proposer records it once")
    void twiceInOneBlock() {
        DoubleSignEvidence e = TestEvidence.doubleSign(VALIDATOR, VoteType.PREVOTE, 2, 0, 0);
        refused(TestEvidence.carrying(emptyBlock(), List.of(e, e)), Reason.DUPLICATE_EVIDENCE);
        assertThat(propose(List.of(e, e)).block().evidence()).containsExactly(e);
    }

    @Test
    @DisplayName(
            "C4: evidence whose header does not name it is BAD_HEADER; valid evidence under a state root without it"
                    + " is BAD_STATE_ROOT")
    void committedByTheHeader() {
        DoubleSignEvidence e = TestEvidence.doubleSign(VALIDATOR, VoteType.PREVOTE, 2, 0, 0);
        Block empty = emptyBlock();
        refused(new Block(empty.header(), empty.transactions(), empty.lastCommit(), List.of(e)), Reason.BAD_HEADER);
        Block withEvidence = propose(List.of(e)).block();
        refused(
                new Block(withEvidence.header(), withEvidence.transactions(), withEvidence.lastCommit(), List.of()),
                Reason.BAD_HEADER);
        refused(TestEvidence.carrying(empty, List.of(e)), Reason.BAD_STATE_ROOT);
    }

    @Test
    @DisplayName("C4: a proposer records at most 64 pieces of evidence a block, the rest in later blocks")
    void bounded() {
        java.util.ArrayList<DoubleSignEvidence> many = new java.util.ArrayList<>();
        for (int round = 0; round < DoubleSignEvidence.MAX_PER_BLOCK + 3; round++) {
            many.add(TestEvidence.doubleSign(VALIDATOR, VoteType.PREVOTE, 2, round, 0));
        }
        ExecutedBlock first = propose(many);
        assertThat(first.block().evidence()).hasSize(DoubleSignEvidence.MAX_PER_BLOCK);
        node.commit(node.validate(first.block()));
        assertThat(propose(many).block().evidence()).hasSize(3);
    }
}
