package global.cas.testing;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.BlockHeader;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.Genesis;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.BlockContext;
import global.cas.ledger.BlockScope;
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
        return new ChainTip(tip.height(), tip.hash(), tip.time(), tip.roots(), target, tip.frozenRemaining());
    }

    /** {@code tip} with another amount left in the frozen pool. */
    public static ChainTip withFrozen(ChainTip tip, long frozenRemaining) {
        return new ChainTip(tip.height(), tip.hash(), tip.time(), tip.roots(), tip.target(), frozenRemaining);
    }

    /**
     * A block after the genesis tip {@code tip} holding {@code txs}, with the right transactions
     * root, genesis's commit, the test chain's validator and parameter hashes, the given time and
     * state root, proposed and signed by {@code proposer}. Whether it is valid is up to the caller.
     */
    public static Block block(ChainTip tip, List<Transaction> txs, long time, Hash stateRoot, KeyPair proposer) {
        return block(tip, txs, time, stateRoot, proposer, TestChain.params());
    }

    /** As {@link #block(ChainTip, List, long, Hash, KeyPair)} on a chain of other parameters. */
    public static Block block(
            ChainTip tip,
            List<Transaction> txs,
            long time,
            Hash stateRoot,
            KeyPair proposer,
            global.cas.chain.ChainParams params) {
        return new Block(
                header(tip, txs, time, stateRoot, proposer.address(), params).seal(), txs, lastCommit(tip));
    }

    /** The header fields {@link #block} uses, for tests that change one of them. */
    public static BlockHeader.Fields header(
            ChainTip tip, List<Transaction> txs, long time, Hash stateRoot, Address proposer) {
        return header(tip, txs, time, stateRoot, proposer, TestChain.params());
    }

    private static BlockHeader.Fields header(
            ChainTip tip,
            List<Transaction> txs,
            long time,
            Hash stateRoot,
            Address proposer,
            global.cas.chain.ChainParams params) {
        return new BlockHeader.Fields(
                TestChain.CHAIN_ID,
                tip.height() + 1,
                tip.hash(),
                time,
                proposer,
                lastCommit(tip).hash(),
                params.genesisValidators().hash(),
                params.genesisValidators().hash(),
                params.genesisParams().hash(),
                BlockHeader.NO_EVIDENCE,
                BlockExecutor.transactionsRoot(txs),
                stateRoot);
    }

    private static Commit lastCommit(ChainTip tip) {
        if (tip.height() != 0) {
            throw new IllegalArgumentException("hand-made blocks follow genesis: use TestNode for later heights");
        }
        return Commit.genesis(tip.hash());
    }

    /**
     * A header like {@code like} (same commit, validator, parameter and evidence hashes) with these
     * fields, for tests that change one of them.
     */
    public static BlockHeader headerLike(
            BlockHeader like,
            String chainId,
            long height,
            Hash previous,
            long time,
            Address proposer,
            Hash transactionsRoot,
            Hash stateRoot) {
        return new BlockHeader.Fields(
                        chainId,
                        height,
                        previous,
                        time,
                        proposer,
                        like.lastCommitHash(),
                        like.validatorsHash(),
                        like.nextValidatorsHash(),
                        like.paramsHash(),
                        like.evidenceHash(),
                        transactionsRoot,
                        stateRoot)
                .seal();
    }

    /** A block after {@code tip} by the test validator, one second later, with a zero state root. */
    public static Block block(ChainTip tip, List<Transaction> txs) {
        return block(tip, txs, tip.time() + 1000, Hash.ZERO, TestChain.validator());
    }

    /**
     * A block after the tip of {@code state} (made by a {@link TestNode}, whose commits are one
     * second after their block) holding {@code txs}: its last commit, its time, the test chain's
     * hashes and a zero state root, signed by the test validator. Whether it is valid is up to the
     * caller.
     */
    public static Block block(global.cas.chain.ChainState state, List<Transaction> txs) {
        ChainTip tip = state.tip();
        if (tip.height() == 0) {
            return block(tip, txs);
        }
        var params = TestChain.params();
        Commit last = state.lastCommit();
        BlockHeader h = new BlockHeader.Fields(
                        TestChain.CHAIN_ID,
                        tip.height() + 1,
                        tip.hash(),
                        tip.time() + 1000,
                        TestChain.validator().address(),
                        last.hash(),
                        params.genesisValidators().hash(),
                        params.genesisValidators().hash(),
                        params.genesisParams().hash(),
                        BlockHeader.NO_EVIDENCE,
                        BlockExecutor.transactionsRoot(txs),
                        Hash.ZERO)
                .seal();
        return new Block(h, txs, last);
    }

    /** {@code block}'s transactions under {@code header} (blocks carry no proposer's signature: {@code signer} is unused). */
    public static Block resigned(Block block, BlockHeader header, KeyPair signer) {
        return new Block(header, block.transactions(), block.lastCommit());
    }

    /** A valid mining proof for the block after {@code tip}: the first nonce whose work hash is below the tip's target. */
    public static Transaction proof(ChainTip tip, Address miner) {
        return proof(tip, miner, 0);
    }

    /** As {@link #proof(ChainTip, Address)}, searching from {@code firstNonce} on. */
    public static Transaction proof(ChainTip tip, Address miner, long firstNonce) {
        for (long n = firstNonce; n < firstNonce + MAX_NONCES; n++) {
            if (MiningProof.meets(MiningProof.workHash(tip.hash(), miner, n), tip.target())) {
                return MiningProof.transaction(TestChain.CHAIN_ID, tip.height() + 1, tip.hash(), miner, n, proofFee());
            }
        }
        throw new IllegalStateException(
                "no proof below target " + Long.toHexString(tip.target()) + " in " + MAX_NONCES + " nonces");
    }

    /** A proof for the block after {@code tip} whose work hash is NOT below the tip's target. */
    public static Transaction proofAboveTarget(ChainTip tip, Address miner) {
        for (long n = 0; n < MAX_NONCES; n++) {
            if (!MiningProof.meets(MiningProof.workHash(tip.hash(), miner, n), tip.target())) {
                return MiningProof.transaction(TestChain.CHAIN_ID, tip.height() + 1, tip.hash(), miner, n, proofFee());
            }
        }
        throw new IllegalStateException("every nonce meets target " + Long.toHexString(tip.target()));
    }

    /** A mining proof for block {@code height} of chain {@code chainId}, paying the test chain's minimum fee. */
    public static Transaction miningProof(String chainId, long height, Hash previous, Address miner, long nonce) {
        long fee = TestChain.MIN_FEE_PER_BYTE * MiningProof.size(chainId);
        return MiningProof.transaction(chainId, height, previous, miner, nonce, fee);
    }

    /** The action of a mining proof transaction. */
    public static MiningProof action(Transaction proof) {
        return (MiningProof) proof.action();
    }

    /**
     * The ledger's scope for block {@code height} after {@code previous} at proof-of-work {@code
     * target}: the test chain's genesis validators and parameters, nothing frozen spent yet.
     */
    public static BlockScope scope(long height, Hash previous, long target) {
        var p = TestChain.params();
        BlockContext ctx = new BlockContext(
                height,
                p.genesisTime() + height * 1000,
                TestChain.validator().address(),
                previous,
                p.genesisValidators(),
                p.genesisParams());
        return new BlockScope(ctx, target, p.frozenAtGenesis());
    }

    /** The minimum fee of a mining proof on the test chain (S6), paid out of the miner's reward. */
    public static long proofFee() {
        return TestChain.MIN_FEE_PER_BYTE * MiningProof.size(TestChain.CHAIN_ID);
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
