package global.cas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.ChainTip;
import global.cas.chain.StateMachine;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Signature;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** L1, L4, S6, U1: the checks one transaction must pass, in isolation. */
class TransactionRulesTest {
    private final StateMachine rules = TestChain.rules();
    private LedgerState state;
    private BlockScope scope;
    private UnspentOutput out1;
    private final KeyPair alice = TestChain.funded(1);
    private final Address bob = TestChain.funded(2).address();

    @BeforeEach
    void setUp() {
        state = TestChain.genesisState();
        ChainTip tip = TestBlocks.genesisTip();
        scope = TestBlocks.scope(1, tip.hash(), tip.target());
        out1 = TestChain.genesisOutput(state, 1);
    }

    private static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private void check(Transaction tx) {
        rules.checkStateless(tx);
        rules.checkStateful(tx, state, scope);
    }

    private Transaction transfer(List<OutputRef> inputs, List<TxOutput> outputs, long fee, KeyPair... signers) {
        return Transfer.unsigned(TestChain.CHAIN_ID, 10, inputs, outputs, fee).sign(List.of(signers));
    }

    private static TxOutput cas(Address to, long amount) {
        return new TxOutput(to, AssetId.CAS, amount);
    }

    @Test
    @DisplayName("L1: a transfer spending a whole output into outputs plus fee is valid")
    void balancedIsValid() {
        Transaction t = TestChain.pay(alice, out1, bob, Amounts.cas(5), 10);
        assertThatCode(() -> check(t)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("L1: inputs must equal outputs plus fee, else UNBALANCED (one unit too much or too little)")
    void unbalanced() {
        long in = out1.output().amount();
        long fee = 10_000;
        Transaction more = transfer(List.of(out1.ref()), List.of(cas(bob, in - fee + 1)), fee, alice);
        Transaction less = transfer(List.of(out1.ref()), List.of(cas(bob, in - fee - 1)), fee, alice);
        Transaction exact = transfer(List.of(out1.ref()), List.of(cas(bob, in - fee)), fee, alice);
        rejected(() -> check(more), Reason.UNBALANCED);
        rejected(() -> check(less), Reason.UNBALANCED);
        assertThatCode(() -> check(exact)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("L1: balance is per asset: CAS inputs cannot create a token output")
    void perAsset() {
        long in = out1.output().amount();
        long fee = 10_000;
        AssetId token = AssetId.token(Hash.sha256(new byte[] {1}));
        Transaction t =
                transfer(List.of(out1.ref()), List.of(cas(bob, in - fee - 5), new TxOutput(bob, token, 5)), fee, alice);
        rejected(() -> check(t), Reason.UNBALANCED);
    }

    @Test
    @DisplayName("L1: spending an output that never existed is UNKNOWN_OUTPUT")
    void unknownOutput() {
        OutputRef ghost = new OutputRef(Hash.sha256(new byte[] {9}), 0);
        Transaction t = transfer(List.of(ghost), List.of(cas(bob, 1000)), 10_000, alice);
        rejected(() -> check(t), Reason.UNKNOWN_OUTPUT);
        OutputRef pastEnd = new OutputRef(TestChain.genesisTxId(), 11);
        rejected(
                () -> check(transfer(List.of(pastEnd), List.of(cas(bob, 1000)), 10_000, alice)), Reason.UNKNOWN_OUTPUT);
    }

    @Test
    @DisplayName("L1: an output is spent once: spending it again after it was applied is UNKNOWN_OUTPUT")
    void spentOutput() {
        Transaction first = TestChain.pay(alice, out1, bob, Amounts.cas(5), 10);
        check(first);
        LedgerOverlay overlay = new LedgerOverlay(state);
        rules.apply(first, 0, overlay, scope);
        state.apply(overlay.delta());
        Transaction again = TestChain.pay(alice, out1, bob, Amounts.cas(6), 10);
        rejected(() -> check(again), Reason.UNKNOWN_OUTPUT);
    }

    @Test
    @DisplayName("L1: the same output twice in one transaction is DOUBLE_SPEND")
    void doubleSpendInOneTransaction() {
        long in = out1.output().amount();
        Transaction t = transfer(List.of(out1.ref(), out1.ref()), List.of(cas(bob, 2 * in - 100_000)), 100_000, alice);
        rejected(() -> rules.checkStateless(t), Reason.DOUBLE_SPEND);
    }

    @Test
    @DisplayName("L1: an output spent by an earlier transaction of the same block is DOUBLE_SPEND for a later one")
    void doubleSpendInOneBlock() {
        Transaction first = TestChain.pay(alice, out1, bob, Amounts.cas(5), 10);
        Transaction second = TestChain.pay(alice, out1, TestChain.funded(3).address(), Amounts.cas(5), 10);
        LedgerOverlay block = new LedgerOverlay(state);
        rules.checkStateful(first, block, scope);
        rules.apply(first, 0, block, scope);
        rejected(() -> rules.checkStateful(second, block, scope), Reason.DOUBLE_SPEND);
    }

    @Test
    @DisplayName("L1: outputs created earlier in a block can be spent later in it, once")
    void chainedInOneBlock() {
        Transaction first = TestChain.pay(alice, out1, bob, Amounts.cas(5), 10);
        LedgerOverlay block = new LedgerOverlay(state);
        rules.checkStateful(first, block, scope);
        rules.apply(first, 0, block, scope);
        UnspentOutput received = block.unspent(new OutputRef(first.id(), 0)).orElseThrow();
        Transaction second = TestChain.pay(TestChain.funded(2), received, alice.address(), Amounts.cas(1), 10);
        rules.checkStateless(second);
        rules.checkStateful(second, block, scope);
        rules.apply(second, 1, block, scope);
        Transaction third = TestChain.pay(TestChain.funded(2), received, alice.address(), Amounts.cas(2), 10);
        rejected(() -> rules.checkStateful(third, block, scope), Reason.DOUBLE_SPEND);
    }

    @Test
    @DisplayName("L1: an input whose owner did not sign is MISSING_SIGNATURE")
    void missingSignature() {
        Transaction.Unsigned u = Transfer.unsigned(
                TestChain.CHAIN_ID,
                10,
                List.of(out1.ref()),
                List.of(cas(bob, out1.output().amount() - 10_000)),
                10_000);
        Transaction none = u.withWitnesses(List.of());
        rules.checkStateless(none);
        rejected(() -> rules.checkStateful(none, state, scope), Reason.MISSING_SIGNATURE);
        Transaction wrongKey = u.sign(List.of(TestChain.funded(2)));
        rejected(() -> check(wrongKey), Reason.MISSING_SIGNATURE);
    }

    @Test
    @DisplayName("L1: a signature that does not verify is BAD_SIGNATURE")
    void badSignature() {
        Transaction t = TestChain.pay(alice, out1, bob, Amounts.cas(5), 10);
        Witness w = t.witnesses().get(0);
        byte[] sig = w.signature().bytes();
        sig[10] ^= 0x40;
        Transaction.Unsigned u = Transfer.unsigned(t.chainId(), t.expiryHeight(), t.inputs(), t.outputs(), t.fee());
        Transaction bad = u.withWitnesses(List.of(new Witness(w.key(), Signature.of(sig))));
        rejected(() -> rules.checkStateless(bad), Reason.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("L1: a key that signs without owning any input is refused")
    void extraSigner() {
        Transaction.Unsigned u = Transfer.unsigned(
                TestChain.CHAIN_ID,
                10,
                List.of(out1.ref()),
                List.of(cas(bob, out1.output().amount() - 10_000)),
                10_000);
        Transaction t = u.sign(List.of(alice, TestChain.funded(5)));
        rejected(() -> check(t), Reason.MALFORMED);
    }

    @Test
    @DisplayName("U1: outputs summing over Long.MAX_VALUE are AMOUNT_OVERFLOW")
    void overflow() {
        long half = Long.MAX_VALUE / 2 + 1;
        Transaction t = transfer(List.of(out1.ref()), List.of(cas(bob, half), cas(bob, half)), 100_000, alice);
        rejected(() -> rules.checkStateless(t), Reason.AMOUNT_OVERFLOW);
        Transaction feeOverflow = transfer(List.of(out1.ref()), List.of(cas(bob, Long.MAX_VALUE)), 100_000, alice);
        rejected(() -> rules.checkStateless(feeOverflow), Reason.AMOUNT_OVERFLOW);
    }

    @Test
    @DisplayName("U1: a zero or negative output, or a negative fee, is NON_POSITIVE_AMOUNT")
    void nonPositive() {
        rejected(
                () -> rules.checkStateless(transfer(List.of(out1.ref()), List.of(cas(bob, 0)), 100_000, alice)),
                Reason.NON_POSITIVE_AMOUNT);
        rejected(
                () -> rules.checkStateless(transfer(List.of(out1.ref()), List.of(cas(bob, -5)), 100_000, alice)),
                Reason.NON_POSITIVE_AMOUNT);
        rejected(
                () -> rules.checkStateless(transfer(List.of(out1.ref()), List.of(cas(bob, 5)), -1, alice)),
                Reason.NON_POSITIVE_AMOUNT);
    }

    @Test
    @DisplayName("L1: a transfer with no input or no output is MALFORMED")
    void emptyLists() {
        rejected(
                () -> rules.checkStateless(transfer(List.of(), List.of(cas(bob, 5)), 100_000, alice)),
                Reason.MALFORMED);
        rejected(
                () -> rules.checkStateless(transfer(List.of(out1.ref()), List.of(), 100_000, alice)), Reason.MALFORMED);
    }

    @Test
    @DisplayName(
            "S6: the fee must be at least minFeePerByte times the encoded size; one unit less is FEE_BELOW_MINIMUM")
    void feeMinimum() {
        long in = out1.output().amount();
        Transaction probe = transfer(List.of(out1.ref()), List.of(cas(bob, 1), cas(alice.address(), in - 2)), 1, alice);
        long min = TestChain.minimumFee(probe.size());
        assertThat(min).isEqualTo(TestChain.MIN_FEE_PER_BYTE * probe.size());
        Transaction below = transfer(
                List.of(out1.ref()), List.of(cas(bob, 1), cas(alice.address(), in - 1 - (min - 1))), min - 1, alice);
        Transaction exact =
                transfer(List.of(out1.ref()), List.of(cas(bob, 1), cas(alice.address(), in - 1 - min)), min, alice);
        assertThat(below.size()).isEqualTo(probe.size()).isEqualTo(exact.size());
        rejected(() -> check(below), Reason.FEE_BELOW_MINIMUM);
        assertThatCode(() -> check(exact)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("L4: a transaction for another chain id is WRONG_CHAIN")
    void wrongChain() {
        Transaction t = Transfer.unsigned(
                        "cas-other-1",
                        10,
                        List.of(out1.ref()),
                        List.of(cas(bob, out1.output().amount() - 10_000)),
                        10_000)
                .sign(List.of(alice));
        rejected(() -> rules.checkStateless(t), Reason.WRONG_CHAIN);
        Transaction p = TestBlocks.miningProof("cas-other-1", 1, scope.previousBlock(), bob, 0);
        rejected(() -> rules.checkStateless(p), Reason.WRONG_CHAIN);
    }

    @Test
    @DisplayName("L4: the chain id is signed, so a transfer's witnesses cannot be replayed on another chain")
    void replayOnOtherChain() {
        Transaction other = Transfer.unsigned(
                        "cas-other-1",
                        10,
                        List.of(out1.ref()),
                        List.of(cas(bob, out1.output().amount() - 10_000)),
                        10_000)
                .sign(List.of(alice));
        Transaction replayed = Transfer.unsigned(
                        TestChain.CHAIN_ID, other.expiryHeight(), other.inputs(), other.outputs(), other.fee())
                .withWitnesses(other.witnesses());
        assertThat(replayed.id()).isNotEqualTo(other.id());
        rejected(() -> rules.checkStateless(replayed), Reason.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("L4: a transaction is valid up to and including its expiry height, EXPIRED after")
    void expiry() {
        Transaction atHeight = TestChain.pay(alice, out1, bob, Amounts.cas(1), 1);
        assertThatCode(() -> check(atHeight)).doesNotThrowAnyException();
        Transaction expired = TestChain.pay(alice, out1, bob, Amounts.cas(1), 0);
        rules.checkStateless(expired);
        rejected(() -> rules.checkStateful(expired, state, scope), Reason.EXPIRED);
        BlockScope later = TestBlocks.scope(5, scope.previousBlock(), scope.target());
        rejected(() -> rules.checkStateful(atHeight, state, later), Reason.EXPIRED);
    }

    @Test
    @DisplayName("L2: applying a transfer moves balances in step with outputs and collects the fee in the block")
    void applyKeepsBalances() {
        long before = state.balance(alice.address(), AssetId.CAS);
        Transaction t = TestChain.pay(alice, out1, bob, Amounts.cas(5), 10);
        LedgerOverlay overlay = new LedgerOverlay(state);
        rules.apply(t, 0, overlay, scope);
        assertThat(overlay.balance(alice.address(), AssetId.CAS)).isEqualTo(before - Amounts.cas(5) - t.fee());
        assertThat(overlay.balance(bob, AssetId.CAS)).isEqualTo(Amounts.cas(100_000_005L));
        assertThat(scope.fees()).isEqualTo(t.fee());
        assertThat(state.balance(alice.address(), AssetId.CAS))
                .as("the base is untouched")
                .isEqualTo(before);
        assertThat(overlay.unspent(out1.ref())).isEmpty();
        assertThat(state.unspent(out1.ref())).isPresent();
        assertThat(TestKeys.key(1)).isEqualTo(alice);
    }
}
