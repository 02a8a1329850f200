package global.cas.consensus;

import global.cas.chain.Commit;
import global.cas.crypto.Hash;
import java.util.List;

/**
 * What {@link Tendermint} asks its driver to do. The driver signs votes and proposals (writing each
 * to its write-ahead log, fsynced, before sending), sends them and feeds them back as inputs.
 */
public sealed interface Output {
    /** Build a block for this height and round from the mempool; answer with {@link Input.ProposalBuilt}. */
    record BuildProposal(long height, int round) implements Output {}

    /** Sign and send a proposal of {@code value} with its proof-of-lock round (or -1). */
    record SendProposal(long height, int round, Hash value, int polRound) implements Output {}

    /** Sign and send a vote ({@link Vote#NIL} for none). */
    record SendVote(VoteType type, long height, int round, Hash value) implements Output {}

    /** Feed {@link Input.TimeoutFired} for this step after {@code millis}. */
    record ScheduleTimeout(Step step, long height, int round, long millis) implements Output {}

    /** {@code value} is decided at {@code height}: the precommits (more than 2/3 of the power) are its commit. */
    record Decide(long height, int round, Hash value, List<Vote> precommits) implements Output {
        public Decide {
            precommits = List.copyOf(precommits);
        }

        /** The commit these precommits make, stored with the block (C3). */
        public Commit commit() {
            return new Commit(
                    height,
                    round,
                    value,
                    precommits.stream().map(Vote::precommit).toList());
        }
    }

    /** One validator signed two different votes of one kind, height and round: evidence for the chain (C4). */
    record Equivocation(Vote first, Vote second) implements Output {}

    /** An invariant broke: the node must stop, not go on (more than 2/3 precommitted a block it finds invalid). */
    record Halt(HaltCause cause, String reason) implements Output {}
}
