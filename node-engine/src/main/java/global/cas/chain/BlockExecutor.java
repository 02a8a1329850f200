package global.cas.chain;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.AssetId;
import global.cas.ledger.BlockScope;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.LedgerView;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.TransactionRules;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns transactions into the next block and checks blocks made elsewhere. Neither path changes
 * the state it reads: both return an {@link ExecutedBlock} whose delta the caller commits. Rewards
 * and fees (S4, S6) are paid as the block's last outputs. Thread-safe (immutable); the state it
 * reads must not change during a call.
 */
public final class BlockExecutor {
    private static final byte[] REWARD_DOMAIN = "CAS reward".getBytes(StandardCharsets.US_ASCII);

    private final ChainParams params;
    private final TransactionRules rules;
    private final RewardSchedule rewards;

    public BlockExecutor(ChainParams params, TransactionRules rules) {
        this.params = params;
        this.rules = rules;
        this.rewards = new RewardSchedule(
                params.initialBlockReward(), params.halvingInterval(), params.minerShareBasisPoints());
    }

    public TransactionRules rules() {
        return rules;
    }

    /** A block and the ledger changes it makes, ready to commit. */
    public record ExecutedBlock(Block block, global.cas.ledger.LedgerDelta delta, ChainTip tip) {}

    /**
     * Builds the block after {@code tip} from candidates whose stateless checks already passed;
     * candidates that fail against the state are left out and reported to {@code dropped}.
     */
    public ExecutedBlock build(
            ChainTip tip,
            LedgerView state,
            List<Transaction> candidates,
            long time,
            KeyPair proposer,
            Consumer<RejectedTransaction> dropped) {
        long height = tip.height() + 1;
        BlockScope scope = new BlockScope(height, tip.hash(), tip.target());
        LedgerOverlay overlay = new LedgerOverlay(state);
        List<Transaction> included = new ArrayList<>(Math.min(candidates.size(), params.maxBlockTransactions()));
        for (Transaction tx : candidates) {
            if (included.size() >= params.maxBlockTransactions()) {
                break;
            }
            try {
                rules.checkStateful(tx, overlay, scope);
            } catch (RejectedException e) {
                dropped.accept(new RejectedTransaction(tx, e));
                continue;
            }
            rules.apply(tx, included.size(), overlay, scope);
            included.add(tx);
        }
        Address packer = proposer.address();
        long blockTime = Math.max(time, tip.time() + 1);
        Finish f = finish(tip, overlay, scope, packer);
        BlockHeader header = BlockHeader.of(
                params.chainId(), height, tip.hash(), blockTime, packer, transactionsRoot(included), f.stateRoot);
        Block block = Block.signed(header, included, proposer);
        return new ExecutedBlock(block, overlay.delta(), tipAfter(header, f));
    }

    /** A transaction left out of a block, and why. */
    public record RejectedTransaction(Transaction transaction, RejectedException reason) {}

    /**
     * Checks a block made elsewhere against {@code tip} and the state, re-running every rule.
     *
     * @param verifySignatures false only for transactions whose signatures this node already checked
     * @throws RejectedException with the first reason the block is invalid
     */
    public ExecutedBlock execute(ChainTip tip, LedgerView state, Block block, boolean verifySignatures) {
        BlockHeader h = block.header();
        if (!h.chainId().equals(params.chainId())) {
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
        if (h.time() <= tip.time()) {
            throw new RejectedException(
                    Reason.BAD_BLOCK_TIME, "Block time " + h.time() + " is not after " + tip.time() + " (C5).");
        }
        if (!params.validators().contains(h.proposer())
                || !Address.of(block.proposerKey()).equals(h.proposer())) {
            throw new RejectedException(
                    Reason.BAD_PROPOSER, "The proposer " + h.proposer() + " is not a validator of this chain.");
        }
        if (!block.proposerKey().verify(h.hash().bytes(), block.proposerSignature())) {
            throw new RejectedException(
                    Reason.BAD_SIGNATURE, "The proposer's signature of block " + h.height() + " does not verify.");
        }
        if (block.transactions().size() > params.maxBlockTransactions()) {
            throw new RejectedException(
                    Reason.OVERSIZE, "The block holds more than " + params.maxBlockTransactions() + " transactions.");
        }
        if (!transactionsRoot(block.transactions()).equals(h.transactionsRoot())) {
            throw new RejectedException(
                    Reason.BAD_TRANSACTIONS_ROOT, "Block " + h.height() + " has a wrong transactions root.");
        }
        BlockScope scope = new BlockScope(h.height(), tip.hash(), tip.target());
        LedgerOverlay overlay = new LedgerOverlay(state);
        int index = 0;
        for (Transaction tx : block.transactions()) {
            if (verifySignatures) {
                rules.checkStateless(tx);
            }
            rules.checkStateful(tx, overlay, scope);
            rules.apply(tx, index++, overlay, scope);
        }
        Finish f = finish(tip, overlay, scope, h.proposer());
        if (!f.stateRoot.equals(h.stateRoot())) {
            throw new RejectedException(
                    Reason.BAD_STATE_ROOT,
                    "Block " + h.height() + " claims state root " + h.stateRoot() + " but executing it gives "
                            + f.stateRoot + " (C6).");
        }
        return new ExecutedBlock(block, overlay.delta(), tipAfter(h, f));
    }

    private record Finish(Hash stateRoot, long target, long frozenRemaining) {}

    private Finish finish(ChainTip tip, LedgerOverlay overlay, BlockScope scope, Address packer) {
        long height = scope.height();
        RewardSchedule.Payout payout =
                rewards.payout(height, tip.frozenRemaining(), scope.miner().isPresent());
        Hash rewardId = rewardId(height);
        long toPacker = payout.packer() + scope.fees();
        if (toPacker > 0) {
            overlay.create(reward(rewardId, 0, packer, toPacker, height));
        }
        if (payout.miner() > 0) {
            overlay.create(reward(rewardId, 1, scope.miner().orElseThrow(), payout.miner(), height));
        }
        long frozen = tip.frozenRemaining() - payout.total();
        long target = TargetAdjuster.next(tip.target(), scope.miner().isPresent());
        return new Finish(StateRoot.next(tip.stateRoot(), overlay.delta(), target, frozen), target, frozen);
    }

    private static UnspentOutput reward(Hash rewardId, int index, Address to, long amount, long height) {
        return new UnspentOutput(
                new OutputRef(rewardId, index),
                new TxOutput(to, AssetId.CAS, amount),
                UnspentOutput.storageId(height, UnspentOutput.REWARD_SLOT, index));
    }

    /** The pseudo transaction id naming a block's reward outputs. */
    public Hash rewardId(long height) {
        return Hash.sha256(REWARD_DOMAIN, params.chainId().getBytes(StandardCharsets.UTF_8), longBytes(height));
    }

    private static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }

    private static ChainTip tipAfter(BlockHeader h, Finish f) {
        return new ChainTip(h.height(), h.hash(), h.time(), h.stateRoot(), f.target, f.frozenRemaining);
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
