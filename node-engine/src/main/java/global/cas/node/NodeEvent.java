package global.cas.node;

import global.cas.crypto.Hash;

/** What the node tells its listeners, always in the past tense. Immutable. */
public sealed interface NodeEvent {
    /** A block was committed to storage and is now the tip. */
    record BlockCommitted(long height, Hash hash, long time, int transactions, long fees) implements NodeEvent {}

    /** The node finished opening its database and is ready for calls. */
    record NodeStarted(long height) implements NodeEvent {}

    /** The node stopped; no further events follow. */
    record NodeStopped(long height) implements NodeEvent {}
}
