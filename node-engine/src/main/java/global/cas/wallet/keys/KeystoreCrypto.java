package global.cas.wallet.keys;

import global.cas.crypto.Sha256;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The keystore's cryptography: Argon2id (BouncyCastle) turns the wallet password into 64 bytes,
 * the first 32 are the AES-256-GCM key, the last 32 give a password check value. The check lets
 * a wrong password be told apart from a damaged file; it gives an attacker nothing that the GCM
 * tag does not already give. Stateless and thread-safe.
 */
final class KeystoreCrypto {
    static final int SALT_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int KEY_LENGTH = 32;
    static final int CHECK_LENGTH = 32;
    static final int TAG_BITS = 128;
    private static final byte[] CHECK_DOMAIN = "cas-wallet-keystore password check".getBytes(StandardCharsets.US_ASCII);

    /** The AES key and the password check value derived from one password. */
    record Keys(byte[] encryptionKey, byte[] passwordCheck) {
        void wipe() {
            Arrays.fill(encryptionKey, (byte) 0);
        }
    }

    private KeystoreCrypto() {}

    /** The password as Argon2 reads it: Unicode NFKD, then UTF-8. */
    static byte[] passwordBytes(char[] password) {
        return Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKD)
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] argon2id(byte[] password, byte[] salt, KdfParams kdf, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(kdf.iterations())
                .withMemoryAsKB(kdf.memoryKiB())
                .withParallelism(kdf.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] out = new byte[length];
        gen.generateBytes(password, out);
        return out;
    }

    static Keys derive(char[] password, byte[] salt, KdfParams kdf) {
        byte[] pw = passwordBytes(password);
        byte[] out = argon2id(pw, salt, kdf, KEY_LENGTH + CHECK_LENGTH);
        Arrays.fill(pw, (byte) 0);
        byte[] key = Arrays.copyOf(out, KEY_LENGTH);
        byte[] checkKey = Arrays.copyOfRange(out, KEY_LENGTH, KEY_LENGTH + CHECK_LENGTH);
        Arrays.fill(out, (byte) 0);
        byte[] check = Sha256.digest(CHECK_DOMAIN, checkKey);
        Arrays.fill(checkKey, (byte) 0);
        return new Keys(key, check);
    }

    static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData);
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-256-GCM", e);
        }
    }

    /** @throws AEADBadTagException when the ciphertext, the nonce or the associated data changed */
    static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associatedData)
            throws AEADBadTagException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData);
            return c.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-256-GCM", e);
        }
    }
}
