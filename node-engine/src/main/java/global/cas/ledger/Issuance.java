package global.cas.ledger;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;

/**
 * The ledger's end of block (S3–S6): the block's reward from the frozen pool, split between the
 * packer and the first miner, plus every fee to the packer, paid as the block's last outputs; then
 * the next proof-of-work target. The halving interval is the one in force at the block's height;
 * the initial reward and the miner's share are genesis constants. Thread-safe (immutable).
 */
public final class Issuance {
    private static final byte[] REWARD_DOMAIN = "CAS reward".getBytes(StandardCharsets.US_ASCII);

    private final String chainId;
    private final long initialReward;
    private final int minerShareBasisPoints;

    public Issuance(String chainId, long initialReward, int minerShareBasisPoints) {
        this.chainId = chainId;
        this.initialReward = initialReward;
        this.minerShareBasisPoints = minerShareBasisPoints;
        new RewardSchedule(initialReward, 1, minerShareBasisPoints); // validates the constants
    }

    public RewardSchedule.Payout payout(BlockContext ctx, long frozenRemaining, boolean minerPresent) {
        return new RewardSchedule(initialReward, ctx.params().halvingInterval(), minerShareBasisPoints)
                .payout(ctx.height(), frozenRemaining, minerPresent);
    }

    /** The ledger variables after a block: the next target and what remains frozen. */
    public record Finish(long target, long frozenRemaining) {}

    /** Pays the block's rewards and fees into {@code overlay}; returns the ledger variables after it. */
    public Finish end(LedgerOverlay overlay, BlockScope scope) {
        BlockContext ctx = scope.context();
        long height = ctx.height();
        RewardSchedule.Payout payout =
                payout(ctx, scope.frozenRemaining(), scope.miner().isPresent());
        Hash rewardId = rewardId(height);
        // the proof's fee moves from the miner's share to the packer, with the other fees
        long toPacker = Amounts.add(payout.packer(), scope.fees());
        if (toPacker > 0) {
            overlay.create(reward(rewardId, 0, ctx.proposer(), toPacker, height));
        }
        long toMiner = payout.miner() - scope.minerFee();
        if (toMiner > 0) {
            overlay.create(reward(rewardId, 1, scope.miner().orElseThrow(), toMiner, height));
        }
        long frozen = scope.frozenRemaining() - payout.total();
        long target = TargetAdjuster.next(scope.target(), scope.miner().isPresent());
        return new Finish(target, frozen);
    }

    private static UnspentOutput reward(Hash rewardId, int index, Address to, long amount, long height) {
        return new UnspentOutput(
                new OutputRef(rewardId, index),
                new TxOutput(to, AssetId.CAS, amount),
                UnspentOutput.storageId(height, UnspentOutput.REWARD_SLOT, index));
    }

    /** The pseudo transaction id naming a block's reward outputs (0: packer, 1: miner). */
    public Hash rewardId(long height) {
        return Hash.sha256(REWARD_DOMAIN, chainId.getBytes(StandardCharsets.UTF_8), longBytes(height));
    }

    private static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }
}
