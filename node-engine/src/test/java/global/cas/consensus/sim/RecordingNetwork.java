package global.cas.consensus.sim;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.driver.ConsensusNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * A network for one driver fed by hand: it records what the driver broadcasts, what it sends to
 * one peer (every send taken) and whom it reports. Not thread-safe: the driver's thread only.
 */
final class RecordingNetwork implements ConsensusNetwork {
    /** Something the driver sent to one peer. */
    record Sent(String peer, ConsensusMessage message) {}

    final List<ConsensusMessage> broadcasts = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    /** Each report as "peer: reason". */
    final List<String> misbehaved = new ArrayList<>();

    @Override
    public void broadcast(ConsensusMessage message) {
        broadcasts.add(message);
    }

    @Override
    public boolean send(String peer, ConsensusMessage message) {
        return sent.add(new Sent(peer, message));
    }

    @Override
    public void misbehaved(String peer, String reason) {
        misbehaved.add(peer + ": " + reason);
    }
}
