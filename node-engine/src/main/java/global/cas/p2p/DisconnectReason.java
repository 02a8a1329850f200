package global.cas.p2p;

import java.util.Optional;

/**
 * Why a connection ended. The code is on the wire (a DISCONNECT frame carries it, two bytes) and
 * never changes meaning; a code this version does not know reads as {@link #UNKNOWN}. A reason that
 * {@link #bans()} marks behaviour no honest node shows: the peer's node id is banned for the
 * configured duration.
 */
public enum DisconnectReason {
    UNKNOWN(0, false, "the peer gave a reason this version does not know"),
    SHUTTING_DOWN(1, false, "the node is shutting down"),
    REQUESTED(2, false, "the connection was closed on request"),
    WRONG_CHAIN(3, false, "the peer is on another chain (its chain id differs)"),
    WRONG_GENESIS(4, false, "the peer has another genesis block for the same chain id"),
    INCOMPATIBLE_VERSION(5, false, "the peer speaks another version of the protocol"),
    SELF_CONNECTION(6, false, "the node connected to itself"),
    DUPLICATE_CONNECTION(7, false, "there is already a connection to this node"),
    TOO_MANY_PEERS(8, false, "the node has as many peers as it accepts"),
    BANNED(9, false, "the peer is banned for a while after misbehaving"),
    HANDSHAKE_TIMEOUT(10, false, "the handshake did not finish in time"),
    HANDSHAKE_FAILED(11, true, "the handshake failed (bad signature or malformed handshake message)"),
    MALFORMED_MESSAGE(12, true, "the peer sent a message that cannot be read or failed authentication"),
    OVERSIZE_MESSAGE(13, true, "the peer sent a message larger than its channel allows"),
    RATE_LIMITED(14, true, "the peer sent more than its channel's rate limit"),
    INVALID_MESSAGE(15, true, "the peer sent an invalid message (bad signature, unknown validator, wrong commit)"),
    IDLE(16, false, "the peer stopped answering keep-alive pings"),
    SLOW_PEER(17, false, "the peer did not read its messages fast enough"),
    CONNECTION_LOST(18, false, "the connection was lost without a reason");

    private final int code;
    private final boolean bans;
    private final String sentence;

    DisconnectReason(int code, boolean bans, String sentence) {
        this.code = code;
        this.bans = bans;
        this.sentence = sentence;
    }

    /** The stable wire code (0–65535). */
    public int code() {
        return code;
    }

    /** True when a peer disconnected for this reason is banned. */
    public boolean bans() {
        return bans;
    }

    /** One English sentence for logs; the UI translates by {@link #name()}. */
    public String sentence() {
        return sentence;
    }

    public static Optional<DisconnectReason> fromCode(int code) {
        for (DisconnectReason r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
