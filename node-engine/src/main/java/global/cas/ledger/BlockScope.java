package global.cas.ledger;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import java.util.Optional;

/**
 * The block a transaction is being validated for or applied in: its height, the block before it,
 * the proof-of-work target, and what the block has gathered so far (fees, the first miner). Not
 * thread-safe: one per block under construction or execution.
 */
public final class BlockScope {
    private final long height;
    private final Hash previousBlock;
    private final long target;
    private long fees;
    private Address miner;

    public BlockScope(long height, Hash previousBlock, long target) {
        this.height = height;
        this.previousBlock = previousBlock;
        this.target = target;
    }

    public long height() {
        return height;
    }

    public Hash previousBlock() {
        return previousBlock;
    }

    public long target() {
        return target;
    }

    public long fees() {
        return fees;
    }

    public Optional<Address> miner() {
        return Optional.ofNullable(miner);
    }

    void addFee(long fee) {
        fees = Amounts.add(fees, fee);
    }

    void setMiner(Address a) {
        miner = a;
    }
}
