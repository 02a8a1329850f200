package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Signature;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.BlockScope;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.ledger.Witness;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bad input, one case each: every fault is refused with its own reason code and leaves the ledger
 * and the tip as they were. Transactions travel as a node receives them: as bytes, decoded, put in a
 * block after a valid transfer, the block encoded and decoded, then executed against the state.
 */
class BadInputTest {
    private TestNode node;
    private TestBlocks.Snapshot before;
    private ChainTip tipBefore;
    private final KeyPair alice = TestChain.funded(1);
    private final Address bob = TestChain.funded(2).address();
    private UnspentOutput aliceOut;
    /** A valid transfer that precedes the bad transaction in its block, so partial application would show. */
    private Transaction goodFirst;

    @BeforeEach
    void setUp() {
        node = new TestNode();
        // one committed block first, spending alice's genesis output to a new output of hers
        Transaction t = TestChain.pay(alice, TestChain.genesisOutput(node.state(), 1), bob, Amounts.cas(1), 100);
        node.produce(List.of(t));
        aliceOut = node.state().unspent(new OutputRef(t.id(), 1)).orElseThrow();
        goodFirst =
                TestChain.pay(TestChain.funded(5), TestChain.genesisOutput(node.state(), 5), bob, Amounts.cas(2), 100);
        before = TestBlocks.snapshot(node.state());
        tipBefore = node.tip();
    }

    private void unchanged() {
        assertThat(TestBlocks.snapshot(node.state())).as("ledger unchanged").isEqualTo(before);
        assertThat(node.tip()).as("tip unchanged").isEqualTo(tipBefore);
    }

    private void refusedBytes(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        unchanged();
    }

    /**
     * Sends {@code bad} as bytes inside a block after {@link #goodFirst} and expects {@code reason}; then
     * checks that a block producer, checking it alone as the mempool does, refuses it for the same reason.
     */
    private void refusedInBlock(Transaction bad, Reason reason) {
        refusedInBlockOnly(bad, reason);
        BlockScope next = TestBlocks.scope(
                node.tip().height() + 1, node.tip().hash(), node.tip().target());
        refusedBytes(
                () -> {
                    node.executor().machine().checkStateless(bad);
                    node.executor().machine().checkStateful(bad, node.state(), next);
                },
                reason);
    }

    private void refusedInBlockOnly(Transaction bad, Reason reason) {
        Transaction received = Transaction.decode(bad.encoded());
        Block block = Block.decode(TestBlocks.block(node.chainState(), List.of(goodFirst, received))
                .encoded());
        refusedBytes(() -> node.validate(block), reason);
    }

    private Transaction aliceTransfer(List<TxOutput> outputs, long fee) {
        return Transfer.unsigned(TestChain.CHAIN_ID, 100, List.of(aliceOut.ref()), outputs, fee)
                .sign(List.of(alice));
    }

    private static TxOutput cas(Address to, long amount) {
        return new TxOutput(to, AssetId.CAS, amount);
    }

    @Test
    @DisplayName("U3: malformed bytes (unknown kind, non-minimal length, trailing byte) are MALFORMED")
    void malformedBytes() {
        byte[] enc = goodFirst.encoded();
        byte[] unknownKind = enc.clone();
        unknownKind[0] = 7;
        refusedBytes(() -> Transaction.decode(unknownKind), Reason.MALFORMED);
        byte[] nonMinimal = new byte[enc.length + 1];
        nonMinimal[0] = enc[0];
        nonMinimal[1] = (byte) (enc[1] | 0x80);
        System.arraycopy(enc, 2, nonMinimal, 3, enc.length - 2);
        refusedBytes(() -> Transaction.decode(nonMinimal), Reason.MALFORMED);
        refusedBytes(() -> Transaction.decode(Arrays.copyOf(enc, enc.length + 1)), Reason.MALFORMED);
        byte[] block = TestBlocks.block(node.chainState(), List.of(goodFirst)).encoded();
        refusedBytes(() -> Block.decode(Arrays.copyOf(block, block.length + 2)), Reason.MALFORMED);
    }

