package global.cas.consensus.driver;

import global.cas.consensus.Step;
import java.util.Optional;

/**
 * What the node screen shows of consensus: the height and round worked on, the step, this node's
 * validator index at that height (-1: it follows), whether it signs (a validator restarted without
 * its write-ahead log sits one height out), the blocks it decided, those of them it did not precommit
 * while in the validator set (missed: it was down, behind, late or sitting out), the rounds beyond 0 they took,
 * why it halted, if it did (the English detail, and its cause as a code a screen translates), and the highest height a peer said it works on (0: none said; what
 * peers say, not proof: a sync-progress display, never a decision), and of each peer (by its
 * name on the transport) the height it last said it works on and the validator index whose votes it
 * sent (validators send their own votes; nothing is relayed). Immutable.
 */
public record ConsensusStatus(
        long height,
        int round,
        Step step,
        int validatorIndex,
        boolean signing,
        long decided,
        long missedBlocks,
        long extraRounds,
        long equivocationsSeen,
        Optional<String> halted,
        Optional<global.cas.consensus.HaltCause> haltCause,
        long highestPeerHeight,
        java.util.Map<String, Long> peerHeights,
        java.util.Map<String, Integer> peerValidators) {
    public ConsensusStatus {
        peerHeights = java.util.Map.copyOf(peerHeights);
        peerValidators = java.util.Map.copyOf(peerValidators);
    }
}
