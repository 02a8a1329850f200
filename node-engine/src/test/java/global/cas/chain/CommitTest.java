package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSet;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C3 and C5: what makes a commit, and the block time it gives. */
class CommitTest {
    private static final String CHAIN = TestChain.CHAIN_ID;
    private static final Hash BLOCK = Hash.sha256(new byte[] {7});

    /** Four validators of powers 1, 2, 3, 4 (total 10: a quorum is 7 or more). */
    private final List<KeyPair> keys = List.of(TestKeys.key(30), TestKeys.key(31), TestKeys.key(32), TestKeys.key(33));

    private final ValidatorSet set = new ValidatorSet(List.of(
            new Validator(keys.get(0).publicKey(), 1),
            new Validator(keys.get(1).publicKey(), 2),
            new Validator(keys.get(2).publicKey(), 3),
            new Validator(keys.get(3).publicKey(), 4)));

    private Precommit vote(int index, long timestamp) {
        return Precommit.sign(keys.get(index), index, CHAIN, 5, 0, BLOCK, timestamp);
    }

    private Commit commit(Precommit... votes) {
        return new Commit(5, 0, BLOCK, List.of(votes));
    }

    private static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    @DisplayName("C3: precommits of more than two thirds of the power make a commit; exactly two thirds does not")
    void quorum() {
        // 3 + 4 = 7 of 10 > 2/3
        assertThat(commit(vote(2, 100), vote(3, 101)).verify(CHAIN, 5, BLOCK, set))
                .hasSize(2);
        // 2 + 4 = 6 of 10 < 2/3
        rejected(() -> commit(vote(1, 100), vote(3, 101)).verify(CHAIN, 5, BLOCK, set), Reason.BAD_COMMIT);
        ValidatorSet three = new ValidatorSet(List.of(
                new Validator(keys.get(0).publicKey(), 1),
                new Validator(keys.get(1).publicKey(), 1),
                new Validator(keys.get(2).publicKey(), 1)));
        Precommit a = Precommit.sign(keys.get(0), 0, CHAIN, 5, 0, BLOCK, 1);
        Precommit b = Precommit.sign(keys.get(1), 1, CHAIN, 5, 0, BLOCK, 1);
        // 2 of 3 is exactly two thirds: not more
        rejected(() -> new Commit(5, 0, BLOCK, List.of(a, b)).verify(CHAIN, 5, BLOCK, three), Reason.BAD_COMMIT);
    }

    @Test
    @DisplayName("C3: a precommit counts once, only with a valid signature of this block, height and round")
    void badPrecommits() {
        rejected(() -> commit(vote(3, 100), vote(3, 100), vote(2, 5)).verify(CHAIN, 5, BLOCK, set), Reason.BAD_COMMIT);
        Precommit forged = new Precommit(2, 100, vote(3, 100).signature());
        rejected(() -> commit(forged, vote(3, 100)).verify(CHAIN, 5, BLOCK, set), Reason.BAD_COMMIT);
        Precommit otherBlock = Precommit.sign(keys.get(2), 2, CHAIN, 5, 0, Hash.ZERO, 100);
        rejected(() -> commit(otherBlock, vote(3, 100)).verify(CHAIN, 5, BLOCK, set), Reason.BAD_COMMIT);
        Precommit otherRound = Precommit.sign(keys.get(2), 2, CHAIN, 5, 1, BLOCK, 100);
        rejected(() -> commit(otherRound, vote(3, 100)).verify(CHAIN, 5, BLOCK, set), Reason.BAD_COMMIT);
        rejected(
                () -> commit(new Precommit(9, 1, vote(3, 1).signature())).verify(CHAIN, 5, BLOCK, set),
                Reason.BAD_COMMIT);
        rejected(() -> commit(vote(2, 1), vote(3, 1)).verify(CHAIN, 6, BLOCK, set), Reason.BAD_COMMIT);
        rejected(() -> commit(vote(2, 1), vote(3, 1)).verify("cas-other-1", 5, BLOCK, set), Reason.BAD_COMMIT);
    }

    @Test
    @DisplayName("C5: block time is the voting-power-weighted median of the counted precommits")
    void weightedMedian() {
        // powers 3 (t=100) and 4 (t=300): more than half of 7 is reached at t=300
        assertThat(Commit.weightedMedian(commit(vote(2, 100), vote(3, 300)).verify(CHAIN, 5, BLOCK, set)))
                .isEqualTo(300);
        // powers 1 (t=50), 2 (t=60), 4 (t=70): half of 7 passed only at 70
        assertThat(Commit.weightedMedian(
                        commit(vote(0, 50), vote(1, 60), vote(3, 70)).verify(CHAIN, 5, BLOCK, set)))
                .isEqualTo(70);
        // every validator, out of order: 1@400, 2@100, 3@200, 4@300 -> sorted 100(2) 200(3) 300(4): 2+3 = 5 of 10 is
        // not more than half, 2+3+4 = 9 is
        assertThat(Commit.weightedMedian(commit(vote(0, 400), vote(1, 100), vote(2, 200), vote(3, 300))
                        .verify(CHAIN, 5, BLOCK, set)))
                .isEqualTo(300);
    }

