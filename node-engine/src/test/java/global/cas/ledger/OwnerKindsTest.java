package global.cas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.Genesis;
import global.cas.chain.StateMachine;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Owner kinds (issue 7): who may spend what, on a ledger state that holds one of each. */
class OwnerKindsTest {
    private final StateMachine rules = TestChain.rules();
    private final KeyPair m1 = TestKeys.key(40);
    private final KeyPair m2 = TestKeys.key(41);
    private final KeyPair m3 = TestKeys.key(42);
    private final Address bob = TestChain.funded(2).address();
    /** A test authority of three members that a plain transfer may spend. */
    private final Address authority = Address.of(
            java.util.Arrays.copyOf(Hash.sha256("test authority".getBytes()).bytes(), Address.LENGTH));

    private final Address contract = Address.of(
            java.util.Arrays.copyOf(Hash.sha256("test contract".getBytes()).bytes(), Address.LENGTH));
    private final Hash source = Hash.sha256("outputs of the test state".getBytes());
    private LedgerState state;
    private BlockScope scope;

    @BeforeEach
    void setUp() {
        state = TestChain.genesisState();
        state.loadOwner(
                new Owner.Authority(authority, List.of(m1.address(), m2.address(), m3.address()), Set.of("transfer")));
        state.loadOwner(new Owner.Contract(contract, "token"));
        load(0, authority, Amounts.cas(10));
        load(1, contract, Amounts.cas(10));
        state.loadColoured(new ColouredOutput(
                new OutputRef(source, 2),
                UnspentOutput.storageId(0, 900, 2),
                m1.address(),
                AssetId.token(Hash.sha256("a token".getBytes())),
                500,
                3,
                "period 3 consumption"));
        scope = TestBlocks.scope(1, Genesis.build(TestChain.params()).block().hash(), -1L);
    }

    private void load(int index, Address owner, long amount) {
        UnspentOutput u = new UnspentOutput(
                new OutputRef(source, index),
                new TxOutput(owner, AssetId.CAS, amount),
                UnspentOutput.storageId(0, 900, index));
        state.load(u);
        state.loadBalance(new BalanceKey(owner, AssetId.CAS), state.balance(owner, AssetId.CAS) + amount);
    }

    private Transaction spend(int index, long amount, List<KeyPair> signers) {
        long fee = 100_000;
        return Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        10,
                        List.of(new OutputRef(source, index)),
                        List.of(new TxOutput(bob, AssetId.CAS, amount - fee)),
                        fee)
                .sign(signers);
    }

    private void check(Transaction tx) {
        rules.checkStateless(tx);
        rules.checkStateful(tx, state, scope);
    }

    private static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    @DisplayName("G20: a multi-member authority spends with more than half of its members' signatures")
    void authorityMajority() {
        assertThatCode(() -> check(spend(0, Amounts.cas(10), List.of(m1, m2)))).doesNotThrowAnyException();
        assertThatCode(() -> check(spend(0, Amounts.cas(10), List.of(m1, m2, m3))))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("G20: half or fewer of an authority's members cannot spend it, nor can outsiders")
    void authorityMinority() {
        rejected(() -> check(spend(0, Amounts.cas(10), List.of(m3))), Reason.MISSING_SIGNATURE);
        rejected(() -> check(spend(0, Amounts.cas(10), List.of())), Reason.MISSING_SIGNATURE);
        // an outsider's signature is not a member's, and a key that co-owns nothing may not sign
        rejected(() -> check(spend(0, Amounts.cas(10), List.of(m1, TestChain.funded(3)))), Reason.MISSING_SIGNATURE);
        Owner.Authority four = new Owner.Authority(
                authority,
                List.of(
                        m1.address(),
                        m2.address(),
                        m3.address(),
                        TestKeys.key(43).address()),
                Set.of("transfer"));
        state.loadOwner(four);
        // 2 of 4 is exactly half: not a majority
        rejected(() -> check(spend(0, Amounts.cas(10), List.of(m1, m2))), Reason.MISSING_SIGNATURE);
        assertThatCode(() -> check(spend(0, Amounts.cas(10), List.of(m1, m2, m3))))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("G20: the committee reserve is an authority no action may spend until governance adds its purposes")
    void reserveUnspendable() {
        Owner reserve = state.owner(Genesis.committeeReserveAddress());
        assertThat(reserve).isInstanceOf(Owner.Authority.class);
        assertThat(((Owner.Authority) reserve).members())
                .containsExactlyInAnyOrderElementsOf(TestChain.params().transitionalCommittee());
        UnspentOutput out =
                state.unspent(new OutputRef(TestChain.genesisTxId(), 0)).orElseThrow();
        assertThat(out.output().owner()).isEqualTo(Genesis.committeeReserveAddress());
        Transaction t = Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        10,
                        List.of(out.ref()),
                        List.of(new TxOutput(bob, AssetId.CAS, out.output().amount() - 100_000)),
                        100_000)
                .sign(List.of(TestKeys.key(11)));
        rejected(() -> check(t), Reason.AUTHORITY_POLICY);
    }

    @Test
    @DisplayName("T5, T11: a contract account cannot be spent by any key, nor paid into by a plain transfer")
    void contractAccount() {
        rejected(() -> check(spend(1, Amounts.cas(10), List.of(m1))), Reason.CONTRACT_ACCOUNT);
        UnspentOutput mine = TestChain.genesisOutput(state, 1);
        Transaction payIn = Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        10,
                        List.of(mine.ref()),
                        List.of(new TxOutput(
                                contract, AssetId.CAS, mine.output().amount() - 100_000)),
                        100_000)
                .sign(List.of(TestChain.funded(1)));
        rejected(() -> check(payIn), Reason.CONTRACT_ACCOUNT);
    }

    @Test
    @DisplayName("L3: a coloured output is never spendable, by its consumer or anyone, and is in no balance")
    void colouredNeverSpendable() {
        rejected(() -> check(spend(2, Amounts.cas(1), List.of(m1))), Reason.UNSPENDABLE_OUTPUT);
        assertThat(state.coloured(new OutputRef(source, 2))).isPresent();
        assertThat(state.unspent(new OutputRef(source, 2))).isEmpty();
        assertThat(state.balance(m1.address(), AssetId.token(Hash.sha256("a token".getBytes()))))
                .isZero();
        ColouredOutput c = state.coloured(new OutputRef(source, 2)).orElseThrow();
        assertThat(c.height()).isZero();
        assertThat(c.period()).isEqualTo(3);
        assertThat(c.memo()).isEqualTo("period 3 consumption");
    }

    @Test
    @DisplayName("L2: the balance hook hears every change a block makes, in order, with the value before and after")
    void balanceHook() {
        List<String> heard = new java.util.ArrayList<>();
        LedgerOverlay overlay = new LedgerOverlay(
                state, (owner, asset, before, after) -> heard.add(owner + ":" + before + "->" + after));
        Transaction t = spend(0, Amounts.cas(10), List.of(m1, m2));
        rules.checkStateful(t, overlay, scope);
        rules.apply(t, 0, overlay, scope);
        assertThat(heard)
                .containsExactly(
                        authority + ":" + Amounts.cas(10) + "->0",
                        bob + ":" + state.balance(bob, AssetId.CAS) + "->"
                                + (state.balance(bob, AssetId.CAS) + Amounts.cas(10) - 100_000));
    }
}
