package global.cas.store.h2;

import global.cas.chain.BlockExecutor;
import global.cas.chain.ChainTip;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.Genesis;
import global.cas.crypto.KeyPair;
import global.cas.ledger.LedgerState;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The process {@link CompactionCrashTest} kills: commits small blocks as fast as it can on a store
 * with the store's compaction policy (no retention time), so the file is compacted while it runs, and prints {@code
 * COMMITTED <height> <compactions>} after each block. Resumes from what the store holds.
 */
public final class CompactingWriter {
    /** The store's own retention time (none): the crash test runs what the node runs. */
    static final int RETENTION_MILLIS = CompactionPolicy.DEFAULT.retentionMillis();

    private static final int PAYERS = 10;

    private CompactingWriter() {}

    public static void main(String[] args) {
        H2ChainStore store = H2ChainStore.open(Path.of(args[0]), RETENTION_MILLIS);
        BlockExecutor executor = TestChain.executor();
        LedgerState state = new LedgerState();
        ChainTip tip = store.tip().orElse(null);
        if (tip == null) {
            ExecutedBlock genesis = Genesis.build(TestChain.params());
            ChainFixture.commit(store, genesis);
            state.apply(genesis.delta());
            state.adoptBalanceTree(genesis.balances());
            tip = genesis.tip();
        } else {
            store.forEachUnspent(state::load);
            state.recountBalances();
            state.rebuildBalanceTree();
        }
        List<UnspentOutput> coins = new ArrayList<>();
        for (int k = 1; k <= PAYERS; k++) {
            coins.add(state.unspentOf(TestChain.funded(k).address()).stream()
                    .max(Comparator.comparingLong(u -> u.output().amount()))
                    .orElseThrow());
        }
        while (true) {
            List<Transaction> transfers = new ArrayList<>();
            for (int k = 1; k <= PAYERS; k++) {
                KeyPair key = TestChain.funded(k);
                transfers.add(TestChain.pay(
                        key, coins.get(k - 1), TestKeys.key(20 + k).address(), 1_000, tip.height() + 10));
            }
            global.cas.chain.ChainState chain = new global.cas.chain.ChainState(
                    tip,
                    state,
                    store.paramsSchedule().orElseThrow(),
                    store.validatorSchedule().orElseThrow(),
                    store.commit(tip.height()).orElseThrow(),
                    global.cas.chain.RecordedEvidence.EMPTY,
                    global.cas.governance.GovernanceState.of(
                            store.moduleRecords(global.cas.governance.GovernanceState.MODULE)));
            ExecutedBlock block =
                    executor.propose(chain, List.copyOf(transfers), tip.time() + 1, TestChain.validator(), r -> {
                        throw new AssertionError("dropped " + r);
                    });
            ChainFixture.commit(store, block);
            state.apply(block.delta());
            state.adoptBalanceTree(block.balances());
            tip = block.tip();
            for (int k = 0; k < PAYERS; k++) {
                coins.set(
                        k,
                        state.unspent(new global.cas.ledger.OutputRef(
                                        transfers.get(k).id(), 1))
                                .orElseThrow());
            }
            System.out.println("COMMITTED " + tip.height() + " " + store.compactions());
            System.out.flush();
        }
    }
}
