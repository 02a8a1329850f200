package global.cas.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 through the JDK's provider, one digest object per thread. */
public final class Sha256 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private Sha256() {}

    public static byte[] digest(byte[]... parts) {
        MessageDigest md = DIGEST.get();
        md.reset();
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }
}
