package global.cas.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair built from a 32-byte private seed (RFC 8032). Signing is deterministic.
 * Thread-safe; {@link #toString()} never shows the private part.
 */
public final class KeyPair {
    public static final int SEED_LENGTH = Ed25519.SECRET_KEY_SIZE;

    private final byte[] seed;
    private final PublicKey publicKey;

    private KeyPair(byte[] seed) {
        this.seed = seed;
        byte[] pk = new byte[PublicKey.LENGTH];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        this.publicKey = PublicKey.of(pk);
    }

    public static KeyPair fromSeed(byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, got " + seed.length);
        }
        return new KeyPair(seed.clone());
    }

    public static KeyPair random(SecureRandom random) {
        byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        return new KeyPair(seed);
    }

    public Signature sign(byte[] message) {
        byte[] sig = new byte[Signature.LENGTH];
        Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
        return Signature.wrap(sig);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The address of this key's public key (U2). */
    public Address address() {
        return Address.of(publicKey);
    }

    /** A copy of the private seed; callers must wipe it when done. */
    public byte[] seed() {
        return seed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPair k && Arrays.equals(seed, k.seed);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "KeyPair[" + publicKey.hex() + "]";
    }
}
