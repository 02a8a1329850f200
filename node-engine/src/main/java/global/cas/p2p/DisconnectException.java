package global.cas.p2p;

import java.util.Objects;

/**
 * A connection must end for {@link #reason()}: thrown by the handshake and the frame codec when
 * the peer breaks the protocol, or when the peer itself said it is disconnecting ({@link
 * #byPeer()}).
 */
public final class DisconnectException extends Exception {
    private final DisconnectReason reason;
    private final boolean byPeer;

    public DisconnectException(DisconnectReason reason, String detail) {
        this(reason, detail, false);
    }

    private DisconnectException(DisconnectReason reason, String detail, boolean byPeer) {
        super(reason.name() + ": " + detail);
        this.reason = Objects.requireNonNull(reason);
        this.byPeer = byPeer;
    }

    /** The peer sent a DISCONNECT frame with {@code reason}. */
    public static DisconnectException fromPeer(DisconnectReason reason) {
        return new DisconnectException(reason, "the peer disconnected: " + reason.sentence(), true);
    }

    public DisconnectReason reason() {
        return reason;
    }

    /** True when the reason came from the peer; nothing needs to be sent back. */
    public boolean byPeer() {
        return byPeer;
    }
}
