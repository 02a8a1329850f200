package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;

/** One owner's Ed25519 signature of a transaction id, with the key that made it. */
public record Witness(PublicKey key, Signature signature) {
    public void encode(Encoder e) {
        e.publicKey(key).signature(signature);
    }

    public static Witness decode(Decoder d) {
        return new Witness(d.publicKey(), d.signature());
    }
}
