package global.cas.validators;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.PublicKey;

/** A validator: its consensus key and its voting power (a positive integer). Immutable. */
public record Validator(PublicKey key, long power) {
    /** Largest power of one validator; keeps the total far from overflow (at most 10^4 validators). */
    public static final long MAX_POWER = 1L << 48;

    public Validator {
        if (power <= 0 || power > MAX_POWER) {
            throw new IllegalArgumentException("a validator's power is between 1 and 2^48, got " + power);
        }
    }

    public Address address() {
        return Address.of(key);
    }

    public void encode(Encoder e) {
        e.publicKey(key).u64(power);
    }

    public static Validator decode(Decoder d) {
        PublicKey k = d.publicKey();
        long p = d.u64();
        if (p <= 0 || p > MAX_POWER) {
            throw Decoder.malformed("validator power out of range: " + p);
        }
        return new Validator(k, p);
    }
}
