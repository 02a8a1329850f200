package global.cas.wallet.keys;

import global.cas.crypto.KeyPair;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A SLIP-0010 Ed25519 extended private key: a 32-byte private key (an RFC 8032 seed) and a
 * 32-byte chain code. It derives hardened children only, as SLIP-0010 requires for Ed25519.
 * {@link #toString()} shows neither part. Immutable and thread-safe.
 */
public final class ExtendedKey {
    static final int LENGTH = 32;

    private final byte[] privateKey;
    private final byte[] chainCode;

    private ExtendedKey(byte[] privateKey, byte[] chainCode) {
        this.privateKey = privateKey;
        this.chainCode = chainCode;
    }

    /** Splits an HMAC-SHA512 output into key (left half) and chain code (right half). */
    static ExtendedKey fromHmac(byte[] i) {
        ExtendedKey k = new ExtendedKey(Arrays.copyOfRange(i, 0, LENGTH), Arrays.copyOfRange(i, LENGTH, 2 * LENGTH));
        Arrays.fill(i, (byte) 0);
        return k;
    }

    static byte[] hmacSha512(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /**
     * The hardened child {@code index'}: HMAC-SHA512(chain code, 0x00 || key || ser32(index +
     * 2<sup>31</sup>)).
     *
     * @throws IllegalArgumentException when {@code index} is negative (it is given without the
     *     hardened bit)
     */
    public ExtendedKey deriveHardened(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("give the child number without the hardened bit (0 to 2147483647)");
        }
        int i = index | DerivationPath.HARDENED;
        byte[] data = new byte[1 + LENGTH + 4];
        System.arraycopy(privateKey, 0, data, 1, LENGTH);
        data[LENGTH + 1] = (byte) (i >>> 24);
        data[LENGTH + 2] = (byte) (i >>> 16);
        data[LENGTH + 3] = (byte) (i >>> 8);
        data[LENGTH + 4] = (byte) i;
        ExtendedKey child = fromHmac(hmacSha512(chainCode, data));
        Arrays.fill(data, (byte) 0);
        return child;
    }

    /** Follows every step of {@code path} from this key. */
    public ExtendedKey derive(DerivationPath path) {
        ExtendedKey k = this;
        for (int i : path.indices()) {
            k = k.deriveHardened(i);
        }
        return k;
    }

    /** A copy of the 32-byte private key; callers should wipe it when done. */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** A copy of the 32-byte chain code. */
    public byte[] chainCode() {
        return chainCode.clone();
    }

    /** The Ed25519 key pair whose RFC 8032 seed is this private key. */
    public KeyPair keyPair() {
        return KeyPair.fromSeed(privateKey);
    }

    /** The public key as SLIP-0010 writes it: 0x00 followed by the 32-byte Ed25519 key. */
    public byte[] publicKey() {
        byte[] pk = keyPair().publicKey().bytes();
        byte[] out = new byte[1 + pk.length];
        System.arraycopy(pk, 0, out, 1, pk.length);
        return out;
    }

    @Override
    public String toString() {
        return "ExtendedKey[" + keyPair().publicKey().hex() + "]";
    }
}
