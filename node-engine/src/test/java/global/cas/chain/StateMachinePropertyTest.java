package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.KeyPair;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * C6: the state machine is deterministic: a block built by {@code propose} on one node and
 * re-executed by {@code validate} on another, which never saw the transactions before, reaches the
 * same module roots, state root and ledger, block after block, whatever the transactions.
 */
class StateMachinePropertyTest {
    @Property(tries = 40)
    @Label("C6: propose on one node and validate on another give the same state root, block after block")
    void proposeAndValidateAgree(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 1, max = 6) int blocks) {
        Random random = new Random(seed);
        TestNode proposer = new TestNode();
        TestNode follower = new TestNode();
        for (int b = 0; b < blocks; b++) {
            List<Transaction> txs = randomTransactions(proposer, random);
            ExecutedBlock built = proposer.build(txs);
            ExecutedBlock checked = follower.validate(Block.decode(built.block().encoded()));
            assertThat(checked.tip()).isEqualTo(built.tip());
            assertThat(checked.tip().roots()).isEqualTo(built.tip().roots());
            assertThat(checked.delta()).isEqualTo(built.delta());
            proposer.commit(built);
            follower.commit(checked);
            assertThat(TestBlocks.snapshot(follower.state())).isEqualTo(TestBlocks.snapshot(proposer.state()));
        }
    }

    /** Payments between the funded keys (some spending the same output twice), and now and then a proof. */
    private static List<Transaction> randomTransactions(TestNode node, Random random) {
        List<Transaction> txs = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            KeyPair from = TestChain.funded(1 + random.nextInt(10));
            List<UnspentOutput> coins = node.state().unspentOf(from.address()).stream()
                    .filter(u -> u.output().asset().isCas() && u.output().amount() > 1_000_000)
                    .toList();
            if (coins.isEmpty()) {
                continue;
            }
            UnspentOutput coin = coins.get(random.nextInt(coins.size()));
            KeyPair to = random.nextInt(4) == 0
                    ? TestKeys.key(60 + random.nextInt(3))
                    : TestChain.funded(1 + random.nextInt(10));
            long amount = 1 + random.nextLong(coin.output().amount() / 2);
            txs.add(TestChain.pay(from, coin, to.address(), amount, node.tip().height() + 5));
        }
        if (random.nextBoolean()) {
            txs.add(TestBlocks.proof(node.tip(), TestKeys.key(70).address()));
        }
        assertThat(AssetId.CAS.isCas()).isTrue();
        return txs;
    }
}
