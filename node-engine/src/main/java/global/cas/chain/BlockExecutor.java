package global.cas.chain;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.BlockContext;
import global.cas.ledger.Transaction;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.validators.ValidatorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the next block ({@link #propose}) and checks a block made elsewhere ({@link #validate}),
 * both by running the {@link StateMachine} over the committed state without changing it: each
 * returns an {@link ExecutedBlock} that the caller commits with the block's commit. Thread-safe
 * (immutable but for the last verified commit, held atomically); the state it reads must not
 * change during a call.
 */
public final class BlockExecutor {
    private final StateMachine machine;

    /**
     * The last commit whose signatures were verified and the time it gives: a solo validator's
     * commit is verified when it is committed and again when the next block takes its time from it,
     * so the second look is a comparison instead of Ed25519 verifications (a tenth of an empty
     * block's cost). Verifying the same commit against the same validators always gives the same
     * answer, so this changes nothing but the time.
     */
    private final java.util.concurrent.atomic.AtomicReference<VerifiedCommit> lastVerified =
            new java.util.concurrent.atomic.AtomicReference<>();

    private record VerifiedCommit(Commit commit, long height, Hash blockHash, ValidatorSet validators, long median) {}

    public BlockExecutor(StateMachine machine) {
        this.machine = machine;
    }

    /**
     * The power-weighted median time of {@code commit}'s counted precommits (C5), after verifying
     * that it commits {@code blockHash} at {@code height} with more than 2/3 of {@code validators}'
     * power (C3).
     *
     * @throws RejectedException {@code BAD_COMMIT} when it does not
     */
    public long verifiedMedian(Commit commit, long height, Hash blockHash, ValidatorSet validators) {
        VerifiedCommit v = lastVerified.get();
        if (v != null
                && v.height() == height
                && v.blockHash().equals(blockHash)
                && v.validators().equals(validators)
                && v.commit().equals(commit)) {
            return v.median();
        }
        long median = Commit.weightedMedian(commit.verify(machine.chainId(), height, blockHash, validators));
        lastVerified.set(new VerifiedCommit(commit, height, blockHash, validators, median));
        return median;
    }

    public StateMachine machine() {
        return machine;
    }

    /** A transaction left out of a block, and why. */
    public record RejectedTransaction(Transaction transaction, RejectedException reason) {}

    /**
     * The time of the block after {@code state}'s tip (C5): the voting-power-weighted median of the
     * tip's commit, which the next block carries as its last commit. Block 1 follows genesis, which
     * has no commit: its time is the proposer's clock, at least a millisecond after genesis.
     *
     * @throws RejectedException {@code BAD_COMMIT} when the tip's commit is invalid, {@code
     *     BAD_BLOCK_TIME} when it does not give a later time
     */
    public long nextBlockTime(ChainState state, long proposerClock) {
        ChainTip tip = state.tip();
        if (tip.height() == 0) {
            return Math.max(proposerClock, tip.time() + 1);
        }
        long time = medianTime(state, state.lastCommit());
        if (time <= tip.time()) {
            throw new RejectedException(
                    Reason.BAD_BLOCK_TIME,
                    "The commit of block " + tip.height() + " gives time " + time + ", not after " + tip.time()
                            + " (C5).");
        }
        return time;
    }

    private long medianTime(ChainState state, Commit lastCommit) {
        ChainTip tip = state.tip();
        ValidatorSet signers = state.validators().at(tip.height());
        return verifiedMedian(lastCommit, tip.height(), tip.hash(), signers);
    }

    /**
     * Builds the block after {@code state}'s tip from candidates whose stateless checks already
     * passed; candidates that fail against the state are left out and reported to {@code dropped}.
     * The block carries no evidence.
     */
    public ExecutedBlock propose(
            ChainState state,
            List<Transaction> candidates,
            long proposerClock,
            KeyPair proposer,
            Consumer<RejectedTransaction> dropped) {
        return propose(state, candidates, List.of(), proposerClock, proposer, dropped);
    }

    /**
     * {@link #propose(ChainState, List, long, KeyPair, Consumer)} with pending evidence of double
     * signs (C4): each that holds against the state is recorded, in the order given, up to {@link
     * DoubleSignEvidence#MAX_PER_BLOCK}; the others are left out (already recorded, too old, not
     * holding).
     */
    public ExecutedBlock propose(
            ChainState state,
            List<Transaction> candidates,
            List<DoubleSignEvidence> evidence,
            long proposerClock,
            KeyPair proposer,
            Consumer<RejectedTransaction> dropped) {
        long time = nextBlockTime(state, proposerClock);
        BlockContext ctx = machine.context(state, time, proposer.address());
        if (!ctx.validators().contains(proposer.address())) {
            throw new RejectedException(
                    Reason.BAD_PROPOSER,
                    "The key " + proposer.address() + " is not a validator at height " + ctx.height() + ".");
        }
        StateMachine.Execution run = machine.begin(ctx, state);
        for (DoubleSignEvidence e : evidence) {
            if (run.evidence().size() >= DoubleSignEvidence.MAX_PER_BLOCK) {
                break;
            }
            try {
                run.record(e);
            } catch (RejectedException left) {
                // recorded meanwhile, too old or not holding: this block leaves it out
            }
        }
        int max = ctx.params().maxBlockTransactions();
        for (Transaction tx : candidates) {
            if (run.deliveredCount() >= max) {
                break;
            }
            try {
                run.deliver(tx);
            } catch (RejectedException e) {
                dropped.accept(new RejectedTransaction(tx, e));
            }
        }
        List<Transaction> included = run.delivered();
        List<DoubleSignEvidence> recorded = run.evidence();
        StateMachine.Result r = run.end();
        BlockHeader header = header(state, ctx, r, transactionsRoot(included), DoubleSignEvidence.root(recorded))
                .seal();
        Block block = new Block(header, included, lastCommitFor(state), recorded);
        return executed(block, state, r);
    }

    private static Commit lastCommitFor(ChainState state) {
        return state.tip().height() == 0 ? Commit.genesis(state.tip().hash()) : state.lastCommit();
    }

    private BlockHeader.Fields header(
            ChainState state, BlockContext ctx, StateMachine.Result r, Hash txRoot, Hash evidenceRoot) {
        return new BlockHeader.Fields(
                machine.chainId(),
                ctx.height(),
                ctx.previousBlock(),
                ctx.time(),
                ctx.proposer(),
                lastCommitFor(state).hash(),
                ctx.validators().hash(),
                r.validators().at(ctx.height() + 1).hash(),
                ctx.params().hash(),
                evidenceRoot,
                txRoot,
                r.roots().stateRoot());
    }

    private static ExecutedBlock executed(Block block, ChainState state, StateMachine.Result r) {
        ChainTip tip = new ChainTip(
                block.height(), block.hash(), block.header().time(), r.roots(), r.target(), r.frozenRemaining());
        Optional<global.cas.params.ParamsSchedule> params =
                r.params().equals(state.params()) ? Optional.empty() : Optional.of(r.params());
        Optional<global.cas.validators.ValidatorSchedule> validators =
                r.validators().equals(state.validators()) ? Optional.empty() : Optional.of(r.validators());
        return new ExecutedBlock(
                block,
                r.delta(),
                params,
                validators,
                tip,
                r.balances(),
                r.evidence(),
                r.governance(),
                r.governanceTree());
    }

    /**
     * Checks a block made elsewhere against {@code state}, re-running every rule: its place in the
     * chain, its last commit (C3) and time (C5), proposer, hashes of the validators, parameters and
     * evidence, each piece of evidence (C4, {@link EvidenceRules}), transactions and state root (C6).
     *
     * @param verifySignatures false only for transactions whose signatures this node already checked
     * @throws RejectedException with the first reason the block is invalid
     */
    public ExecutedBlock validate(ChainState state, Block block, boolean verifySignatures) {
        ChainTip tip = state.tip();
        BlockHeader h = block.header();
        if (!h.chainId().equals(machine.chainId())) {
            throw new RejectedException(Reason.WRONG_CHAIN, "The block is for chain '" + h.chainId() + "'.");
        }
        if (h.height() != tip.height() + 1) {
            throw new RejectedException(
                    Reason.BAD_BLOCK_HEIGHT, "Block " + h.height() + " does not follow tip " + tip.height() + ".");
        }
        if (!h.previousHash().equals(tip.hash())) {
            throw new RejectedException(
                    Reason.BAD_PREVIOUS_HASH, "Block " + h.height() + " does not link to the tip " + tip.hash() + ".");
        }
        if (!block.lastCommit().hash().equals(h.lastCommitHash())) {
            throw new RejectedException(
                    Reason.BAD_COMMIT, "Block " + h.height() + " carries a last commit its header does not name.");
        }
        long expectTime;
        if (tip.height() == 0) {
            if (!block.lastCommit().equals(Commit.genesis(tip.hash()))) {
                throw new RejectedException(Reason.BAD_COMMIT, "Block 1 must carry the genesis commit.");
            }
            if (h.time() <= tip.time()) {
                throw new RejectedException(
                        Reason.BAD_BLOCK_TIME, "Block time " + h.time() + " is not after " + tip.time() + " (C5).");
            }
            expectTime = h.time();
        } else {
            expectTime = medianTime(state, block.lastCommit());
        }
        if (h.time() != expectTime || h.time() <= tip.time()) {
            throw new RejectedException(
                    Reason.BAD_BLOCK_TIME,
                    "Block time " + h.time() + " is not the median of the last commit (" + expectTime + ") after "
                            + tip.time() + " (C5).");
        }
        BlockContext ctx = machine.context(state, h.time(), h.proposer());
        if (!ctx.validators().contains(h.proposer())) {
            throw new RejectedException(
                    Reason.BAD_PROPOSER, "The proposer " + h.proposer() + " is not a validator of this chain.");
        }
        if (block.transactions().size() > ctx.params().maxBlockTransactions()) {
            throw new RejectedException(
                    Reason.OVERSIZE,
                    "The block holds more than " + ctx.params().maxBlockTransactions() + " transactions.");
        }
        if (!transactionsRoot(block.transactions()).equals(h.transactionsRoot())) {
            throw new RejectedException(
                    Reason.BAD_TRANSACTIONS_ROOT, "Block " + h.height() + " has a wrong transactions root.");
        }
        if (block.evidence().size() > DoubleSignEvidence.MAX_PER_BLOCK) {
            throw new RejectedException(
                    Reason.OVERSIZE,
                    "The block holds more than " + DoubleSignEvidence.MAX_PER_BLOCK + " pieces of evidence (C4).");
        }
        if (!h.validatorsHash().equals(ctx.validators().hash())
                || !h.paramsHash().equals(ctx.params().hash())
                || !h.evidenceHash().equals(DoubleSignEvidence.root(block.evidence()))) {
            throw new RejectedException(
                    Reason.BAD_HEADER,
                    "Block " + h.height() + " names other validators, parameters or evidence than this height's.");
        }
        StateMachine.Execution run = machine.begin(ctx, state);
        for (DoubleSignEvidence e : block.evidence()) {
            run.record(e);
        }
        for (Transaction tx : block.transactions()) {
            if (verifySignatures) {
                machine.checkStateless(tx);
            }
            run.deliver(tx);
        }
        StateMachine.Result r = run.end();
        if (!h.nextValidatorsHash().equals(r.validators().at(h.height() + 1).hash())) {
            throw new RejectedException(
                    Reason.BAD_HEADER, "Block " + h.height() + " names another next validator set than its state.");
        }
        if (!r.roots().stateRoot().equals(h.stateRoot())) {
            throw new RejectedException(
                    Reason.BAD_STATE_ROOT,
                    "Block " + h.height() + " claims state root " + h.stateRoot() + " but executing it gives "
                            + r.roots().stateRoot() + " (C6).");
        }
        return executed(block, state, r);
    }

    /**
     * The Merkle root of SHA-256 of each transaction's full encoding, witnesses included, so the
     * block hash commits to the signatures too and no one can swap a witness in a committed block.
     */
    public static Hash transactionsRoot(List<Transaction> txs) {
        List<Hash> leaves = new ArrayList<>(txs.size());
        for (Transaction t : txs) {
            leaves.add(Hash.sha256(t.encoded()));
        }
        return MerkleTree.root(leaves);
    }
}
