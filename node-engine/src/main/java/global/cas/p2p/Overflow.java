package global.cas.p2p;

/** What a full outbound queue of a peer does with one more message. */
public enum Overflow {
    /** Drop the oldest queued message of the channel: gossip that the sender repeats anyway. */
    DROP_OLDEST,
    /** Disconnect the peer ({@link DisconnectReason#SLOW_PEER}): a lost message would break a sync. */
    DISCONNECT
}
