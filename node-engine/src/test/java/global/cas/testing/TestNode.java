package global.cas.testing;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.ChainState;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.Genesis;
import global.cas.chain.Precommit;
import global.cas.crypto.KeyPair;
import global.cas.ledger.LedgerState;
import global.cas.ledger.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal single-validator node over {@link TestChain}'s genesis for tests: proposes the next
 * block from candidates with {@link BlockExecutor#propose}, validates it again with {@link
 * BlockExecutor#validate} on the unchanged state as another node would, and only then commits it
 * with the validator's own precommit. Blocks are one second apart. Not thread-safe.
 */
public final class TestNode {
    private final BlockExecutor executor;
    private final LedgerState state;
    private ChainState chain;
    private final List<BlockExecutor.RejectedTransaction> dropped = new ArrayList<>();
    private long skip;

    public TestNode() {
        this(TestChain.params());
    }

    /** A node of a chain with other genesis parameters (same test validator). */
    public TestNode(global.cas.chain.ChainParams params) {
        this.executor = new BlockExecutor(new global.cas.chain.StateMachine(params));
        this.state = new LedgerState();
        ExecutedBlock g = Genesis.build(params);
        state.apply(g.delta());
        state.adoptBalanceTree(g.balances());
        this.chain = new ChainState(
                g.tip(),
                state,
                g.paramsChanged().orElseThrow(),
                g.validatorsChanged().orElseThrow(),
                Commit.genesis(g.block().hash()),
                g.evidence(),
                governanceOf(g));
    }

    private static global.cas.governance.GovernanceState governanceOf(ExecutedBlock genesis) {
        global.cas.governance.GovernanceState s = global.cas.governance.GovernanceState.empty();
        s.apply(genesis.governance(), genesis.governanceTree());
        return s;
    }

    /**
     * Makes the block after the next one {@code millis} later than usual: the next commit's
     * precommit is stamped that much later, and its median is the following block's time (C5).
     */
    public void skip(long millis) {
        skip = millis;
    }

    public BlockExecutor executor() {
        return executor;
    }

    public LedgerState state() {
        return state;
    }

    public ChainTip tip() {
        return chain.tip();
    }

    /** The committed state blocks are built on and validated against. */
    public ChainState chainState() {
        return chain;
    }

    /** Replaces the tip (e.g. to start from an easier target or a smaller frozen pool). */
    public void setTip(ChainTip tip) {
        chain = new ChainState(
                tip,
                state,
                chain.params(),
                chain.validators(),
                chain.lastCommit(),
                chain.evidence(),
                chain.governance());
    }

    /** The pseudo transaction id of block {@code height}'s reward outputs (0: packer, 1: miner). */
    public global.cas.crypto.Hash rewardId(long height) {
        return executor.machine().issuance().rewardId(height);
    }

    /** Transactions left out by {@link #produce} so far. */
    public List<BlockExecutor.RejectedTransaction> dropped() {
        return List.copyOf(dropped);
    }

    /** Builds the next block from {@code candidates} without committing it. */
    public ExecutedBlock build(List<? extends Transaction> candidates) {
        return build(candidates, TestChain.validator());
    }

    public ExecutedBlock build(List<? extends Transaction> candidates, KeyPair proposer) {
        return executor.propose(chain, List.copyOf(candidates), tip().time() + 1000, proposer, dropped::add);
    }

    /** Validates a block made elsewhere against the committed state, changing nothing. */
    public ExecutedBlock validate(Block block) {
        return executor.validate(chain, block, true);
    }

    /** Builds the next block, re-executes it as another node would, commits it and returns it. */
    public ExecutedBlock produce(List<? extends Transaction> candidates) {
        ExecutedBlock built = build(candidates);
        ExecutedBlock checked = validate(built.block());
        if (!checked.tip().equals(built.tip())) {
            throw new AssertionError("validate disagrees with propose: " + checked.tip() + " vs " + built.tip());
        }
        commit(checked);
        return checked;
    }

    /** The test validator's commit of {@code b}: its own precommit, one second after the block time. */
    public static Commit commitOf(Block b) {
        return commitOf(b, 0);
    }

    private static Commit commitOf(Block b, long later) {
        Precommit own = Precommit.sign(
                TestChain.validator(),
                0,
                TestChain.CHAIN_ID,
                b.height(),
                0,
                b.hash(),
                b.header().time() + 1000 + later);
        return new Commit(b.height(), 0, b.hash(), List.of(own));
    }

    /** Commits an executed block with the validator's precommit: applies its changes and moves the tip. */
    public void commit(ExecutedBlock executed) {
        state.apply(executed.delta());
        state.adoptBalanceTree(executed.balances());
        chain.governance().apply(executed.governance(), executed.governanceTree());
        chain = new ChainState(
                executed.tip(),
                state,
                executed.paramsChanged().orElse(chain.params()),
                executed.validatorsChanged().orElse(chain.validators()),
                commitOf(executed.block(), skip),
                executed.evidence(),
                chain.governance());
        skip = 0;
    }
}
