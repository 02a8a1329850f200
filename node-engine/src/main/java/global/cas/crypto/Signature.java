package global.cas.crypto;

import java.util.Arrays;

/** An Ed25519 signature (64 bytes). Immutable. */
public final class Signature {
    public static final int LENGTH = 64;
    private final byte[] bytes;

    private Signature(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Signature of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, got " + bytes.length);
        }
        return new Signature(bytes.clone());
    }

    static Signature wrap(byte[] bytes) {
        return new Signature(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] raw() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Bytes.hex(bytes);
    }
}
