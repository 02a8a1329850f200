package global.cas.store.h2;

import global.cas.chain.Block;

/**
 * Primary keys that grow with the chain, so rows are appended to the end of their B-tree instead
 * of landing at random places (DESIGN.md, Storage). A transaction's key packs its block height and
 * its index in the block; an output's key is {@link global.cas.ledger.UnspentOutput#storageId}; a
 * spend's key packs the spending block's height and the spend's position in it; a piece of
 * evidence's key packs its block's height and its index in the block, as a transaction's does.
 */
final class RowKeys {
    /** Bits for the index of a transaction in its block: room for {@link Block#MAX_TRANSACTIONS}. */
    static final int INDEX_BITS = 18;

    static final long MAX_HEIGHT = (1L << (63 - INDEX_BITS)) - 1;

    /**
     * Bits for a spend's position among its block's spends: the height sits where it sits in an
     * output's storage id, so one bound from a height limits both tables.
     */
    static final int SPEND_BITS = 28;

    static final int MAX_SPENDS_PER_BLOCK = 1 << SPEND_BITS;

    static {
        if (Block.MAX_TRANSACTIONS > (1 << INDEX_BITS)) {
            throw new ExceptionInInitializerError(
                    "transaction keys have no room for " + Block.MAX_TRANSACTIONS + " transactions");
        }
        if (global.cas.chain.DoubleSignEvidence.MAX_PER_BLOCK > (1 << INDEX_BITS)) {
            throw new ExceptionInInitializerError("evidence keys have no room for a block's evidence");
        }
        if (global.cas.ledger.UnspentOutput.storageId(1, 0, 0) != 1L << SPEND_BITS) {
            throw new ExceptionInInitializerError("spend keys and output ids must put the height at the same bits");
        }
    }

    private RowKeys() {}

    /** The key of the {@code n}th spend of block {@code height} (spends in output id order). */
    static long spend(long height, int n) {
        if (height < 0 || height >= (1L << (63 - SPEND_BITS))) {
            throw new IllegalArgumentException("height out of range: " + height);
        }
        if (n < 0 || n >= MAX_SPENDS_PER_BLOCK) {
            throw new IllegalArgumentException("spend position out of range: " + n);
        }
        return (height << SPEND_BITS) | n;
    }

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

    /** The key of evidence {@code index} of block {@code height} (C4). */
    static long evidence(long height, int index) {
        return transaction(height, index);
    }

    /**
     * The key of change {@code index} of block {@code height} in a record module's history: 24 bits
     * of index, so a block may change up to 16,777,216 records.
     */
    static long moduleChange(long height, int index) {
        if (height < 0 || height >= (1L << 39)) {
            throw new IllegalArgumentException("height out of range: " + height);
        }
        if (index < 0 || index >= (1 << 24)) {
            throw new IllegalArgumentException("record change index out of range: " + index);
        }
        return (height << 24) | index;
    }
}
