package global.cas.store.h2;

import global.cas.chain.BlockExecutor;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.Genesis;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.AssetId;
import global.cas.ledger.LedgerState;
import global.cas.ledger.MiningProof;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.store.ChainStore;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a test chain block by block with the real executor, keeping the in-memory ledger that
 * applied every delta, and commits each block to a store when given one. Not thread-safe.
 */
final class ChainFixture {
    static final long FEE = TestChain.MIN_FEE_PER_BYTE * 300;

    private final TestNode node = new TestNode();
    final BlockExecutor executor = node.executor();
    final LedgerState state = node.state();
    final List<ExecutedBlock> blocks = new ArrayList<>();
    private ChainTip tip;

    /** Commits {@code b} to {@code store} with its commit: genesis's, or the test validator's precommit. */
    static void commit(ChainStore store, ExecutedBlock b) {
        Commit c = b.block().height() == 0 ? Commit.genesis(b.block().hash()) : TestNode.commitOf(b.block());
        store.commit(b, c);
    }

    ExecutedBlock genesis() {
        ExecutedBlock g = Genesis.build(TestChain.params());
        tip = g.tip();
        blocks.add(g);
        return g;
    }

    /** The next block holding exactly {@code txs} (fails the test if the executor drops one). */
    ExecutedBlock next(List<? extends Transaction> txs) {
        int before = node.dropped().size();
        ExecutedBlock b = node.build(txs);
        if (node.dropped().size() != before) {
            throw new AssertionError("the executor dropped "
                    + node.dropped().subList(before, node.dropped().size()));
        }
        node.commit(b);
        tip = b.tip();
        blocks.add(b);
        return b;
    }

    ChainTip tip() {
        return tip;
    }

    long expiry() {
        return tip.height() + 100;
    }

    UnspentOutput unspent(Hash txId, int index) {
        return state.unspent(new OutputRef(txId, index)).orElseThrow();
    }

    /**
     * Genesis and three blocks: transfers with change, a transfer of a whole output (its owner's
     * balance drops to zero), an output created and spent in the same block, a mining proof, and
     * an empty block. Each block is committed to {@code store} as it is built.
     */
    void buildSample(ChainStore store) {
        commit(store, genesis());
        KeyPair k1 = TestChain.funded(1);
        KeyPair k3 = TestChain.funded(3);
        KeyPair k5 = TestChain.funded(5);
        Transaction a = TestChain.pay(
                k1, TestChain.genesisOutput(state, 1), TestChain.funded(2).address(), 1_000_000, expiry());
        Transaction b = TestChain.pay(
                k3, TestChain.genesisOutput(state, 3), TestChain.funded(4).address(), 500_000, expiry());
        UnspentOutput all5 = TestChain.genesisOutput(state, 5);
        Transaction c = TestChain.pay(
                k5, all5, TestChain.funded(6).address(), all5.output().amount() - FEE, expiry());
        commit(store, next(List.of(a, b, c)));

        Transaction d = TestChain.pay(
                TestChain.funded(2), unspent(a.id(), 0), TestKeys.key(7).address(), 400_000, expiry());
        Transaction e = TestChain.pay(k1, unspent(a.id(), 1), TestKeys.key(8).address(), 300_000, expiry());
        // spends e's first output inside the same block
        UnspentOutput fromE = new UnspentOutput(
                new OutputRef(e.id(), 0), new TxOutput(TestKeys.key(8).address(), AssetId.CAS, 300_000), 0);
        Transaction f = TestChain.pay(TestKeys.key(8), fromE, TestKeys.key(9).address(), 100_000, expiry());
        commit(store, next(List.of(d, e, f)));

        commit(store, next(List.of(proof(TestKeys.key(12).address()))));
        commit(store, next(List.of()));
    }

    /** A mining proof for the next block that meets the current target. */
    Transaction proof(Address miner) {
        for (long nonce = 0; ; nonce++) {
            Transaction p = TestBlocks.miningProof(TestChain.CHAIN_ID, tip.height() + 1, tip.hash(), miner, nonce);
            if (MiningProof.meets(TestBlocks.action(p).workHash(), tip.target())) {
                return p;
            }
        }
    }
}
