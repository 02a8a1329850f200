package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.MiningProof;
import global.cas.ledger.RewardSchedule;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * S3, S4, L2: after any sequence of blocks, with and without mining proofs and transfers, the minted
 * total is the genesis issue plus the rewards paid, never above the cap, and the balances are exactly
 * the sums of the unspent outputs.
 */
class SupplyPropertyTest {
    private static final int KEYS = 15; // 0 = validator, 1..10 funded, 11..14 start empty

    /** One transfer to attempt: from key, to key, a seed for the amount, and whether to also try spending its input again. */
    record TxPlan(int from, int to, long amountSeed, boolean doubleSpend) {}

    /** One block: whether a miner submits a proof (and which), and the transfers offered. */
    record BlockPlan(boolean proof, int minerKey, List<TxPlan> txs) {}

    @Provide
    Arbitrary<List<BlockPlan>> blocks() {
        Arbitrary<TxPlan> tx = Combinators.combine(
                        Arbitraries.integers().between(0, KEYS - 1),
                        Arbitraries.integers().between(0, KEYS - 1),
                        Arbitraries.longs().greaterOrEqual(0),
                        Arbitraries.of(true, false, false, false))
                .as(TxPlan::new);
        Arbitrary<BlockPlan> block = Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, KEYS - 1),
                        tx.list().ofMaxSize(3))
                .as(BlockPlan::new);
        return block.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Long> startFrozen() {
        return Arbitraries.oneOf(
                Arbitraries.just(ChainParams.FROZEN), Arbitraries.longs().between(0, 300 * 100_000_000L));
    }

    @Property(tries = 60)
    @Label(
            "S3: minted total = genesis + paid rewards ≤ cap, paid never above the frozen pool; L2: balances = sums of unspent outputs")
    void supplyAndBalances(@ForAll("blocks") List<BlockPlan> plan, @ForAll("startFrozen") long startFrozen) {
        TestNode node = new TestNode();
        node.setTip(TestBlocks.withFrozen(node.tip(), startFrozen));
        ChainParams params = TestChain.params();
        RewardSchedule schedule = new RewardSchedule(
                params.initialBlockReward(), params.halvingInterval(), params.minerShareBasisPoints());
        long expectedPaid = 0;
        checkInvariants(node, startFrozen, expectedPaid);
        for (BlockPlan b : plan) {
            List<Transaction> candidates = new ArrayList<>();
            for (TxPlan t : b.txs()) {
                candidates.addAll(transfers(node, t));
            }
            if (b.proof()) {
                candidates.add(
                        TestBlocks.proof(node.tip(), TestKeys.key(b.minerKey()).address()));
            }
            long frozenBefore = node.tip().frozenRemaining();
            long feesExpected = 0;
            ExecutedBlock done = node.produce(candidates);
            boolean hadProof = false;
            for (Transaction tx : done.block().transactions()) {
                if (tx.action() instanceof MiningProof) {
                    hadProof = true;
                } else {
                    feesExpected += tx.fee();
                }
            }
            // S6: a proof pays its fee out of the miner's reward, so with too little left frozen it is refused
            boolean rewardCoversFee =
                    schedule.payout(done.tip().height(), frozenBefore, true).miner() >= TestBlocks.proofFee();
            assertThat(hadProof).isEqualTo(b.proof() && rewardCoversFee);
            RewardSchedule.Payout payout = schedule.payout(done.tip().height(), frozenBefore, hadProof);
            assertThat(payout.total()).isLessThanOrEqualTo(frozenBefore);
            expectedPaid += payout.total();
            assertThat(frozenBefore - done.tip().frozenRemaining()).isEqualTo(payout.total());
            long rewardOutputs = done.delta().created().stream()
                    .filter(u -> u.ref().txId().equals(node.rewardId(done.tip().height())))
                    .mapToLong(u -> u.output().amount())
                    .sum();
            assertThat(rewardOutputs)
                    .as("S4/S6: reward outputs = released reward + fees")
                    .isEqualTo(payout.total() + feesExpected);
            checkInvariants(node, startFrozen, expectedPaid);
        }
    }

    private static void checkInvariants(TestNode node, long startFrozen, long expectedPaid) {
        ChainTip tip = node.tip();
        long paid = startFrozen - tip.frozenRemaining();
        assertThat(tip.frozenRemaining()).isNotNegative();
        assertThat(paid).isEqualTo(expectedPaid).isNotNegative().isLessThanOrEqualTo(startFrozen);
        Map<BalanceKey, Long> fromOutputs = new HashMap<>();
        long minted = 0;
        for (UnspentOutput u : node.state().allUnspent()) {
            fromOutputs.merge(
                    new BalanceKey(u.output().owner(), u.output().asset()),
                    u.output().amount(),
                    Math::addExact);
            if (u.output().asset().isCas()) {
                minted = Math.addExact(minted, u.output().amount());
            }
        }
        assertThat(minted).as("S3: minted = genesis + paid").isEqualTo(ChainParams.GENESIS_ISSUE + paid);
        assertThat(minted).as("S1: never above the cap").isLessThanOrEqualTo(ChainParams.SUPPLY_CAP);
        assertThat(node.state().balances())
                .as("L2: balances = sums of unspent outputs")
                .isEqualTo(fromOutputs);
        long sumBalances = node.state().balances().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(sumBalances).isEqualTo(minted);
        for (int i = 0; i < KEYS; i++) {
            Address a = TestKeys.key(i).address();
            assertThat(node.state().balance(a, AssetId.CAS))
                    .isEqualTo(fromOutputs.getOrDefault(new BalanceKey(a, AssetId.CAS), 0L));
        }
    }

    /** The planned transfer (and its double spend) from the sender's largest output, or nothing when it cannot pay. */
    private static List<Transaction> transfers(TestNode node, TxPlan t) {
        KeyPair from = TestKeys.key(t.from());
        Address to = TestKeys.key(t.to()).address();
        long fee = TestChain.MIN_FEE_PER_BYTE * 300;
        UnspentOutput biggest = node.state().unspentOf(from.address()).stream()
                .max(Comparator.comparingLong(u -> u.output().amount()))
                .orElse(null);
        if (biggest == null || biggest.output().amount() <= fee + 1) {
            return List.of();
        }
        long amount = 1 + t.amountSeed() % (biggest.output().amount() - fee);
        long expiry = node.tip().height() + 1;
        Transaction first = TestChain.pay(from, biggest, to, amount, expiry);
        if (!t.doubleSpend()) {
            return List.of(first);
        }
        long other = amount > 1 ? amount - 1 : amount;
        return List.of(first, TestChain.pay(from, biggest, TestKeys.key(0).address(), other, expiry));
    }
}
