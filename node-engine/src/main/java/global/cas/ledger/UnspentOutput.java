package global.cas.ledger;

/**
 * An unspent output with where it was created: {@code storageId} packs (height, transaction index,
 * output index) into a long that grows with the chain, the key it has in storage.
 */
public record UnspentOutput(OutputRef ref, TxOutput output, long storageId) {
    private static final int TX_BITS = 18;
    private static final int OUT_BITS = 10;
    /** Transaction slot used for the block's reward outputs (after every real transaction). */
    public static final int REWARD_SLOT = (1 << TX_BITS) - 1;

    public static long storageId(long height, int txIndex, int outIndex) {
        if (height < 0 || height >= (1L << (63 - TX_BITS - OUT_BITS))) {
            throw new IllegalArgumentException("height out of range: " + height);
        }
        if (txIndex < 0 || txIndex > REWARD_SLOT || outIndex < 0 || outIndex >= (1 << OUT_BITS)) {
            throw new IllegalArgumentException("index out of range: " + txIndex + "/" + outIndex);
        }
        return (height << (TX_BITS + OUT_BITS)) | ((long) txIndex << OUT_BITS) | outIndex;
    }

    public static long heightOf(long storageId) {
        return storageId >>> (TX_BITS + OUT_BITS);
    }

    public long height() {
        return heightOf(storageId);
    }
}
