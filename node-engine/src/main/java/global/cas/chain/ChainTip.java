package global.cas.chain;

import global.cas.crypto.Hash;

/**
 * The chain's head and the consensus variables that live beside the ledger: the proof-of-work
 * target and what remains frozen. Part of the state root (C6). Immutable.
 */
public record ChainTip(long height, Hash hash, long time, Hash stateRoot, long target, long frozenRemaining) {}
