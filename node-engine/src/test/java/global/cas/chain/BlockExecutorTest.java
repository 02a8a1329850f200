package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.LedgerState;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** S4, S6, L1, L2: what building and executing a block does to the ledger and the frozen pool. */
class BlockExecutorTest {
    private final KeyPair alice = TestChain.funded(1);
    private final Address bob = TestChain.funded(2).address();
    private final Address carol = TestChain.funded(3).address();
    private final Address packer = TestChain.validator().address();
    private final Address miner = TestKeys.key(20).address();
    private final ChainParams params = TestChain.params();

    private long packerShare() {
        return params.initialBlockReward() - params.initialBlockReward() * params.minerShareBasisPoints() / 10_000;
    }

    private long minerShare() {
        return params.initialBlockReward() * params.minerShareBasisPoints() / 10_000;
    }

    @Test
    @DisplayName("S4: an empty block pays the packer its share; the miner's share stays frozen")
    void emptyBlock() {
        TestNode node = new TestNode();
        long frozen = node.tip().frozenRemaining();
        node.produce(List.of());
        assertThat(node.state().balance(packer, AssetId.CAS)).isEqualTo(packerShare());
        assertThat(node.tip().frozenRemaining()).isEqualTo(frozen - packerShare());
        assertThat(node.tip().height()).isEqualTo(1);
    }

    @Test
    @DisplayName("S4: a block with a proof releases the whole reward, split between packer and miner")
    void blockWithProof() {
        TestNode node = new TestNode();
        long frozen = node.tip().frozenRemaining();
        node.produce(List.of(TestBlocks.proof(node.tip(), miner)));
        // S6: the proof's fee moves from the miner's share to the packer; nothing is created
        assertThat(node.state().balance(packer, AssetId.CAS)).isEqualTo(packerShare() + TestBlocks.proofFee());
        assertThat(node.state().balance(miner, AssetId.CAS)).isEqualTo(minerShare() - TestBlocks.proofFee());
        assertThat(node.tip().frozenRemaining()).isEqualTo(frozen - params.initialBlockReward());
    }

    @Test
    @DisplayName("S4: reward outputs are named by the block's reward id: index 0 for the packer, 1 for the miner")
    void rewardOutputs() {
        TestNode node = new TestNode();
        node.produce(List.of(TestBlocks.proof(node.tip(), miner)));
        var rewardId = node.rewardId(1);
        UnspentOutput toPacker =
                node.state().unspent(new OutputRef(rewardId, 0)).orElseThrow();
        UnspentOutput toMiner = node.state().unspent(new OutputRef(rewardId, 1)).orElseThrow();
        assertThat(toPacker.output().owner()).isEqualTo(packer);
        assertThat(toMiner.output().owner()).isEqualTo(miner);
        assertThat(toMiner.height()).isEqualTo(1);
        assertThat(node.rewardId(2)).isNotEqualTo(rewardId);
    }

    @Test
    @DisplayName("S4: rewards halve after halvingInterval blocks (small interval chain)")
    void halvingOnChain() {
        ChainParams p = params;
        ChainParams fast = new ChainParams(
                p.chainId(),
                p.network(),
                p.genesisTime(),
                p.blockIntervalMillis(),
                p.minFeePerByte(),
                p.supplyCap(),
                1000,
                2,
                p.minerShareBasisPoints(),
                p.initialTarget(),
                p.maxBlockTransactions(),
                p.committeeReserve(),
                p.committeeReserveAmount(),
                p.allocations(),
                p.validators(),
                p.transitionalCommittee());
        TestNode node = new TestNode(fast);
        long[] expectedPacker = {500, 500, 250, 250, 125};
        for (long want : expectedPacker) {
            long before = node.tip().frozenRemaining();
            node.produce(List.of());
            assertThat(before - node.tip().frozenRemaining())
                    .as("height %d", node.tip().height())
                    .isEqualTo(want);
        }
    }

