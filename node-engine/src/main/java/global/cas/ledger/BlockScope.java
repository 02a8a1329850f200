package global.cas.ledger;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import java.util.Optional;

/**
 * The ledger's view of the block a transaction is checked for or applied in: the block's context,
 * the ledger variables before it (proof-of-work target, frozen remainder) and what the block has
 * gathered so far (fees, the first miner and the fee its proof pays out of its reward). Not
 * thread-safe: one per block under construction or execution, or per mempool admission.
 */
public final class BlockScope {
    private final BlockContext context;
    private final long target;
    private final long frozenRemaining;
    private long fees;
    private Address miner;
    private long minerFee;

    public BlockScope(BlockContext context, long target, long frozenRemaining) {
        this.context = context;
        this.target = target;
        this.frozenRemaining = frozenRemaining;
    }

    public BlockContext context() {
        return context;
    }

    public long height() {
        return context.height();
    }

    public Hash previousBlock() {
        return context.previousBlock();
    }

    public long target() {
        return target;
    }

    public long frozenRemaining() {
        return frozenRemaining;
    }

    public long fees() {
        return fees;
    }

    public Optional<Address> miner() {
        return Optional.ofNullable(miner);
    }

    /** The fee the block's mining proof pays out of the miner's reward. */
    public long minerFee() {
        return minerFee;
    }

    void addFee(long fee) {
        fees = Amounts.add(fees, fee);
    }

    void setMiner(Address a, long feeFromReward) {
        miner = a;
        minerFee = feeFromReward;
    }
}
