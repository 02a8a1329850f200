package global.cas.chain;

/**
 * Evidence of a double sign recorded on chain (C4): the block that carries it, its index among that
 * block's evidence, and the evidence. {@link #position} orders recorded evidence as the chain does
 * (by block, then index), for paging.
 */
public record StoredEvidence(long blockHeight, int index, DoubleSignEvidence evidence) {
    public StoredEvidence {
        if (blockHeight < 1 || index < 0 || index >= DoubleSignEvidence.MAX_PER_BLOCK) {
            throw new IllegalArgumentException(
                    "evidence sits in a block above genesis, at an index below " + DoubleSignEvidence.MAX_PER_BLOCK);
        }
    }

    /** {@code blockHeight · MAX_PER_BLOCK + index}: grows along the chain. */
    public long position() {
        return blockHeight * DoubleSignEvidence.MAX_PER_BLOCK + index;
    }
}
