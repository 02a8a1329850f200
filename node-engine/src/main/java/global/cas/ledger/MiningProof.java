package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Sha256;

/**
 * A proof of work (S5): {@code nonce} such that SHA-256(previous block hash ‖ miner address ‖
 * nonce) is below the current target. Valid for the block right after {@code previousBlock} only,
 * whose height is the expiry height. Pays no fee: a new miner holds nothing to pay with, and the
 * proof's work is its spam protection (a decision recorded in docs/decisions).
 */
public record MiningProof(
        String chainId, long expiryHeight, Hash previousBlock, Address miner, long nonce, Hash id, byte[] encoded)
        implements Transaction {
    public static final int KIND = 2;

    public static MiningProof of(String chainId, long blockHeight, Hash previousBlock, Address miner, long nonce) {
        Encoder e = new Encoder(96);
        e.u8(KIND)
                .string(chainId)
                .u64(blockHeight)
                .hash(previousBlock)
                .address(miner)
                .u64(nonce);
        byte[] enc = e.toBytes();
        return new MiningProof(chainId, blockHeight, previousBlock, miner, nonce, Hash.sha256(enc), enc);
    }

    /** The proof-of-work hash of S5. */
    public static Hash workHash(Hash previousBlock, Address miner, long nonce) {
        byte[] n = new byte[8];
        for (int i = 0; i < 8; i++) {
            n[i] = (byte) (nonce >>> (56 - 8 * i));
        }
        return Hash.of(Sha256.digest(previousBlock.bytes(), miner.bytes(), n));
    }

    public Hash workHash() {
        return workHash(previousBlock, miner, nonce);
    }

    /** True when the work hash's leading 64 bits are below {@code target} (unsigned). */
    public static boolean meets(Hash workHash, long target) {
        return Long.compareUnsigned(workHash.leadingLong(), target) < 0;
    }

    @Override
    public byte[] body() {
        return encoded.clone();
    }

    static MiningProof read(Decoder d) {
        return of(d.string(Transfer.MAX_CHAIN_ID_BYTES), d.u64(), d.hash(), d.address(), d.u64());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MiningProof m && id.equals(m.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "MiningProof[" + id.hex() + " for height " + expiryHeight + "]";
    }
}
