package global.cas.consensus.driver;

import global.cas.crypto.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks the driver met at its current height, by hash: each with the chain's verdict on it
 * (the first one given is kept) and its bytes, for proposing it, voting on it and committing it.
 * Emptied when a height starts. Not thread-safe: the driver's thread only.
 */
final class HeightBlocks {
    private final ConsensusApp app;
    private final Map<Hash, ConsensusApp.Checked> checked = new HashMap<>();
    private final Map<Hash, byte[]> bytes = new HashMap<>();

    HeightBlocks(ConsensusApp app) {
        this.app = app;
    }

    /** A new height: nothing met yet. */
    void clear() {
        checked.clear();
        bytes.clear();
    }

    /** The chain's verdict on {@code block} at {@code height}; a block met before keeps its first verdict. */
    ConsensusApp.Checked check(long height, byte[] block) {
        ConsensusApp.Checked c = app.check(height, block);
        if (!checked.containsKey(c.hash())) {
            checked.put(c.hash(), c);
            bytes.put(c.hash(), block);
        }
        return checked.get(c.hash());
    }

    /** A block this node built: valid. */
    void built(ConsensusApp.Built b) {
        checked.put(b.hash(), ConsensusApp.Checked.valid(b.hash(), b.time()));
        bytes.put(b.hash(), b.bytes());
    }

    /** The verdict on the block {@code hash}, met at this height. */
    ConsensusApp.Checked verdict(Hash hash) {
        return checked.get(hash);
    }

    /** The bytes of the block {@code hash}, if met at this height. */
    Optional<byte[]> bytes(Hash hash) {
        return Optional.ofNullable(bytes.get(hash));
    }
}
