package global.cas.chain;

import global.cas.crypto.Hash;

/**
 * The chain's head: the last committed block, the module roots after it and the ledger variables
 * that live beside the outputs (the proof-of-work target and what remains frozen), all part of the
 * state root (C6). Immutable.
 */
public record ChainTip(long height, Hash hash, long time, ModuleRoots roots, long target, long frozenRemaining) {
    public Hash stateRoot() {
        return roots.stateRoot();
    }
}
