package global.cas.p2p;

import java.nio.ByteBuffer;

/**
 * One decrypted frame: its {@link FrameKind} and body.
 *
 * <p>On the wire a frame is {@code kind (1) ‖ length (4, big-endian, unsigned) ‖ ciphertext
 * (length bytes)}, the ciphertext being ChaCha20-Poly1305 of the body (so length = body + 16),
 * with the 5 header bytes as associated data and a 96-bit nonce of 4 zero bytes and a 64-bit
 * counter of the frames sent in that direction. The header is checked ({@link #checkHeader})
 * before a single byte of the body is read or allocated.
 */
public record Frame(int kind, byte[] body) {
    public static final int HEADER_LENGTH = 5;
    public static final int TAG_LENGTH = 16;

    /** The channel of a channel frame. */
    public java.util.Optional<Channel> channel() {
        return Channel.fromId(kind);
    }

    /**
     * Checks a frame header read from the wire.
     *
     * @param kind the first byte, unsigned
     * @param length the next four bytes as a signed int (a length of 2 GiB or more is negative)
     * @throws DisconnectException MALFORMED_MESSAGE for an unknown kind or a length shorter than the
     *     tag, OVERSIZE_MESSAGE for a body larger than the kind allows
     */
    public static void checkHeader(int kind, int length) throws DisconnectException {
        int max = FrameKind.maxBody(kind);
        if (max < 0) {
            throw new DisconnectException(DisconnectReason.MALFORMED_MESSAGE, "unknown frame kind " + kind);
        }
        if (length < 0 || (long) length - TAG_LENGTH > max) {
            throw new DisconnectException(
                    DisconnectReason.OVERSIZE_MESSAGE,
                    "frame of kind " + kind + " announces " + Integer.toUnsignedString(length) + " bytes, at most "
                            + (max + TAG_LENGTH) + " allowed");
        }
        if (length < TAG_LENGTH) {
            throw new DisconnectException(DisconnectReason.MALFORMED_MESSAGE, "frame shorter than its tag");
        }
    }

    /** Reads kind and length from the first {@link #HEADER_LENGTH} bytes of {@code frame} and checks them. */
    static int checkHeader(byte[] frame) throws DisconnectException {
        if (frame.length < HEADER_LENGTH) {
            throw new DisconnectException(DisconnectReason.MALFORMED_MESSAGE, "frame shorter than its header");
        }
        int kind = frame[0] & 0xff;
        int length = ByteBuffer.wrap(frame, 1, 4).getInt();
        checkHeader(kind, length);
        if (frame.length != HEADER_LENGTH + length) {
            throw new DisconnectException(DisconnectReason.MALFORMED_MESSAGE, "frame length does not match its header");
        }
        return kind;
    }
}
