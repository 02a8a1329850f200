package global.cas.node;

import global.cas.crypto.Hash;

/** What the node tells its listeners, always in the past tense. Immutable. */
public sealed interface NodeEvent {
    /** A block was committed to storage and is now the tip. */
    record BlockCommitted(long height, Hash hash, long time, int transactions, long fees) implements NodeEvent {}

    /** The node finished opening its database and is ready for calls. */
    record NodeStarted(long height) implements NodeEvent {}

    /**
     * Consensus stopped at {@code height} because an invariant broke (two commits at one height, a
     * quorum block this node finds invalid, an own double sign about to happen): the node keeps its
     * committed chain and makes no further blocks until restarted. {@code reason} is for a person.
     */
    record ConsensusHalted(long height, String reason) implements NodeEvent {}

    /** The node stopped; no further events follow. */
    record NodeStopped(long height) implements NodeEvent {}
}
