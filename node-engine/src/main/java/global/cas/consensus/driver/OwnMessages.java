package global.cas.consensus.driver;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.DoubleSignGuard;
import global.cas.consensus.Proposal;
import global.cas.consensus.VoteType;
import global.cas.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What this validator signed at the current height: each proposal and vote goes through its
 * {@link DoubleSignGuard} (logged and fsynced before it is returned) and is kept to be sent again
 * every rebroadcast; after a restart the log's own messages are put back the same way. Not
 * thread-safe: the driver's thread.
 */
final class OwnMessages {
    private final Optional<DoubleSignGuard> guard;
    private final List<ConsensusMessage> signed = new ArrayList<>();

    OwnMessages(Optional<DoubleSignGuard> guard) {
        this.guard = guard;
    }

    /** A new height: nothing signed there yet. */
    void clear() {
        signed.clear();
    }

    /** Whether this node may sign at {@code h} as far as its guard knows (it never signed later). */
    boolean guardAllows(long h) {
        return guard.map(g -> g.lastHeight() <= h).orElse(false);
    }

    /** A message signed before a restart, read back from the log. */
    void restored(ConsensusMessage m) {
        signed.add(m);
    }

    ConsensusMessage.ProposalMessage propose(long h, int round, Hash value, int polRound, int self, byte[] block) {
        Proposal p = guard.orElseThrow().signProposal(h, round, value, polRound, self, block);
        ConsensusMessage.ProposalMessage m = new ConsensusMessage.ProposalMessage(p, block);
        signed.add(m);
        return m;
    }

    ConsensusMessage.VoteMessage vote(VoteType type, long h, int round, Hash value, long timestamp, int self) {
        ConsensusMessage.VoteMessage m =
                new ConsensusMessage.VoteMessage(guard.orElseThrow().signVote(type, h, round, value, timestamp, self));
        signed.add(m);
        return m;
    }

    /** The proposal signed for {@code (h, round)}, if one was (before a restart: the same block again). */
    Optional<ConsensusMessage.ProposalMessage> proposal(long h, int round) {
        return signed.stream()
                .filter(m -> m instanceof ConsensusMessage.ProposalMessage p
                        && p.proposal().height() == h
                        && p.proposal().round() == round)
                .map(m -> (ConsensusMessage.ProposalMessage) m)
                .findFirst();
    }

    /** Whether this validator precommitted {@code value} at this height. */
    boolean precommitted(Hash value) {
        return signed.stream()
                .anyMatch(m -> m instanceof ConsensusMessage.VoteMessage v
                        && v.vote().type() == VoteType.PRECOMMIT
                        && v.vote().value().equals(value));
    }

    /** Everything signed at this height, to send again. */
    List<ConsensusMessage> all() {
        return List.copyOf(signed);
    }
}
