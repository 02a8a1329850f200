package global.cas.testing;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.driver.ConsensusTransport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Consensus transports of nodes in one process, joined like a network with every node connected to
 * every other: each message is encoded and decoded again (the wire format is exercised), and a node
 * can be cut off and joined again. Misbehaviour reports are kept for assertions. Thread-safe.
 */
public final class LocalConsensusHub {
    private final Map<String, BiConsumer<String, ConsensusMessage>> receivers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cut = new ConcurrentHashMap<>();
    private final List<String> misbehaviour = new CopyOnWriteArrayList<>();

    /** The transport of the node named {@code name}. */
    public ConsensusTransport transport(String name) {
        return new ConsensusTransport() {
            @Override
            public void onMessage(BiConsumer<String, ConsensusMessage> receiver) {
                receivers.put(name, receiver);
            }

            @Override
            public void broadcast(ConsensusMessage message) {
                for (String peer : receivers.keySet()) {
                    if (!peer.equals(name)) {
                        deliver(name, peer, message);
                    }
                }
            }

            @Override
            public boolean send(String peer, ConsensusMessage message) {
                deliver(name, peer, message);
                return true;
            }

            @Override
            public void misbehaved(String peer, String reason) {
                misbehaviour.add(name + " <- " + peer + ": " + reason);
            }
        };
    }

    private void deliver(String from, String to, ConsensusMessage message) {
        if (cut.getOrDefault(from, false) || cut.getOrDefault(to, false)) {
            return;
        }
        BiConsumer<String, ConsensusMessage> r = receivers.get(to);
        if (r != null) {
            r.accept(from, ConsensusMessage.decode(message.encode()));
        }
    }

    /** Cuts {@code name} off from every other node, or joins it again. */
    public void cut(String name, boolean off) {
        cut.put(name, off);
    }

    /** Forgets a stopped node's receiver (a restarted node registers again). */
    public void leave(String name) {
        receivers.remove(name);
    }

    public List<String> misbehaviour() {
        return List.copyOf(misbehaviour);
    }
}
