package global.cas.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 public key (32 bytes, U2). Immutable and thread-safe. */
public final class PublicKey {
    public static final int LENGTH = Ed25519.PUBLIC_KEY_SIZE;

    private final byte[] bytes;

    private PublicKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static PublicKey of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, got " + bytes.length);
        }
        return new PublicKey(bytes.clone());
    }

    /** True when {@code signature} is this key's valid signature of {@code message}. */
    public boolean verify(byte[] message, Signature signature) {
        byte[] sig = signature.raw();
        return Ed25519.verify(sig, 0, bytes, 0, message, 0, message.length);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] raw() {
        return bytes;
    }

    public String hex() {
        return Bytes.hex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