    @Test
    @DisplayName("U3: a truncated transaction or block is TRUNCATED")
    void truncated() {
        byte[] enc = goodFirst.encoded();
        refusedBytes(() -> Transaction.decode(Arrays.copyOf(enc, enc.length - 1)), Reason.TRUNCATED);
        refusedBytes(() -> Transaction.decode(Arrays.copyOf(enc, 1)), Reason.TRUNCATED);
        byte[] block = TestBlocks.block(node.chainState(), List.of(goodFirst)).encoded();
        refusedBytes(() -> Block.decode(Arrays.copyOf(block, block.length - 1)), Reason.TRUNCATED);
    }

    @Test
    @DisplayName("U3: a transaction over 100,000 bytes is OVERSIZE, alone or inside a block")
    void oversize() {
        List<OutputRef> inputs = new ArrayList<>();
        List<TxOutput> outputs = new ArrayList<>();
        AssetId token = AssetId.token(Hash.sha256(new byte[] {5}));
        for (int i = 0; i < Transaction.MAX_INPUTS; i++) {
            inputs.add(new OutputRef(Hash.sha256(new byte[] {(byte) i, (byte) (i >> 8)}), 128 + i % 800));
            outputs.add(new TxOutput(bob, token, 1));
        }
        Transaction.Unsigned u = Transfer.unsigned(TestChain.CHAIN_ID, 100, inputs, outputs, 2_000_000);
        Witness w = u.sign(List.of(alice)).witnesses().get(0);
        Transaction big = u.withWitnesses(Collections.nCopies(60, w));
        assertThat(big.size()).isGreaterThan(Transaction.MAX_BYTES);
        refusedBytes(() -> Transaction.decode(big.encoded()), Reason.OVERSIZE);
        Block block = Block.decode(
                TestBlocks.block(node.chainState(), List.of(goodFirst, big)).encoded());
        refusedBytes(() -> node.validate(block), Reason.OVERSIZE);
    }

    @Test
    @DisplayName("L1: a signature that does not verify is BAD_SIGNATURE")
    void badSignature() {
        Transaction t = aliceTransfer(List.of(cas(bob, aliceOut.output().amount() - 10_000)), 10_000);
        byte[] sig = t.witnesses().get(0).signature().bytes();
        sig[33] ^= 4;
        Transaction bad = Transfer.unsigned(t.chainId(), t.expiryHeight(), t.inputs(), t.outputs(), t.fee())
                .withWitnesses(List.of(new Witness(alice.publicKey(), Signature.of(sig))));
        refusedInBlock(bad, Reason.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("L1: an input whose owner did not sign is MISSING_SIGNATURE")
    void missingSignature() {
        Transaction unsigned = Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        100,
                        List.of(aliceOut.ref()),
                        List.of(cas(bob, aliceOut.output().amount() - 10_000)),
                        10_000)
                .withWitnesses(List.of());
        refusedInBlock(unsigned, Reason.MISSING_SIGNATURE);
    }

    @Test
    @DisplayName("L1: an input naming an output that never existed is UNKNOWN_OUTPUT")
    void unknownOutput() {
        Transaction t = Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        100,
                        List.of(new OutputRef(Hash.sha256(new byte[] {8}), 0)),
                        List.of(cas(bob, 5000)),
                        10_000)
                .sign(List.of(alice));
        refusedInBlock(t, Reason.UNKNOWN_OUTPUT);
    }

    @Test
    @DisplayName("L1: an input naming an output spent in an earlier block is UNKNOWN_OUTPUT")
    void spentOutput() {
        UnspentOutput spent = new UnspentOutput(
                new OutputRef(TestChain.genesisTxId(), 1),
                new TxOutput(alice.address(), AssetId.CAS, Amounts.cas(100_000_000L)),
                1);
        assertThat(node.state().unspent(spent.ref())).isEmpty();
        refusedInBlock(TestChain.pay(alice, spent, bob, Amounts.cas(1), 100), Reason.UNKNOWN_OUTPUT);
    }

