package global.cas.ledger;

import global.cas.codec.Encoder;
import global.cas.crypto.Address;

/**
 * A consumed (burned) amount of a token (L3): kept forever and never spendable, carrying where it
 * was made (block height in {@code storageId}, transaction in {@code ref}), who consumed it, the
 * issuer's period it counts for and a memo. The public proof of consumption (T9). It is in no
 * balance (L2). The tokenization module creates them; the ledger only keeps them and refuses any
 * spend of one.
 */
public record ColouredOutput(
        OutputRef ref, long storageId, Address consumer, AssetId asset, long amount, long period, String memo) {
    public static final int MAX_MEMO_BYTES = 256;

    public ColouredOutput {
        if (amount <= 0) {
            throw new IllegalArgumentException("a coloured output holds a positive amount");
        }
        if (period < 0) {
            throw new IllegalArgumentException("a period index is 0 or more");
        }
    }

    public long height() {
        return UnspentOutput.heightOf(storageId);
    }

    public void encode(Encoder e) {
        ref.encode(e);
        e.u64(storageId).address(consumer);
        asset.encode(e);
        e.u64(amount).u64(period).string(memo);
    }
}
