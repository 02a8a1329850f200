package global.cas.node;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.ChainParams;
import global.cas.chain.ChainState;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.Genesis;
import global.cas.chain.StateMachine;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.LedgerState;
import global.cas.ledger.OutputRef;
import global.cas.ledger.UnspentOutput;
import global.cas.store.ChainStore;
import java.util.HashMap;
import java.util.Map;

/**
 * Re-executes a stored chain from genesis with every rule and signature, as a node that never
 * crashed would have, and compares the result with what the store holds: the tip, the state root,
 * every unspent output and the balances they add up to. Used after crashes and by {@code cas verify}.
 */
public final class ChainVerifier {
    private final ChainParams params;

    public ChainVerifier(ChainParams params) {
        this.params = params;
    }

    /** The outcome: the height reached and the first difference found, if any. */
    public record Report(long height, int unspentOutputs, int balances, java.util.Optional<String> difference) {
        public boolean consistent() {
            return difference.isEmpty();
        }
    }

    public Report verify(ChainStore store) {
        BlockExecutor executor = new BlockExecutor(new StateMachine(params));
        ExecutedBlock genesis = Genesis.build(params);
        LedgerState replay = new LedgerState();
        replay.apply(genesis.delta());
        replay.adoptBalanceTree(genesis.balances());
        global.cas.governance.GovernanceState governance = global.cas.governance.GovernanceState.empty();
        governance.apply(genesis.governance(), genesis.governanceTree());
        ChainTip tip = genesis.tip();
        ChainState state = new ChainState(
                tip,
                replay,
                genesis.paramsChanged().orElseThrow(),
                genesis.validatorsChanged().orElseThrow(),
                Commit.genesis(genesis.block().hash()),
                genesis.evidence(),
                governance);
        ChainTip stored = store.tip().orElseThrow(() -> new IllegalStateException("the store is empty"));
        long pruned = store.prunedBelow();
        if (pruned > 0) {
            return new Report(
                    0,
                    0,
                    0,
                    java.util.Optional.of("blocks 1 to " + (pruned - 1)
                            + " are pruned: a replay from genesis needs every block's transactions"));
        }
        if (!store.block(0)
                .map(Block::hash)
                .equals(java.util.Optional.of(genesis.block().hash()))) {
            return new Report(0, 0, 0, java.util.Optional.of("block 0 is not this chain's genesis"));
        }
        for (long h = 1; h <= stored.height(); h++) {
            Block b = store.block(h).orElse(null);
            if (b == null) {
                return new Report(
                        h - 1,
                        0,
                        0,
                        java.util.Optional.of("block " + h + " is missing below the tip " + stored.height()));
            }
            ExecutedBlock e = executor.validate(state, b, true);
            Commit commit = store.commit(h).orElse(null);
            if (commit == null) {
                return new Report(h, 0, 0, java.util.Optional.of("the commit of block " + h + " is missing"));
            }
            commit.verify(params.chainId(), h, b.hash(), state.validators().at(h));
            replay.apply(e.delta());
            replay.adoptBalanceTree(e.balances());
            governance.apply(e.governance(), e.governanceTree());
            tip = e.tip();
            state = new ChainState(
                    tip,
                    replay,
                    e.paramsChanged().orElse(state.params()),
                    e.validatorsChanged().orElse(state.validators()),
                    commit,
                    e.evidence(),
                    governance);
        }
        if (!tip.equals(stored)) {
            return new Report(
                    tip.height(),
                    0,
                    0,
                    java.util.Optional.of("stored tip " + stored + " differs from replayed " + tip));
        }
        Map<OutputRef, UnspentOutput> storedUnspent = new HashMap<>();
        store.forEachUnspent(u -> storedUnspent.put(u.ref(), u));
        Map<OutputRef, UnspentOutput> replayed = new HashMap<>();
        for (UnspentOutput u : replay.allUnspent()) {
            replayed.put(u.ref(), u);
        }
        if (!storedUnspent.equals(replayed)) {
            return new Report(
                    tip.height(),
                    storedUnspent.size(),
                    0,
                    java.util.Optional.of("stored unspent outputs (" + storedUnspent.size() + ") differ from replayed ("
                            + replayed.size() + ")"));
        }
        // the store keeps no balances: they are the sums of its unspent outputs (L2)
        LedgerState fromStore = new LedgerState();
        storedUnspent.values().forEach(fromStore::load);
        fromStore.recountBalances();
        Map<BalanceKey, Long> storedBalances = new HashMap<>(fromStore.balances());
        if (!storedBalances.equals(new HashMap<>(replay.balances()))) {
            return new Report(
                    tip.height(),
                    replayed.size(),
                    storedBalances.size(),
                    java.util.Optional.of("stored balances differ from replayed"));
        }
        return new Report(tip.height(), replayed.size(), storedBalances.size(), java.util.Optional.empty());
    }
}
