package global.cas.node.query;

import global.cas.crypto.Hash;
import global.cas.crypto.Network;

/**
 * The chain's head as a reader sees it: the last committed block (height, hash, time in
 * milliseconds) and which chain it is (chain id, network, genesis hash, whether it exists on this
 * computer only), with the minimum fee per byte in force for the next block. Immutable.
 */
public record TipSummary(
        long height,
        Hash hash,
        long time,
        String chainId,
        Network network,
        Hash genesisHash,
        boolean localOnly,
        long minFeePerByte) {}
