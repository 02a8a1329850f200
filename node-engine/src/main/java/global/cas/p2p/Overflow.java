package global.cas.p2p;

/** What a full outbound queue of a peer does with one more message. */
public enum Overflow {
    /** Drop the oldest queued message of the channel: gossip that the sender repeats anyway. */
    DROP_OLDEST,
    /**
     * Refuse the new message and keep the connection: the sender learns it was not queued and sends
     * it later (a sync range is asked for again every second, so nothing is lost and nothing queued
     * is dropped).
     */
    REFUSE
}
