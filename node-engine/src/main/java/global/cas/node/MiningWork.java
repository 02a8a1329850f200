package global.cas.node;

import global.cas.crypto.Hash;

/** What a miner needs to prove work for the next block (S5). */
public record MiningWork(String chainId, long height, Hash previousBlock, long target) {}
