package global.cas.p2p;

import java.util.Optional;

/**
 * The logical streams multiplexed over one connection. The id is the frame kind on the wire. Each
 * channel has a largest message, a per-peer inbound rate (bytes and messages per second, with a
 * burst of one second or one largest message, whichever is larger), and a bounded outbound queue per
 * peer with an {@link Overflow} policy. Queues are drained in this enum's order: consensus first.
 */
public enum Channel {
    /** Proposals (a whole block of up to 8 MiB plus its header and signature) and votes. */
    CONSENSUS(1, 8 * Sizes.MIB + 64 * Sizes.KIB, 32 * Sizes.MIB, 5_000, 64 * Sizes.MIB, Overflow.DROP_OLDEST),
    /**
     * Committed blocks with their commits and the ranges asked for, for catching up: apart from
     * consensus, so a peer catching up never pushes votes out of its queue (a sync of empty blocks
     * runs at about 3,000 blocks a second from one peer).
     */
    BLOCKS(2, 16 * Sizes.MIB, 64 * Sizes.MIB, 10_000, 128 * Sizes.MIB, Overflow.REFUSE),
    /** Transactions gossiped to the mempools. */
    TRANSACTIONS(3, Sizes.MIB, 16 * Sizes.MIB, 40_000, 16 * Sizes.MIB, Overflow.DROP_OLDEST),
    /** Peer exchange (requests and lists of addresses). */
    PEERS(4, 64 * Sizes.KIB, 256 * Sizes.KIB, 20, 256 * Sizes.KIB, Overflow.DROP_OLDEST);

    private final int id;
    private final int maxMessageBytes;
    private final long bytesPerSecond;
    private final long messagesPerSecond;
    private final long queueBytes;
    private final Overflow overflow;

    Channel(int id, int maxMessageBytes, long bytesPerSecond, long messagesPerSecond, long queueBytes, Overflow o) {
        this.id = id;
        this.maxMessageBytes = maxMessageBytes;
        this.bytesPerSecond = bytesPerSecond;
        this.messagesPerSecond = messagesPerSecond;
        this.queueBytes = queueBytes;
        this.overflow = o;
    }

    public int id() {
        return id;
    }

    /** The largest message body; a frame announcing more is refused before it is read. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    public long messagesPerSecond() {
        return messagesPerSecond;
    }

    /** The most bytes queued towards one peer on this channel. */
    public long queueBytes() {
        return queueBytes;
    }

    public Overflow overflow() {
        return overflow;
    }

    public static Optional<Channel> fromId(int id) {
        for (Channel c : values()) {
            if (c.id == id) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static final class Sizes {
        static final int KIB = 1024;
        static final int MIB = 1024 * KIB;
    }
}
