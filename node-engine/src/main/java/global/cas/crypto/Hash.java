package global.cas.crypto;

import java.util.Arrays;

/** A 32-byte SHA-256 digest (U3). Immutable. */
public final class Hash implements Comparable<Hash> {
    public static final int LENGTH = 32;
    public static final Hash ZERO = new Hash(new byte[LENGTH]);

    private final byte[] bytes;
    private final int hashCode;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
        this.hashCode = Arrays.hashCode(bytes);
    }

    public static Hash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    public static Hash fromHex(String hex) {
        return of(Bytes.fromHex(hex));
    }

    /** SHA-256 of the concatenation of the parts. */
    public static Hash sha256(byte[]... parts) {
        return new Hash(Sha256.digest(parts));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** First eight bytes as an unsigned big-endian number, used by the proof-of-work target. */
    public long leadingLong() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[i] & 0xff);
        }
        return v;
    }

    void copyInto(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, LENGTH);
    }

    public String hex() {
        return Bytes.hex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public int compareTo(Hash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
