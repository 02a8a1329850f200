package global.cas.testing;

import global.cas.chain.BlockExecutor;
import global.cas.chain.ChainTip;
import global.cas.chain.Genesis;
import global.cas.crypto.KeyPair;
import global.cas.ledger.LedgerState;
import global.cas.ledger.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal single-validator node over {@link TestChain}'s genesis for tests: builds the next block
 * from candidates with {@link BlockExecutor#build}, checks it again with {@link
 * BlockExecutor#execute} on the unchanged state, and only then commits it. Blocks are one second
 * apart. Not thread-safe.
 */
public final class TestNode {
    private final BlockExecutor executor;
    private final LedgerState state;
    private ChainTip tip;
    private final List<BlockExecutor.RejectedTransaction> dropped = new ArrayList<>();

    public TestNode() {
        this.executor = TestChain.executor();
        this.state = new LedgerState();
        BlockExecutor.ExecutedBlock g = Genesis.build(TestChain.params());
        state.apply(g.delta());
        this.tip = g.tip();
    }

    public BlockExecutor executor() {
        return executor;
    }

    public LedgerState state() {
        return state;
    }

    public ChainTip tip() {
        return tip;
    }

    /** Replaces the tip (e.g. to start from an easier target or a smaller frozen pool). */
    public void setTip(ChainTip tip) {
        this.tip = tip;
    }

    /** Transactions left out by {@link #produce} so far. */
    public List<BlockExecutor.RejectedTransaction> dropped() {
        return List.copyOf(dropped);
    }

    /** Builds the next block from {@code candidates} without committing it. */
    public BlockExecutor.ExecutedBlock build(List<? extends Transaction> candidates) {
        return build(candidates, TestChain.validator());
    }

    public BlockExecutor.ExecutedBlock build(List<? extends Transaction> candidates, KeyPair proposer) {
        return executor.build(tip, state, List.copyOf(candidates), tip.time() + 1000, proposer, dropped::add);
    }

    /** Builds the next block, re-executes it as another node would, commits it and returns it. */
    public BlockExecutor.ExecutedBlock produce(List<? extends Transaction> candidates) {
        BlockExecutor.ExecutedBlock built = build(candidates);
        BlockExecutor.ExecutedBlock checked = executor.execute(tip, state, built.block(), true);
        if (!checked.tip().equals(built.tip())) {
            throw new AssertionError("execute disagrees with build: " + checked.tip() + " vs " + built.tip());
        }
        commit(checked);
        return checked;
    }

    /** Commits an executed block: applies its delta and moves the tip. */
    public void commit(BlockExecutor.ExecutedBlock executed) {
        state.apply(executed.delta());
        tip = executed.tip();
    }
}
