package global.cas.p2p;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of a session: seals (or opens) frames with ChaCha20-Poly1305 under one key and a
 * counter nonce that grows by one per frame, so a replayed, dropped or reordered frame fails
 * authentication. Not thread-safe: one connection's event loop owns it.
 */
public final class FrameCipher {
    private static final String ALGORITHM = "ChaCha20-Poly1305";

    private final SecretKeySpec key;
    private final boolean sealing;
    private final Cipher cipher;
    private long counter;

    private FrameCipher(byte[] key, boolean sealing) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a ChaCha20 key has 32 bytes");
        }
        this.key = new SecretKeySpec(key, "ChaCha20");
        this.sealing = sealing;
        try {
            this.cipher = Cipher.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 11+ has ChaCha20-Poly1305", e);
        }
    }

    public static FrameCipher sealer(byte[] key) {
        return new FrameCipher(key, true);
    }

    public static FrameCipher opener(byte[] key) {
        return new FrameCipher(key, false);
    }

    /** The whole frame (header and ciphertext) carrying {@code body} as {@code kind}. */
    public byte[] seal(int kind, byte[] body) {
        if (!sealing) {
            throw new IllegalStateException("this cipher opens frames");
        }
        int max = FrameKind.maxBody(kind);
        if (max < 0 || body.length > max) {
            throw new IllegalArgumentException("a body of " + body.length + " bytes does not fit kind " + kind);
        }
        int length = body.length + Frame.TAG_LENGTH;
        byte[] frame = new byte[Frame.HEADER_LENGTH + length];
        frame[0] = (byte) kind;
        ByteBuffer.wrap(frame, 1, 4).putInt(length);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
            cipher.updateAAD(frame, 0, Frame.HEADER_LENGTH);
            cipher.doFinal(body, 0, body.length, frame, Frame.HEADER_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing cannot fail with a fresh nonce", e);
        }
        return frame;
    }

    /**
     * Checks and decrypts one whole frame.
     *
     * @throws DisconnectException for a bad header, or MALFORMED_MESSAGE when authentication fails
     */
    public Frame open(byte[] frame) throws DisconnectException {
        if (sealing) {
            throw new IllegalStateException("this cipher seals frames");
        }
        int kind = Frame.checkHeader(frame);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nextNonce());
            cipher.updateAAD(frame, 0, Frame.HEADER_LENGTH);
            byte[] body = cipher.doFinal(frame, Frame.HEADER_LENGTH, frame.length - Frame.HEADER_LENGTH);
            return new Frame(kind, body);
        } catch (AEADBadTagException e) {
            throw new DisconnectException(DisconnectReason.MALFORMED_MESSAGE, "a frame failed authentication");
        } catch (GeneralSecurityException e) {
            throw new DisconnectException(DisconnectReason.MALFORMED_MESSAGE, "a frame cannot be decrypted: " + e);
        }
    }

    private IvParameterSpec nextNonce() {
        if (counter == -1L) {
            throw new IllegalStateException("2^64 frames on one session");
        }
        byte[] nonce = new byte[12];
        ByteBuffer.wrap(nonce, 4, 8).putLong(counter++);
        return new IvParameterSpec(nonce);
    }

    @Override
    public String toString() {
        return "FrameCipher[" + (sealing ? "seal" : "open") + ", frame " + counter + "]";
    }
}
