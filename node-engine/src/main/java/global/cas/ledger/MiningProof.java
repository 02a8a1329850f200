package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A proof of work (S5): {@code nonce} such that SHA-256(previous block hash ‖ miner address ‖
 * nonce) is below the current target. Valid for the block right after {@code previousBlock} only,
 * whose height is the envelope's expiry height. It spends nothing: its fee (S6) is taken from the
 * miner's reward at the end of the block, so a new miner who holds nothing can still pay it.
 */
public record MiningProof(Hash previousBlock, Address miner, long nonce) implements Action {
    public static final int TAG = 2;
    private static final byte[] SLOT_DOMAIN = "CAS mining slot".getBytes(StandardCharsets.US_ASCII);

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "mining_proof";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.hash(previousBlock).address(miner).u64(nonce);
    }

    static MiningProof read(Decoder d) {
        return new MiningProof(d.hash(), d.address(), d.u64());
    }

    /** Proofs must reach the very next block, so the mempool offers them before any fee-paying transfer. */
    @Override
    public int priority() {
        return 1;
    }

    /** One pending proof per block: they all build on the same previous block. */
    @Override
    public Optional<Hash> exclusiveSlot() {
        return Optional.of(Hash.sha256(SLOT_DOMAIN, previousBlock.bytes()));
    }

    /** The proof of work for block {@code blockHeight}, paying {@code fee} out of its reward. */
    public static Transaction transaction(
            String chainId, long blockHeight, Hash previousBlock, Address miner, long nonce, long fee) {
        return new Transaction.Unsigned(
                        chainId, blockHeight, List.of(), List.of(), fee, new MiningProof(previousBlock, miner, nonce))
                .unwitnessed();
    }

    /** The encoded size of any proof on a chain id of {@code chainIdBytes} bytes (fees are per byte). */
    public static int size(String chainId) {
        return transaction(chainId, 0, Hash.ZERO, Address.of(new byte[Address.LENGTH]), 0, 0)
                .size();
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
}
