package global.cas.consensus;

import global.cas.crypto.Hash;

/**
 * What the driver feeds {@link Tendermint}: messages whose signatures it has checked against the
 * validator set of their height, timeouts it scheduled, and the block it built when asked.
 */
public sealed interface Input {
    /** A proposal signed by its proposer; {@code valid} is whether its block executes on this node's state. */
    record ProposalReceived(Proposal proposal, boolean valid) implements Input {}

    /** A prevote or precommit, this node's own included. */
    record VoteReceived(Vote vote) implements Input {}

    /** A timeout scheduled by {@link Output.ScheduleTimeout} fired. */
    record TimeoutFired(Step step, long height, int round) implements Input {}

    /** The block this node built after {@link Output.BuildProposal}. */
    record ProposalBuilt(long height, int round, Hash value) implements Input {}
}
