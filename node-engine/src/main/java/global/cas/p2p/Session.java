package global.cas.p2p;

/**
 * The two frame ciphers of one connection after the key exchange: one seals what this node sends,
 * the other opens what the peer sends. Not thread-safe: the connection's event loop owns it, and
 * sealing there keeps nonces in wire order.
 */
public final class Session {
    private final FrameCipher out;
    private final FrameCipher in;

    public Session(FrameCipher out, FrameCipher in) {
        this.out = out;
        this.in = in;
    }

    public byte[] seal(int kind, byte[] body) {
        return out.seal(kind, body);
    }

    public Frame open(byte[] frame) throws DisconnectException {
        return in.open(frame);
    }

    /** A DISCONNECT frame telling the peer {@code reason}. */
    public byte[] disconnectFrame(DisconnectReason reason) {
        return seal(FrameKind.DISCONNECT, new byte[] {(byte) (reason.code() >>> 8), (byte) reason.code()});
    }

    /** The reason in a DISCONNECT body; an unknown code reads as {@link DisconnectReason#UNKNOWN}. */
    public static DisconnectReason disconnectReason(byte[] body) throws DisconnectException {
        if (body.length != 2) {
            throw new DisconnectException(DisconnectReason.MALFORMED_MESSAGE, "a DISCONNECT body has 2 bytes");
        }
        int code = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
        return DisconnectReason.fromCode(code).orElse(DisconnectReason.UNKNOWN);
    }
}
