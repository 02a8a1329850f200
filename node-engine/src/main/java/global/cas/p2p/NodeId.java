package global.cas.p2p;

import global.cas.crypto.Bytes;
import global.cas.crypto.PublicKey;
import java.util.Objects;

/**
 * The identity of a node on the network: its Ed25519 node public key, proven in every handshake.
 * Immutable and thread-safe; ordered by the unsigned bytes of the key, the order that settles a
 * duplicate connection.
 */
public record NodeId(PublicKey key) implements Comparable<NodeId> {
    /** Characters of the short form used in logs. */
    public static final int SHORT_LENGTH = 12;

    public NodeId {
        Objects.requireNonNull(key, "key");
    }

    public static NodeId of(byte[] bytes) {
        return new NodeId(PublicKey.of(bytes));
    }

    public static NodeId fromHex(String hex) {
        return of(Bytes.fromHex(hex));
    }

    public byte[] bytes() {
        return key.bytes();
    }

    /** The full key in lower-case hex (64 characters). */
    public String hex() {
        return key.hex();
    }

    /** The first {@value #SHORT_LENGTH} hex characters, enough to tell peers apart in a log. */
    public String shortId() {
        return hex().substring(0, SHORT_LENGTH);
    }

    @Override
    public int compareTo(NodeId o) {
        return Bytes.compare(key.bytes(), o.key.bytes());
    }

    @Override
    public String toString() {
        return shortId();
    }
}
