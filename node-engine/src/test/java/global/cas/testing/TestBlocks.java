package global.cas.testing;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.BlockHeader;
import global.cas.chain.ChainTip;
import global.cas.chain.Genesis;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.LedgerState;
import global.cas.ledger.MiningProof;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Block-level fixtures on top of {@link TestChain}: the genesis tip, tips with another target or
 * frozen pool, hand-made (possibly invalid) blocks, mining proofs and snapshots of a ledger state.
 */
public final class TestBlocks {
    /** Upper bound on the nonces tried when searching for a proof; keeps a bad target from hanging a test. */
    private static final long MAX_NONCES = 5_000_000L;

    private TestBlocks() {}

    /** The tip right after the test chain's genesis block. */
    public static ChainTip genesisTip() {
        return Genesis.build(TestChain.params()).tip();
    }

    /** {@code tip} with another proof-of-work target. */
    public static ChainTip withTarget(ChainTip tip, long target) {
        return new ChainTip(tip.height(), tip.hash(), tip.time(), tip.stateRoot(), target, tip.frozenRemaining());
    }

    /** {@code tip} with another amount left in the frozen pool. */
    public static ChainTip withFrozen(ChainTip tip, long frozenRemaining) {
        return new ChainTip(tip.height(), tip.hash(), tip.time(), tip.stateRoot(), tip.target(), frozenRemaining);
    }

    /**
     * A block after {@code tip} holding {@code txs}, with the right transactions root, the given
     * state root, proposed and signed by {@code proposer}. Whether it is valid is up to the caller.
     */
    public static Block block(ChainTip tip, List<Transaction> txs, long time, Hash stateRoot, KeyPair proposer) {
        BlockHeader h = BlockHeader.of(
                TestChain.CHAIN_ID,
                tip.height() + 1,
                tip.hash(),
                time,
                proposer.address(),
                BlockExecutor.transactionsRoot(txs),
                stateRoot);
        return Block.signed(h, txs, proposer);
    }

    /** A block after {@code tip} by the test validator, one second later, with a zero state root. */
    public static Block block(ChainTip tip, List<Transaction> txs) {
        return block(tip, txs, tip.time() + 1000, Hash.ZERO, TestChain.validator());
    }

    /** {@code block}'s transactions under {@code header}, signed again by {@code signer}. */
    public static Block resigned(Block block, BlockHeader header, KeyPair signer) {
        return Block.signed(header, block.transactions(), signer);
    }

    /** A valid mining proof for the block after {@code tip}: the first nonce whose work hash is below the tip's target. */
    public static MiningProof proof(ChainTip tip, Address miner) {
        return proof(tip, miner, 0);
    }

    /** As {@link #proof(ChainTip, Address)}, searching from {@code firstNonce} on. */
    public static MiningProof proof(ChainTip tip, Address miner, long firstNonce) {
        for (long n = firstNonce; n < firstNonce + MAX_NONCES; n++) {
            if (MiningProof.meets(MiningProof.workHash(tip.hash(), miner, n), tip.target())) {
                return MiningProof.of(TestChain.CHAIN_ID, tip.height() + 1, tip.hash(), miner, n);
            }
        }
        throw new IllegalStateException(
                "no proof below target " + Long.toHexString(tip.target()) + " in " + MAX_NONCES + " nonces");
    }

    /** A proof for the block after {@code tip} whose work hash is NOT below the tip's target. */
    public static MiningProof proofAboveTarget(ChainTip tip, Address miner) {
        for (long n = 0; n < MAX_NONCES; n++) {
            if (!MiningProof.meets(MiningProof.workHash(tip.hash(), miner, n), tip.target())) {
                return MiningProof.of(TestChain.CHAIN_ID, tip.height() + 1, tip.hash(), miner, n);
            }
        }
        throw new IllegalStateException("every nonce meets target " + Long.toHexString(tip.target()));
    }

    /** A copy of everything a ledger state holds, to check that something left it unchanged. */
    public record Snapshot(Map<OutputRef, UnspentOutput> unspent, Map<BalanceKey, Long> balances) {
        public Snapshot {
            unspent = Map.copyOf(unspent);
            balances = Map.copyOf(balances);
        }
    }

    public static Snapshot snapshot(LedgerState state) {
        Map<OutputRef, UnspentOutput> unspent = new HashMap<>();
        for (UnspentOutput u : state.allUnspent()) {
            unspent.put(u.ref(), u);
        }
        return new Snapshot(unspent, new HashMap<>(state.balances()));
    }
}
