package global.cas.p2p.netty;

import global.cas.p2p.Channel;
import global.cas.p2p.DisconnectReason;
import global.cas.p2p.HandshakeInfo;
import global.cas.p2p.NodeId;
import global.cas.p2p.PeerInfo;
import global.cas.p2p.RateLimiter;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One authenticated connection: who is at the other end, its counters, inbound rate limits and
 * outbound queue. Created by its {@link PeerHandler} once the peer's AUTH checks out. Thread-safe:
 * any thread may {@link #enqueue} or {@link #disconnect}; sealing and writing happen on the
 * connection's event loop.
 */
final class PeerConnection {
    private final PeerHandler handler;
    private final NodeId id;
    private final HandshakeInfo info;
    private final boolean inbound;
    private final InetSocketAddress remote;
    private final Optional<InetSocketAddress> dialed;
    private final Map<Channel, RateLimiter> limits = new EnumMap<>(Channel.class);
    private final OutboundQueue queue = new OutboundQueue();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    private volatile Instant openedAt;

    PeerConnection(
            PeerHandler handler,
            NodeId id,
            HandshakeInfo info,
            boolean inbound,
            InetSocketAddress remote,
            Optional<InetSocketAddress> dialed,
            LongSupplier millis) {
        this.handler = handler;
        this.id = id;
        this.info = info;
        this.inbound = inbound;
        this.remote = remote;
        this.dialed = dialed;
        for (Channel c : Channel.values()) {
            limits.put(c, RateLimiter.forChannel(c, millis));
        }
    }

    NodeId id() {
        return id;
    }

    HandshakeInfo info() {
        return info;
    }

    boolean inbound() {
        return inbound;
    }

    InetSocketAddress remote() {
        return remote;
    }

    /** The address this node dialled, for an outbound connection. */
    Optional<InetSocketAddress> dialed() {
        return dialed;
    }

    /** Where the peer accepts connections, when it says it does. */
    Optional<InetSocketAddress> listenAddress() {
        return info.listenPort() == 0
                ? Optional.empty()
                : Optional.of(new InetSocketAddress(remote.getAddress(), info.listenPort()));
    }

    /** The last measured round trip in microseconds; -1 before the first. */
    private volatile long roundTripMicros = -1;

    boolean isOpen() {
        return openedAt != null && handler.isOpen();
    }

    void markOpen(Instant at) {
        openedAt = at;
    }

    boolean allowInbound(Channel channel, int size) {
        return limits.get(channel).tryAcquire(size);
    }

    /** The last PING's answer came back after {@code nanos}. */
    void roundTrip(long nanos) {
        roundTripMicros = Math.max(0, nanos / 1_000);
    }

    PeerInfo info(Instant fallback) {
        Instant since = openedAt != null ? openedAt : fallback;
        return new PeerInfo(
                id,
                remote,
                inbound,
                since,
                info.listenPort(),
                bytesIn.get(),
                bytesOut.get(),
                roundTripMicros < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(roundTripMicros));
    }

    /** Queues a message; false when the connection is not open or the queue refused it. */
    boolean enqueue(Channel channel, byte[] body) {
        if (!isOpen()) {
            return false;
        }
        OutboundQueue.Offer offer = queue.offer(channel, body);
        if (offer == OutboundQueue.Offer.REFUSED) {
            disconnect(DisconnectReason.SLOW_PEER);
            return false;
        }
        if (offer == OutboundQueue.Offer.FULL) {
            return false;
        }
        scheduleDrain();
        return true;
    }

    void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            handler.executeOnLoop(() -> {
                drainScheduled.set(false);
                handler.drain(queue);
            });
        }
    }

    /** Tells the peer {@code reason} and closes; bans it when the reason bans. */
    void disconnect(DisconnectReason reason) {
        handler.executeOnLoop(() -> handler.fail(reason, false));
    }

    void discardQueue() {
        queue.clear();
    }

    @Override
    public String toString() {
        return id.shortId() + (inbound ? " from " : " to ") + remote;
    }
}
