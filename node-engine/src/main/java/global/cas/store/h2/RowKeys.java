package global.cas.store.h2;

import global.cas.chain.Block;

/**
 * Primary keys that grow with the chain, so rows are appended to the end of their B-tree instead
 * of landing at random places (DESIGN.md, Storage). A transaction's key packs its block height and
 * its index in the block; an output's key is {@link global.cas.ledger.UnspentOutput#storageId}.
 */
final class RowKeys {
    /** Bits for the index of a transaction in its block: room for {@link Block#MAX_TRANSACTIONS}. */
    static final int INDEX_BITS = 18;

    static final long MAX_HEIGHT = (1L << (63 - INDEX_BITS)) - 1;

    static {
        if (Block.MAX_TRANSACTIONS > (1 << INDEX_BITS)) {
            throw new ExceptionInInitializerError(
                    "transaction keys have no room for " + Block.MAX_TRANSACTIONS + " transactions");
        }
    }

    private RowKeys() {}

    /** The key of transaction {@code index} of block {@code height}. */
    static long transaction(long height, int index) {
        if (height < 0 || height > MAX_HEIGHT) {
            throw new IllegalArgumentException("height out of range: " + height);
        }
        if (index < 0 || index >= (1 << INDEX_BITS)) {
            throw new IllegalArgumentException("transaction index out of range: " + index);
        }
        return (height << INDEX_BITS) | index;
    }
}
