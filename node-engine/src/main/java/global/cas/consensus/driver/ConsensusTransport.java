package global.cas.consensus.driver;

import global.cas.consensus.ConsensusMessage;
import java.util.function.BiConsumer;

/**
 * The consensus messages' way in and out of a node: {@link ConsensusNetwork} to send, and one
 * receiver for what peers send (called on any thread; the producer moves it to the driver's).
 */
public interface ConsensusTransport extends ConsensusNetwork {
    /** Where messages from peers go: (peer id, message). Set once, before the transport starts. */
    void onMessage(BiConsumer<String, ConsensusMessage> receiver);

    /** No peers: a lone validator's devnet, or a node whose network is not started. */
    ConsensusTransport NONE = new ConsensusTransport() {
        @Override
        public void onMessage(BiConsumer<String, ConsensusMessage> receiver) {}

        @Override
        public void broadcast(ConsensusMessage message) {}

        @Override
        public boolean send(String peer, ConsensusMessage message) {
            return false;
        }

        @Override
        public void misbehaved(String peer, String reason) {}
    };
}
