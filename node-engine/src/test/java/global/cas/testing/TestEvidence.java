package global.cas.testing;

import global.cas.chain.Block;
import global.cas.chain.BlockHeader;
import global.cas.chain.DoubleSignEvidence;
import global.cas.consensus.Vote;
import global.cas.consensus.VoteType;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Double signs for tests (C4): two real {@link Vote}s of one validator for one slot and two
 * different values, the evidence they make, and blocks carrying evidence that may not hold.
 */
public final class TestEvidence {
    private TestEvidence() {}

    /** A block hash for tests, different for each {@code tag}. */
    public static Hash value(String tag) {
        return Hash.sha256(("cas test value " + tag).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Two votes {@code key} signs as validator {@code validator} of {@code chainId} for one slot: for
     * the values "a" and "b", with timestamps 1000 and 1001.
     */
    public static List<Vote> conflictingVotes(
            KeyPair key, String chainId, VoteType type, long height, int round, int validator) {
        return List.of(
                Vote.sign(key, chainId, type, height, round, value("a"), 1000, validator),
                Vote.sign(key, chainId, type, height, round, value("b"), 1001, validator));
    }

    /** The evidence of {@link #conflictingVotes} on the test chain. */
    public static DoubleSignEvidence doubleSign(KeyPair key, VoteType type, long height, int round, int validator) {
        List<Vote> v = conflictingVotes(key, TestChain.CHAIN_ID, type, height, round, validator);
        return v.get(0).evidenceWith(v.get(1));
    }

    /**
     * {@code block} carrying {@code evidence} instead of its own, under a header naming that
     * evidence's hash (its state root is then the one of the block without it): for blocks whose
     * evidence is refused before the state root is compared.
     */
    public static Block carrying(Block block, List<DoubleSignEvidence> evidence) {
        BlockHeader.Fields f = block.header().fields();
        BlockHeader h = new BlockHeader.Fields(
                        f.chainId(),
                        f.height(),
                        f.previousHash(),
                        f.time(),
                        f.proposer(),
                        f.lastCommitHash(),
                        f.validatorsHash(),
                        f.nextValidatorsHash(),
                        f.paramsHash(),
                        DoubleSignEvidence.root(evidence),
                        f.transactionsRoot(),
                        f.stateRoot())
                .seal();
        return new Block(h, block.transactions(), block.lastCommit(), evidence);
    }
}
