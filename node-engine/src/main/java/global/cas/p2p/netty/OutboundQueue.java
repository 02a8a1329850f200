package global.cas.p2p.netty;

import global.cas.p2p.Channel;
import global.cas.p2p.Overflow;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Messages waiting to be sealed and written to one peer, bounded per channel by {@link
 * Channel#queueBytes()} and {@link #MAX_MESSAGES}. A full channel drops its oldest message or
 * refuses (the peer is then disconnected as slow), by its {@link Overflow}. Drained by strict
 * priority in channel order. Thread-safe (synchronized).
 */
final class OutboundQueue {
    static final int MAX_MESSAGES = 65_536;

    enum Offer {
        QUEUED,
        QUEUED_DROPPING_OLDEST,
        /** Not queued, the connection kept: the channel refuses when full ({@link Overflow#REFUSE}). */
        FULL,
        /** Not queued and never will be: larger than the channel's whole queue. */
        REFUSED
    }

    record Item(Channel channel, byte[] body) {}

    private final Map<Channel, ArrayDeque<byte[]>> queues = new EnumMap<>(Channel.class);
    private final Map<Channel, Long> bytes = new EnumMap<>(Channel.class);
    private long dropped;

    OutboundQueue() {
        for (Channel c : Channel.values()) {
            queues.put(c, new ArrayDeque<>());
            bytes.put(c, 0L);
        }
    }

    synchronized Offer offer(Channel channel, byte[] body) {
        ArrayDeque<byte[]> q = queues.get(channel);
        long used = bytes.get(channel);
        if (body.length > channel.queueBytes()) {
            return Offer.REFUSED;
        }
        boolean full = used + body.length > channel.queueBytes() || q.size() >= MAX_MESSAGES;
        if (full && channel.overflow() == Overflow.REFUSE) {
            return Offer.FULL;
        }
        Offer result = full ? Offer.QUEUED_DROPPING_OLDEST : Offer.QUEUED;
        while (!q.isEmpty() && (used + body.length > channel.queueBytes() || q.size() >= MAX_MESSAGES)) {
            used -= q.removeFirst().length;
            dropped++;
        }
        q.addLast(body);
        bytes.put(channel, used + body.length);
        return result;
    }

    synchronized Optional<Item> poll() {
        for (Channel c : Channel.values()) {
            byte[] body = queues.get(c).pollFirst();
            if (body != null) {
                bytes.put(c, bytes.get(c) - body.length);
                return Optional.of(new Item(c, body));
            }
        }
        return Optional.empty();
    }

    synchronized long queuedBytes(Channel c) {
        return bytes.get(c);
    }

    synchronized int size() {
        return queues.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized void clear() {
        queues.values().forEach(ArrayDeque::clear);
        bytes.replaceAll((c, b) -> 0L);
    }
}