    @Test
    @DisplayName("S6: every transaction's fee goes to the packer's reward output")
    void feesToPacker() {
        TestNode node = new TestNode();
        Transaction t1 = TestChain.pay(alice, TestChain.genesisOutput(node.state(), 1), bob, Amounts.cas(3), 10);
        Transaction t2 =
                TestChain.pay(TestChain.funded(4), TestChain.genesisOutput(node.state(), 4), carol, Amounts.cas(4), 10);
        ExecutedBlock b = node.produce(List.of(t1, t2));
        assertThat(b.block().transactions()).containsExactly(t1, t2);
        assertThat(node.state().balance(packer, AssetId.CAS)).isEqualTo(packerShare() + t1.fee() + t2.fee());
        UnspentOutput toPacker =
                node.state().unspent(new OutputRef(node.rewardId(1), 0)).orElseThrow();
        assertThat(toPacker.output().amount()).isEqualTo(packerShare() + t1.fee() + t2.fee());
    }

    @Test
    @DisplayName("S6: fees are paid to the packer even after the frozen pool is empty")
    void feesWithoutReward() {
        TestNode node = new TestNode();
        node.setTip(TestBlocks.withFrozen(node.tip(), 0));
        Transaction t = TestChain.pay(alice, TestChain.genesisOutput(node.state(), 1), bob, Amounts.cas(3), 10);
        node.produce(List.of(t, TestBlocks.proof(node.tip(), miner)));
        assertThat(node.state().balance(packer, AssetId.CAS)).isEqualTo(t.fee());
        assertThat(node.state().balance(miner, AssetId.CAS)).isZero();
        assertThat(node.tip().frozenRemaining()).isZero();
    }

    @Test
    @DisplayName("L1: build keeps the first of two transactions spending one output and drops the second")
    void buildDropsSecondSpend() {
        TestNode node = new TestNode();
        UnspentOutput out = TestChain.genesisOutput(node.state(), 1);
        Transaction first = TestChain.pay(alice, out, bob, Amounts.cas(1), 10);
        Transaction second = TestChain.pay(alice, out, carol, Amounts.cas(2), 10);
        ExecutedBlock b = node.produce(List.of(first, second));
        assertThat(b.block().transactions()).containsExactly(first);
        assertThat(node.dropped()).singleElement().satisfies(d -> {
            assertThat(d.transaction()).isEqualTo(second);
            assertThat(d.reason().reason()).isEqualTo(Reason.DOUBLE_SPEND);
        });
        assertThat(node.state().balance(bob, AssetId.CAS)).isEqualTo(Amounts.cas(100_000_001L));
        assertThat(node.state().balance(carol, AssetId.CAS)).isEqualTo(Amounts.cas(100_000_000L));
    }

