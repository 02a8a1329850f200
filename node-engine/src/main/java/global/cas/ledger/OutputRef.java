package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;

/** Names an output: the id of the transaction that created it and its index there (L1). */
public record OutputRef(Hash txId, int index) implements Comparable<OutputRef> {
    /**
     * Largest index a decoded reference may name: a transfer has at most {@link Transfer#MAX_OUTPUTS}
     * outputs, but the genesis transaction has one per allocation, up to 2^20 - 1 of them.
     */
    public static final int MAX_INDEX = (1 << 20) - 1;

    public OutputRef {
        if (index < 0) {
            throw new IllegalArgumentException("output index must not be negative");
        }
    }

    public void encode(Encoder e) {
        e.hash(txId).varint(index);
    }

    public static OutputRef decode(Decoder d) {
        return new OutputRef(d.hash(), d.length(MAX_INDEX));
    }

    @Override
    public int compareTo(OutputRef o) {
        int c = txId.compareTo(o.txId);
        return c != 0 ? c : Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
        return txId.hex() + ":" + index;
    }
}
