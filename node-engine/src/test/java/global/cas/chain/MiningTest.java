package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Sha256;
import global.cas.ledger.AssetId;
import global.cas.ledger.BlockScope;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.MiningProof;
import global.cas.ledger.TargetAdjuster;
import global.cas.ledger.Transaction;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** S5: proofs of work, valid for the next block only, and the target that keeps about one a block. */
class MiningTest {
    private final StateMachine rules = TestChain.rules();
    private final Address miner = TestKeys.key(20).address();
    private final Address otherMiner = TestKeys.key(21).address();

    private static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static BlockScope next(ChainTip tip) {
        return TestBlocks.scope(tip.height() + 1, tip.hash(), tip.target());
    }

    private void check(Transaction p, ChainTip tip) {
        rules.checkStateless(p);
        rules.checkStateful(p, TestChain.genesisState(), next(tip));
    }

    @Test
    @DisplayName("S5: the work hash is SHA-256(previous block hash ‖ miner address ‖ nonce as 8 bytes big-endian)")
    void workHash() {
        Hash prev = Hash.sha256(new byte[] {1});
        long nonce = 0x0102_0304_0506_0708L;
        byte[] expected = Sha256.digest(
                prev.bytes(),
                miner.bytes(),
                ByteBuffer.allocate(8).putLong(nonce).array());
        assertThat(MiningProof.workHash(prev, miner, nonce).bytes()).isEqualTo(expected);
        assertThat(((MiningProof) TestBlocks.miningProof(TestChain.CHAIN_ID, 1, prev, miner, nonce)
                                .action())
                        .workHash()
                        .bytes())
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("S5: a proof meets the target only when its first 64 bits are strictly below it, unsigned")
    void meets() {
        Hash h = Hash.fromHex("8000000000000000" + "00".repeat(24));
        assertThat(MiningProof.meets(h, 0x8000_0000_0000_0001L)).isTrue();
        assertThat(MiningProof.meets(h, 0x8000_0000_0000_0000L)).isFalse();
        assertThat(MiningProof.meets(h, 0x7fff_ffff_ffff_ffffL)).isFalse();
        assertThat(MiningProof.meets(h, TargetAdjuster.EASIEST)).isTrue();
        assertThat(MiningProof.meets(Hash.ZERO, 0)).isFalse();
    }

    @Test
    @DisplayName("S5: a proof below the target for the next block is valid")
    void validProof() {
        ChainTip tip = TestBlocks.genesisTip();
        Transaction p = TestBlocks.proof(tip, miner);
        assertThat(MiningProof.meets(TestBlocks.action(p).workHash(), tip.target()))
                .isTrue();
        assertThatCode(() -> check(p, tip)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("S5: a proof whose hash is not below the target is PROOF_ABOVE_TARGET")
    void aboveTarget() {
        ChainTip tip = TestBlocks.genesisTip();
        Transaction p = TestBlocks.proofAboveTarget(tip, miner);
        rejected(() -> check(p, tip), Reason.PROOF_ABOVE_TARGET);
    }

    @Test
    @DisplayName("S5: a proof for another previous block is STALE_PROOF")
    void staleOtherPrevious() {
        ChainTip tip = TestBlocks.withTarget(TestBlocks.genesisTip(), TargetAdjuster.EASIEST);
        Hash elsewhere = Hash.sha256(new byte[] {42});
        Transaction p = TestBlocks.miningProof(TestChain.CHAIN_ID, tip.height() + 1, elsewhere, miner, 0);
        rejected(() -> check(p, tip), Reason.STALE_PROOF);
    }

    @Test
    @DisplayName("S5: a proof naming another height than the next block is STALE_PROOF")
    void staleOtherHeight() {
        ChainTip tip = TestBlocks.withTarget(TestBlocks.genesisTip(), TargetAdjuster.EASIEST);
        Transaction p = TestBlocks.miningProof(TestChain.CHAIN_ID, tip.height() + 2, tip.hash(), miner, 0);
        rejected(() -> check(p, tip), Reason.STALE_PROOF);
    }

    @Test
    @DisplayName("S5: a proof for the last block, offered again for the next one, is refused (EXPIRED, L4)")
    void proofForOldBlock() {
        TestNode node = new TestNode();
        node.setTip(TestBlocks.withTarget(node.tip(), TargetAdjuster.EASIEST));
        Transaction p = TestBlocks.proof(node.tip(), miner);
        node.produce(List.of(p));
        ChainTip tip = node.tip();
        rejected(() -> rules.checkStateful(p, node.state(), next(tip)), Reason.EXPIRED);
        ExecutedBlock b = node.build(List.of(p));
        assertThat(b.block().transactions()).isEmpty();
        assertThat(node.dropped())
                .last()
                .satisfies(d -> assertThat(d.reason().reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    @DisplayName("S5: only the first valid proof in a block counts; a second is DUPLICATE_PROOF")
    void duplicateProof() {
        ChainTip tip = TestBlocks.withTarget(TestBlocks.genesisTip(), TargetAdjuster.EASIEST);
        Transaction first = TestBlocks.proof(tip, miner);
        Transaction second = TestBlocks.proof(tip, otherMiner);
        BlockScope scope = next(tip);
        LedgerOverlay overlay = new LedgerOverlay(TestChain.genesisState());
        rules.checkStateful(first, overlay, scope);
        rules.apply(first, 0, overlay, scope);
        assertThat(scope.miner()).contains(miner);
        rejected(() -> rules.checkStateful(second, overlay, scope), Reason.DUPLICATE_PROOF);
        rejected(() -> rules.checkStateful(first, overlay, scope), Reason.DUPLICATE_PROOF);
    }

    @Test
    @DisplayName(
            "S5: build keeps the first proof and drops the second with DUPLICATE_PROOF; execute refuses a block with two")
    void duplicateProofInBlocks() {
        TestNode node = new TestNode();
        node.setTip(TestBlocks.withTarget(node.tip(), TargetAdjuster.EASIEST));
        Transaction first = TestBlocks.proof(node.tip(), miner);
        Transaction second = TestBlocks.proof(node.tip(), otherMiner);
        ExecutedBlock built = node.build(List.of(first, second));
        assertThat(built.block().transactions()).containsExactly(first);
        assertThat(node.dropped()).singleElement().satisfies(d -> {
            assertThat(d.transaction()).isEqualTo(second);
            assertThat(d.reason().reason()).isEqualTo(Reason.DUPLICATE_PROOF);
        });
        List<Transaction> both = List.of(first, second);
        Block twoProofs = TestBlocks.block(node.chainState(), both);
        rejected(() -> node.validate(twoProofs), Reason.DUPLICATE_PROOF);
    }

    @Test
    @DisplayName("S5: a block with a proof pays the miner its share and the next target is 1/16 harder")
    void minerIsPaid() {
        TestNode node = new TestNode();
        ChainTip before = node.tip();
        Transaction p = TestBlocks.proof(before, miner);
        node.produce(List.of(p));
        ChainParams params = TestChain.params();
        long minerShare = params.initialBlockReward() * params.minerShareBasisPoints() / 10_000;
        // S6: the proof pays its fee out of the reward, to the packer
        assertThat(node.state().balance(miner, AssetId.CAS)).isEqualTo(minerShare - p.fee());
        assertThat(p.fee()).isEqualTo(TestBlocks.proofFee()).isPositive();
        assertThat(node.tip().target()).isEqualTo(TargetAdjuster.next(before.target(), true));
        assertThat(Long.compareUnsigned(node.tip().target(), before.target())).isNegative();
    }

    @Test
    @DisplayName(
            "S5: the target gets harder by 1/16 after a proof, easier by 1/2 without, saturating at EASIEST and never 0")
    void targetAdjuster() {
        assertThat(TargetAdjuster.next(1600, true)).isEqualTo(1500);
        assertThat(TargetAdjuster.next(1600, false)).isEqualTo(2400);
        assertThat(TargetAdjuster.next(1, true)).isEqualTo(1);
        assertThat(TargetAdjuster.next(1, false)).isEqualTo(2);
        assertThat(TargetAdjuster.next(0, false)).isEqualTo(1);
        assertThat(TargetAdjuster.next(TargetAdjuster.EASIEST, false)).isEqualTo(TargetAdjuster.EASIEST);
        assertThat(TargetAdjuster.next(0xc000_0000_0000_0000L, false)).isEqualTo(TargetAdjuster.EASIEST);
        long fromEasiest = TargetAdjuster.next(TargetAdjuster.EASIEST, true);
        assertThat(Long.compareUnsigned(fromEasiest, TargetAdjuster.EASIEST)).isNegative();
        assertThat(fromEasiest).isEqualTo(0xf000_0000_0000_0000L);
        long t = 0x9000_0000_0000_0000L; // above 2^63: must be treated as unsigned
        assertThat(TargetAdjuster.next(t, true)).isEqualTo(t - Long.divideUnsigned(t, 16));
        long easier = TargetAdjuster.next(0x4000_0000_0000_0000L, false);
        assertThat(easier).isEqualTo(0x6000_0000_0000_0000L);
    }

    @Test
    @DisplayName("S5: with a fixed hash rate the target settles where most blocks, about 86%, carry one proof")
    void targetEquilibrium() {
        Random random = new Random(5);
        long target = 0x0000_0100_0000_0000L; // far too hard to start with
        double triesPerBlock = 1 << 20; // the network's hash rate, in work hashes per block
        int withProof = 0;
        int blocks = 20_000;
        for (int i = 0; i < blocks; i++) {
            double p = Long.compareUnsigned(target, 0) == 0 ? 0 : unsigned(target) / 18446744073709551616.0;
            double found = 1 - Math.pow(1 - p, triesPerBlock);
            boolean proof = random.nextDouble() < found;
            if (i >= blocks / 2 && proof) {
                withProof++;
            }
            target = TargetAdjuster.next(target, proof);
        }
        double share = withProof / (blocks / 2.0);
        assertThat(share).isBetween(0.80, 0.92);
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }
}
