package global.cas.p2p.netty;

import global.cas.p2p.BanList;
import global.cas.p2p.DisconnectReason;
import global.cas.p2p.NodeId;
import global.cas.p2p.PeerEvent;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accepted connections, one per node id, and the rules for letting one in: not banned, not
 * over the inbound limit, and of two connections to the same node the one opened by the node with
 * the smaller id (both ends compute the same answer; when both were opened by the same side the
 * older stays). Tells {@link Events} when a node id becomes connected and when its last
 * connection ends, so replacing a duplicate is invisible to listeners. Thread-safe (synchronized).
 */
final class Connections {
    private final NodeId local;
    private final BanList bans;
    private final int maxInbound;
    private final Events events;
    private final InstantSource clock;
    private final Map<NodeId, PeerConnection> byId = new HashMap<>();
    private final Set<NodeId> announced = new HashSet<>();

    Connections(NodeId local, BanList bans, int maxInbound, Events events, InstantSource clock) {
        this.local = local;
        this.bans = bans;
        this.maxInbound = maxInbound;
        this.events = events;
        this.clock = clock;
    }

    synchronized Optional<DisconnectReason> accept(PeerConnection c) {
        if (bans.isBanned(c.id())) {
            return Optional.of(DisconnectReason.BANNED);
        }
        PeerConnection existing = byId.get(c.id());
        if (existing != null) {
            if (!preferNew(existing, c)) {
                return Optional.of(DisconnectReason.DUPLICATE_CONNECTION);
            }
            byId.put(c.id(), c);
            existing.disconnect(DisconnectReason.DUPLICATE_CONNECTION);
            return Optional.empty();
        }
        if (c.inbound() && inboundCount() >= maxInbound) {
            return Optional.of(DisconnectReason.TOO_MANY_PEERS);
        }
        byId.put(c.id(), c);
        return Optional.empty();
    }

    private boolean preferNew(PeerConnection existing, PeerConnection fresh) {
        NodeId a = initiator(existing);
        NodeId b = initiator(fresh);
        return !a.equals(b) && b.compareTo(a) < 0;
    }

    private NodeId initiator(PeerConnection c) {
        return c.inbound() ? c.id() : local;
    }

    /** True when {@code c} is still the connection of its node id (not replaced meanwhile). */
    synchronized boolean opened(PeerConnection c) {
        if (byId.get(c.id()) != c) {
            return false;
        }
        if (announced.add(c.id())) {
            events.peer(new PeerEvent.Connected(c.info(clock.instant())));
        }
        return true;
    }

    /** True when {@code c} was its node's last connection (listeners were told). */
    synchronized boolean closed(PeerConnection c, DisconnectReason reason, boolean byPeer) {
        if (!byId.remove(c.id(), c)) {
            return false;
        }
        if (announced.remove(c.id())) {
            events.peer(new PeerEvent.Disconnected(c.id(), c.remote(), reason, byPeer));
        }
        return true;
    }

    /** The open connection to {@code id}. */
    synchronized Optional<PeerConnection> open(NodeId id) {
        return Optional.ofNullable(byId.get(id)).filter(PeerConnection::isOpen);
    }

    /** The accepted connection to {@code id}, open or still finishing its handshake. */
    synchronized Optional<PeerConnection> current(NodeId id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized boolean isConnected(NodeId id) {
        return announced.contains(id);
    }

    synchronized List<PeerConnection> open() {
        return byId.values().stream().filter(PeerConnection::isOpen).toList();
    }

    synchronized List<PeerConnection> all() {
        return new ArrayList<>(byId.values());
    }

    synchronized int inboundCount() {
        return (int) byId.values().stream().filter(PeerConnection::inbound).count();
    }

    synchronized int outboundCount() {
        return byId.size() - inboundCount();
    }
}