    @Test
    @DisplayName("L1: execute refuses a block that spends one output in two transactions (DOUBLE_SPEND)")
    void executeRefusesDoubleSpend() {
        TestNode node = new TestNode();
        UnspentOutput out = TestChain.genesisOutput(node.state(), 1);
        List<Transaction> both = List.of(
                TestChain.pay(alice, out, bob, Amounts.cas(1), 10),
                TestChain.pay(alice, out, carol, Amounts.cas(2), 10));
        Block block = TestBlocks.block(node.chainState(), both);
        TestBlocks.Snapshot before = TestBlocks.snapshot(node.state());
        assertThatThrownBy(() -> node.validate(block))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DOUBLE_SPEND));
        assertThat(TestBlocks.snapshot(node.state())).isEqualTo(before);
    }

    @Test
    @DisplayName("L1: an output received in one block is spendable in the next, and the old one is gone")
    void spendAcrossBlocks() {
        TestNode node = new TestNode();
        UnspentOutput out = TestChain.genesisOutput(node.state(), 1);
        Transaction first = TestChain.pay(alice, out, bob, Amounts.cas(10), 10);
        node.produce(List.of(first));
        UnspentOutput received =
                node.state().unspent(new OutputRef(first.id(), 0)).orElseThrow();
        Transaction onward = TestChain.pay(TestChain.funded(2), received, carol, Amounts.cas(4), 10);
        Transaction replay = TestChain.pay(alice, out, carol, Amounts.cas(1), 10);
        node.produce(List.of(onward, replay));
        assertThat(node.dropped())
                .singleElement()
                .satisfies(d -> assertThat(d.reason().reason()).isEqualTo(Reason.UNKNOWN_OUTPUT));
        assertThat(node.state().balance(carol, AssetId.CAS)).isEqualTo(Amounts.cas(100_000_004L));
        assertThat(node.state().unspent(received.ref())).isEmpty();
    }

    @Test
    @DisplayName("L2: after a block every balance equals the sum of its owner's unspent outputs")
    void balancesInStep() {
        TestNode node = new TestNode();
        Transaction t1 = TestChain.pay(alice, TestChain.genesisOutput(node.state(), 1), bob, Amounts.cas(3), 10);
        node.produce(List.of(t1, TestBlocks.proof(node.tip(), miner)));
        LedgerState s = node.state();
        for (Address a : List.of(alice.address(), bob, packer, miner, Genesis.committeeReserveAddress())) {
            long sum = s.unspentOf(a).stream()
                    .filter(u -> u.output().asset().isCas())
                    .mapToLong(u -> u.output().amount())
                    .sum();
            assertThat(s.balance(a, AssetId.CAS)).as(a.toString()).isEqualTo(sum);
        }
        assertThat(s.balance(alice.address(), AssetId.CAS))
                .isEqualTo(Amounts.cas(100_000_000L) - Amounts.cas(3) - t1.fee());
    }

    @Test
    @DisplayName(
            "C6: build and execute agree: another node executing the built block reaches the same tip and state root")
    void buildAndExecuteAgree() {
        TestNode a = new TestNode();
        TestNode b = new TestNode();
        Transaction t = TestChain.pay(alice, TestChain.genesisOutput(a.state(), 1), bob, Amounts.cas(3), 10);
        ExecutedBlock built = a.build(List.of(t, TestBlocks.proof(a.tip(), miner)));
        ExecutedBlock executed = b.validate(Block.decode(built.block().encoded()));
        assertThat(executed.tip()).isEqualTo(built.tip());
        assertThat(executed.delta()).isEqualTo(built.delta());
        assertThat(executed.block().header().stateRoot()).isEqualTo(built.tip().stateRoot());
    }

    @Test
    @DisplayName("C6: the state root changes with the state: two blocks with different transfers have different roots")
    void rootFollowsState() {
        TestNode a = new TestNode();
        TestNode b = new TestNode();
        UnspentOutput out = TestChain.genesisOutput(a.state(), 1);
        ChainTip ta = a.build(List.of(TestChain.pay(alice, out, bob, Amounts.cas(3), 10)))
                .tip();
        ChainTip tb = b.build(List.of(TestChain.pay(alice, out, bob, Amounts.cas(4), 10)))
                .tip();
        ChainTip empty = a.build(List.of()).tip();
        assertThat(ta.stateRoot()).isNotEqualTo(tb.stateRoot()).isNotEqualTo(empty.stateRoot());
    }

    @Test
    @DisplayName("C5: build never goes back in time: a block is at least 1 ms after its parent")
    void buildTimeGrows() {
        TestNode node = new TestNode();
        ChainTip tip = node.tip();
        ExecutedBlock b = node.executor()
                .propose(node.chainState(), List.of(), tip.time() - 5000, TestChain.validator(), d -> {});
        assertThat(b.block().header().time()).isEqualTo(tip.time() + 1);
        ExecutedBlock later =
                node.executor().propose(node.chainState(), List.of(), tip.time() + 700, TestChain.validator(), d -> {});
        assertThat(later.block().header().time()).isEqualTo(tip.time() + 700);
    }

    @Test
    @DisplayName("L1: build respects maxBlockTransactions and leaves the rest for later")
    void blockSizeLimit() {
        ChainParams p = params;
        ChainParams small = p.withMaxBlockTransactions(2);
        TestNode node = new TestNode(small);
        LedgerState s = node.state();
        ChainTip tip = node.tip();
        List<Transaction> txs = List.of(
                TestChain.pay(TestChain.funded(1), TestChain.genesisOutput(s, 1, small), bob, 1000, 10),
                TestChain.pay(TestChain.funded(4), TestChain.genesisOutput(s, 4, small), bob, 1000, 10),
                TestChain.pay(TestChain.funded(5), TestChain.genesisOutput(s, 5, small), bob, 1000, 10));
        ExecutedBlock b = node.build(txs);
        assertThat(b.block().transactions()).containsExactlyElementsOf(txs.subList(0, 2));
        Block tooMany = TestBlocks.block(tip, txs, tip.time() + 1000, Hash.ZERO, TestChain.validator(), small);
        assertThatThrownBy(() -> node.validate(tooMany))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OVERSIZE));
    }
}
