package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.Transaction;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C5, C6: a block made elsewhere is checked completely, and a refused block leaves the state alone. */
class BlockValidationTest {
    private TestNode node;
    private Block valid;
    private TestBlocks.Snapshot before;

    @BeforeEach
    void setUp() {
        node = new TestNode();
        List<Transaction> txs = List.of(
                TestChain.pay(
                        TestChain.funded(1),
                        TestChain.genesisOutput(node.state(), 1),
                        TestChain.funded(2).address(),
                        Amounts.cas(7),
                        10),
                TestBlocks.proof(node.tip(), TestKeys.key(20).address()));
        valid = node.build(txs).block();
        before = TestBlocks.snapshot(node.state());
    }

    private void refused(Block b, Reason reason) {
        ChainTip tip = node.tip();
        assertThatThrownBy(() -> node.validate(b))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(TestBlocks.snapshot(node.state())).as("state unchanged").isEqualTo(before);
        assertThat(node.tip()).isEqualTo(tip);
    }

    private BlockHeader header(Block b, long height, Hash prev, long time, Hash txRoot, Hash stateRoot) {
        BlockHeader h = b.header();
        return TestBlocks.headerLike(valid.header(), h.chainId(), height, prev, time, h.proposer(), txRoot, stateRoot);
    }

    @Test
    @DisplayName("C6: the valid block executes to the state root its header claims")
    void validBlock() {
        ExecutedBlock e = node.validate(valid);
        assertThat(e.tip().stateRoot()).isEqualTo(valid.header().stateRoot());
        assertThat(e.tip().hash()).isEqualTo(valid.hash());
        assertThat(TestBlocks.snapshot(node.state()))
                .as("execute does not commit")
                .isEqualTo(before);
    }

    @Test
    @DisplayName(
            "C6: a block with a wrong state root is BAD_STATE_ROOT and the state it was executed against is unchanged")
    void wrongStateRoot() {
        Block bad = TestBlocks.resigned(
                valid, valid.header().withStateRoot(Hash.sha256(new byte[] {1})), TestChain.validator());
        refused(bad, Reason.BAD_STATE_ROOT);
        Block zero = TestBlocks.resigned(valid, valid.header().withStateRoot(Hash.ZERO), TestChain.validator());
        refused(zero, Reason.BAD_STATE_ROOT);
    }

    @Test
    @DisplayName("C6: a block whose transactions do not match its transactions root is BAD_TRANSACTIONS_ROOT")
    void wrongTransactionsRoot() {
        BlockHeader h = valid.header();
        Block dropped = new Block(h, valid.transactions().subList(0, 1), valid.lastCommit());
        refused(dropped, Reason.BAD_TRANSACTIONS_ROOT);
        Block reordered = new Block(
                h, List.of(valid.transactions().get(1), valid.transactions().get(0)), valid.lastCommit());
        refused(reordered, Reason.BAD_TRANSACTIONS_ROOT);
        BlockHeader otherRoot =
                header(valid, h.height(), h.previousHash(), h.time(), Hash.sha256(new byte[] {2}), h.stateRoot());
        refused(TestBlocks.resigned(valid, otherRoot, TestChain.validator()), Reason.BAD_TRANSACTIONS_ROOT);
    }

    @Test
    @DisplayName("C6: a block proposed by a key that is not a validator is BAD_PROPOSER")
    void nonValidator() {
        KeyPair stranger = TestKeys.key(30);
        BlockHeader h = valid.header();
        BlockHeader byStranger = TestBlocks.headerLike(
                valid.header(),
                h.chainId(),
                h.height(),
                h.previousHash(),
                h.time(),
                stranger.address(),
                h.transactionsRoot(),
                h.stateRoot());
        refused(new Block(byStranger, valid.transactions(), valid.lastCommit()), Reason.BAD_PROPOSER);
    }

    @Test
    @DisplayName("C5: a block whose time does not grow past its parent's is BAD_BLOCK_TIME")
    void timeMustGrow() {
        BlockHeader h = valid.header();
        ChainTip tip = node.tip();
        for (long t : new long[] {tip.time(), tip.time() - 1, 0}) {
            BlockHeader back = header(valid, h.height(), h.previousHash(), t, h.transactionsRoot(), h.stateRoot());
            refused(TestBlocks.resigned(valid, back, TestChain.validator()), Reason.BAD_BLOCK_TIME);
        }
    }

    @Test
    @DisplayName("C5: one millisecond after the parent is late enough (the root does not depend on time)")
    void timeOneMsLater() {
        BlockHeader h = valid.header();
        BlockHeader soon =
                header(valid, h.height(), h.previousHash(), node.tip().time() + 1, h.transactionsRoot(), h.stateRoot());
        Block b = TestBlocks.resigned(valid, soon, TestChain.validator());
        assertThat(node.validate(b).tip().time()).isEqualTo(node.tip().time() + 1);
    }

    @Test
    @DisplayName("C6: a block at another height, on another parent or for another chain is refused")
    void wrongPlace() {
        BlockHeader h = valid.header();
        refused(
                TestBlocks.resigned(
                        valid,
                        header(valid, h.height() + 1, h.previousHash(), h.time(), h.transactionsRoot(), h.stateRoot()),
                        TestChain.validator()),
                Reason.BAD_BLOCK_HEIGHT);
        refused(
                TestBlocks.resigned(
                        valid,
                        header(
                                valid,
                                h.height(),
                                Hash.sha256(new byte[] {4}),
                                h.time(),
                                h.transactionsRoot(),
                                h.stateRoot()),
                        TestChain.validator()),
                Reason.BAD_PREVIOUS_HASH);
        BlockHeader otherChain = TestBlocks.headerLike(
                valid.header(),
                "cas-other-1",
                h.height(),
                h.previousHash(),
                h.time(),
                h.proposer(),
                h.transactionsRoot(),
                h.stateRoot());
        refused(TestBlocks.resigned(valid, otherChain, TestChain.validator()), Reason.WRONG_CHAIN);
    }

    @Test
    @DisplayName("C6: executing a valid block twice gives the same result; the second block after it links on")
    void deterministicAndLinked() {
        ExecutedBlock a = node.validate(valid);
        ExecutedBlock b = node.executor().validate(node.chainState(), valid, false);
        assertThat(b.tip()).isEqualTo(a.tip());
        assertThat(b.delta()).isEqualTo(a.delta());
        node.commit(a);
        ExecutedBlock next = node.produce(List.of());
        assertThat(next.block().header().previousHash()).isEqualTo(valid.hash());
        assertThat(next.tip().height()).isEqualTo(2);
        assertThat(next.tip().stateRoot()).isNotEqualTo(a.tip().stateRoot());
    }
}