    @Test
    @DisplayName("L1: an output spent twice within one block is DOUBLE_SPEND")
    void doubleSpendInBlock() {
        Transaction again = TestChain.pay(
                TestChain.funded(5), TestChain.genesisOutput(node.state(), 5), alice.address(), Amounts.cas(3), 100);
        refusedInBlockOnly(again, Reason.DOUBLE_SPEND);
    }

    @Test
    @DisplayName("U1: outputs summing over Long.MAX_VALUE are AMOUNT_OVERFLOW")
    void amountOverflow() {
        long half = Long.MAX_VALUE / 2 + 1;
        refusedInBlock(aliceTransfer(List.of(cas(bob, half), cas(bob, half)), 10_000), Reason.AMOUNT_OVERFLOW);
    }

    @Test
    @DisplayName("U1: a negative output amount is NON_POSITIVE_AMOUNT")
    void negativeAmount() {
        long in = aliceOut.output().amount();
        refusedInBlock(
                aliceTransfer(List.of(cas(bob, in + 10), cas(bob, -20_010)), 10_000), Reason.NON_POSITIVE_AMOUNT);
    }

    @Test
    @DisplayName("U1: a zero output amount is NON_POSITIVE_AMOUNT")
    void zeroAmount() {
        long in = aliceOut.output().amount();
        refusedInBlock(aliceTransfer(List.of(cas(bob, in - 10_000), cas(bob, 0)), 10_000), Reason.NON_POSITIVE_AMOUNT);
    }

    @Test
    @DisplayName("S6: a fee below minFeePerByte times the size is FEE_BELOW_MINIMUM")
    void feeBelowMinimum() {
        long in = aliceOut.output().amount();
        refusedInBlock(aliceTransfer(List.of(cas(bob, in - 100)), 100), Reason.FEE_BELOW_MINIMUM);
    }

    @Test
    @DisplayName("L4: a transaction for another chain is WRONG_CHAIN")
    void wrongChain() {
        Transaction t = Transfer.unsigned(
                        "cas-main-1",
                        100,
                        List.of(aliceOut.ref()),
                        List.of(cas(bob, aliceOut.output().amount() - 10_000)),
                        10_000)
                .sign(List.of(alice));
        refusedInBlock(t, Reason.WRONG_CHAIN);
    }

    @Test
    @DisplayName("L4: a transaction whose expiry height has passed is EXPIRED")
    void expired() {
        refusedInBlock(
                TestChain.pay(alice, aliceOut, bob, Amounts.cas(1), node.tip().height()), Reason.EXPIRED);
    }

    @Test
    @DisplayName("S5: a mining proof whose hash is not below the target is PROOF_ABOVE_TARGET")
    void proofAboveTarget() {
        refusedInBlock(TestBlocks.proofAboveTarget(node.tip(), TestKeys.key(20).address()), Reason.PROOF_ABOVE_TARGET);
    }

    @Test
    @DisplayName("S5: a mining proof for another block than the next is STALE_PROOF")
    void staleProof() {
        Transaction p = TestBlocks.miningProof(
                TestChain.CHAIN_ID,
                node.tip().height() + 1,
                Hash.sha256(new byte[] {6}),
                TestKeys.key(20).address(),
                0);
        refusedInBlock(p, Reason.STALE_PROOF);
    }

    @Test
    @DisplayName("C6: a block with a wrong state root is BAD_STATE_ROOT")
    void wrongStateRoot() {
        Block valid = node.build(List.of(goodFirst)).block();
        Block bad = TestBlocks.resigned(
                valid, valid.header().withStateRoot(Hash.sha256(new byte[] {9})), TestChain.validator());
        Block received = Block.decode(bad.encoded());
        refusedBytes(() -> node.validate(received), Reason.BAD_STATE_ROOT);
    }
}
