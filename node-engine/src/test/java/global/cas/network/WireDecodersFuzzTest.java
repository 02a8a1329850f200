package global.cas.network;

import com.code_intelligence.jazzer.junit.FuzzTest;
import global.cas.chain.Block;
import global.cas.consensus.ConsensusMessage;
import global.cas.rejection.RejectedException;

/**
 * Jazzer fuzz targets for what peers send at the application layer: consensus messages, transaction
 * batches and blocks. Any input either decodes or is refused with the program's own errors; nothing
 * else escapes (no out-of-memory, no runtime exception of another kind). In a normal test run these
 * replay their seeds and stored findings; {@code JAZZER_FUZZ=1} fuzzes for new inputs.
 */
class WireDecodersFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void consensusMessage(byte[] input) {
        try {
            ConsensusMessage m = ConsensusMessage.decode(input);
            ConsensusMessage.decode(m.encode());
        } catch (RejectedException | IllegalArgumentException expected) {
            // refused with a reason
        }
    }

    @FuzzTest(maxDuration = "10s")
    void transactionBatch(byte[] input) {
        try {
            TransactionGossip.decode(input);
        } catch (RejectedException | IllegalArgumentException expected) {
            // refused with a reason
        }
    }

    @FuzzTest(maxDuration = "10s")
    void block(byte[] input) {
        try {
            Block.decode(input);
        } catch (RejectedException | IllegalArgumentException expected) {
            // refused with a reason
        }
    }
}
