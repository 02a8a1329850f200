package global.cas.node.query;

import global.cas.crypto.Hash;
import global.cas.ledger.EnvelopeRules;
import global.cas.ledger.MiningProof;

/**
 * What a miner needs to prove work for the next block (S5), and the minimum fee per byte in force
 * there: a proof pays its fee (S6) out of its reward.
 */
public record MiningWork(String chainId, long height, Hash previousBlock, long target, long minFeePerByte) {
    /** The fee a proof for this work pays: the minimum for its size. */
    public long proofFee() {
        return EnvelopeRules.minimumFee(minFeePerByte, MiningProof.size(chainId));
    }
}
