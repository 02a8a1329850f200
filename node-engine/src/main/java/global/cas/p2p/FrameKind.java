package global.cas.p2p;

/**
 * The kind byte of a frame: a {@link Channel} id (1–4) or one of the control kinds below, which the
 * transport handles itself. Each kind has a largest body; any other byte is malformed.
 */
public final class FrameKind {
    /** The second handshake message: node key, signature, chain id, genesis, version, port. */
    public static final int AUTH = 0x70;
    /** The sender accepted the peer's AUTH; once both sides have it, messages flow. Empty body. */
    public static final int READY = 0x71;
    /** The sender is closing: a two-byte {@link DisconnectReason} code. */
    public static final int DISCONNECT = 0x72;
    /** Keep-alive: eight bytes the peer echoes in a PONG. */
    public static final int PING = 0x73;

    public static final int PONG = 0x74;

    static final int MAX_AUTH_BODY = 256;

    private FrameKind() {}

    /** The largest body of {@code kind}, or -1 when no such kind exists. */
    public static int maxBody(int kind) {
        return switch (kind) {
            case AUTH -> MAX_AUTH_BODY;
            case READY -> 0;
            case DISCONNECT -> 2;
            case PING, PONG -> 8;
            default -> Channel.fromId(kind).map(Channel::maxMessageBytes).orElse(-1);
        };
    }
}
