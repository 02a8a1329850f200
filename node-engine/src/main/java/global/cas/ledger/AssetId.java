package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import java.util.Optional;

/**
 * What an output holds: CAS itself, or a token named by the hash of its issuance. Encoded as one
 * tag byte, then the token hash for tokens, so plain CAS outputs stay small.
 */
public record AssetId(Optional<Hash> token) {
    public static final AssetId CAS = new AssetId(Optional.empty());

    public static AssetId token(Hash issuance) {
        return new AssetId(Optional.of(issuance));
    }

    public boolean isCas() {
        return token.isEmpty();
    }

    public void encode(Encoder e) {
        if (token.isEmpty()) {
            e.u8(0);
        } else {
            e.u8(1).hash(token.get());
        }
    }

    public static AssetId decode(Decoder d) {
        int tag = d.u8();
        return switch (tag) {
            case 0 -> CAS;
            case 1 -> token(d.hash());
            default -> throw Decoder.malformed("unknown asset tag " + tag);
        };
    }

    /** 32 bytes naming the asset in storage: zeros for CAS. */
    public byte[] storageKey() {
        return token.map(Hash::bytes).orElseGet(() -> new byte[Hash.LENGTH]);
    }

    public static AssetId fromStorageKey(byte[] key) {
        Hash h = Hash.of(key);
        return h.equals(Hash.ZERO) ? CAS : token(h);
    }

    @Override
    public String toString() {
        return token.map(h -> "token:" + h.hex()).orElse("CAS");
    }
}
