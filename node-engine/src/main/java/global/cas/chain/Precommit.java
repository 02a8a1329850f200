package global.cas.chain;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Signature;
import java.nio.charset.StandardCharsets;

/**
 * One validator's precommit for a block, as kept in a {@link Commit}: the validator's index in the
 * set of that height, its timestamp (milliseconds) and its signature of {@link #signBytes}. Immutable.
 */
public record Precommit(int validatorIndex, long timestamp, Signature signature) {
    private static final byte[] DOMAIN = "CAS precommit".getBytes(StandardCharsets.US_ASCII);

    /** What a validator signs: the chain, height, round, block hash and its timestamp. */
    public static byte[] signBytes(String chainId, long height, int round, Hash blockHash, long timestamp) {
        Encoder e = new Encoder(128);
        e.fixed(DOMAIN).string(chainId).u64(height).u32(round).hash(blockHash).u64(timestamp);
        return e.toBytes();
    }

    public static Precommit sign(
            KeyPair key, int validatorIndex, String chainId, long height, int round, Hash blockHash, long timestamp) {
        return new Precommit(
                validatorIndex, timestamp, key.sign(signBytes(chainId, height, round, blockHash, timestamp)));
    }

    public void encode(Encoder e) {
        e.u32(validatorIndex).u64(timestamp).signature(signature);
    }

    public static Precommit decode(Decoder d) {
        return new Precommit(d.u32(), d.u64(), d.signature());
    }
}