    @Test
    @DisplayName("C5: validators holding less than half the counted power cannot move the block time")
    void faultyMinority() {
        List<Precommit> votes = new ArrayList<>();
        votes.add(vote(3, 1000)); // power 4
        votes.add(vote(2, 1001)); // power 3
        votes.add(vote(0, Long.MAX_VALUE)); // power 1, far in the future
        votes.add(vote(1, 0)); // power 2, at the epoch
        long t = Commit.weightedMedian(new Commit(5, 0, BLOCK, votes).verify(CHAIN, 5, BLOCK, set));
        assertThat(t).isBetween(1000L, 1001L);
    }

    @Test
    @DisplayName("C5: a commit needs at least one precommit, and a lone validator's commit has its own")
    void lone() {
        assertThatThrownBy(() -> Commit.weightedMedian(List.of())).isInstanceOf(IllegalArgumentException.class);
        TestNode node = new TestNode();
        node.produce(List.of());
        assertThat(node.chainState().lastCommit().precommits()).hasSize(1);
    }

    @Test
    @DisplayName("C5: block time strictly grows: the next block's time is its last commit's median, after the tip")
    void strictlyGrows() {
        TestNode node = new TestNode();
        long t = node.tip().time();
        for (int i = 0; i < 5; i++) {
            ExecutedBlock b = node.produce(List.of());
            assertThat(b.block().header().time()).isGreaterThan(t);
            if (b.block().height() > 1) {
                assertThat(b.block().header().time()).isEqualTo(t + 1000);
            }
            t = b.block().header().time();
        }
        // a block whose time is not its last commit's median is refused
        ExecutedBlock good = node.build(List.of());
        BlockHeader.Fields f = good.block().header().fields();
        BlockHeader later = new BlockHeader.Fields(
                        f.chainId(),
                        f.height(),
                        f.previousHash(),
                        f.time() + 1,
                        f.proposer(),
                        f.lastCommitHash(),
                        f.validatorsHash(),
                        f.nextValidatorsHash(),
                        f.paramsHash(),
                        f.evidenceHash(),
                        f.transactionsRoot(),
                        f.stateRoot())
                .seal();
        Block moved = new Block(later, List.of(), good.block().lastCommit());
        rejected(() -> node.validate(moved), Reason.BAD_BLOCK_TIME);
    }

    @Test
    @DisplayName("C3: a commit survives its encoding, and its hash is what the next header names")
    void codec() {
        Commit c = commit(vote(2, 100), vote(3, 300));
        assertThat(Commit.decode(c.encoded())).isEqualTo(c);
        TestNode node = new TestNode();
        node.produce(List.of());
        ExecutedBlock next = node.produce(List.of());
        assertThat(next.block().header().lastCommitHash())
                .isEqualTo(next.block().lastCommit().hash());
        assertThat(next.block().lastCommit().height()).isEqualTo(1);
    }

    @Test
    @DisplayName("C3: the executor's remembered commit gives its time again, and any other commit, the same block's"
            + " included, is verified afresh (a forged one still fails)")
    void rememberedCommit() {
        BlockExecutor executor = new BlockExecutor(new StateMachine(TestChain.params()));
        Commit good = commit(vote(1, 100), vote(2, 200), vote(3, 300));
        long median = executor.verifiedMedian(good, 5, BLOCK, set);
        assertThat(executor.verifiedMedian(good, 5, BLOCK, set)).isEqualTo(median);
        assertThat(executor.verifiedMedian(commit(vote(1, 100), vote(2, 200), vote(3, 300)), 5, BLOCK, set))
                .isEqualTo(median);
        Precommit forged = new Precommit(3, 999, vote(2, 300).signature());
        rejected(
                () -> executor.verifiedMedian(commit(vote(1, 100), vote(2, 200), forged), 5, BLOCK, set),
                Reason.BAD_COMMIT);
        rejected(() -> executor.verifiedMedian(good, 5, Hash.ZERO, set), Reason.BAD_COMMIT);
        rejected(() -> executor.verifiedMedian(good, 6, BLOCK, set), Reason.BAD_COMMIT);
        assertThat(executor.verifiedMedian(good, 5, BLOCK, set)).isEqualTo(median);
    }
}
