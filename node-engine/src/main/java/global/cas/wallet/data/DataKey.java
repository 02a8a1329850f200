package global.cas.wallet.data;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The random 256-bit key that encrypts one wallet's data file. It is made once, when the wallet is
 * created (or when a wallet of an older version is first unlocked), and kept inside the keystore's
 * encrypted secret, so the data file needs the wallet password to open while a password change
 * only re-wraps the keystore and leaves the data file as it is. Not thread-safe: {@link #close()}
 * wipes it, and {@link #toString()} shows nothing of it.
 */
public final class DataKey implements AutoCloseable {
    /** The length of a data key in bytes. */
    public static final int LENGTH = 32;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] key;

    private DataKey(byte[] key) {
        this.key = key;
    }

    /** A new random key. */
    public static DataKey random(SecureRandom random) {
        byte[] k = new byte[LENGTH];
        random.nextBytes(k);
        return new DataKey(k);
    }

    /**
     * A key from its bytes (copied).
     *
     * @throws IllegalArgumentException when there are not {@value #LENGTH} bytes
     */
    public static DataKey of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a wallet data key has " + LENGTH + " bytes, got " + bytes.length);
        }
        return new DataKey(bytes.clone());
    }

    /** A copy of the key's bytes; the caller wipes it. */
    public byte[] bytes() {
        return key.clone();
    }

    /**
     * The key as the file password of an H2 file cipher: 64 hexadecimal digits (a fresh array the
     * caller, or H2, wipes). H2 stretches it once more with its own salt; the key's 256 random bits
     * are what protects the file.
     */
    public char[] filePassword() {
        char[] out = new char[LENGTH * 2];
        for (int i = 0; i < LENGTH; i++) {
            out[2 * i] = HEX[(key[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[key[i] & 0xf];
        }
        return out;
    }

    /** A copy that can be closed on its own. */
    public DataKey copy() {
        return new DataKey(key.clone());
    }

    /** Wipes the key. */
    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "DataKey[hidden]";
    }
}
