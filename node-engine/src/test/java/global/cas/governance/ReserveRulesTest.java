package global.cas.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.ChainParams;
import global.cas.crypto.Address;
import global.cas.crypto.DecodedKeys;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.EnvelopeRules;
import global.cas.ledger.EnvelopeTerms;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.OutputRef;
import global.cas.ledger.ReserveSpend;
import global.cas.ledger.ReserveSpendApproval;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.GovernanceChain;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The committee reserve (G20–G23): spends for its two purposes once more than half of all seated
 * members approved them, only CAS held, and the excess above its cap paid to every other holder
 * through the per-coin payout index. The seated committee is the transitional one, keys 11 to 15.
 */
class ReserveRulesTest {
    private final GovernanceChain chain = new GovernanceChain();
    private final Address reserve = chain.params().committeeReserve();
    private final Address payee = TestKeys.key(40).address();

    private long reserveBalance() {
        return chain.node().state().balance(reserve, AssetId.CAS);
    }

    private ReserveSpend operations(long amount) {
        return new ReserveSpend(
                ReserveSpend.OPERATIONS, payee, amount, "Seed node hosting, December", Optional.empty());
    }

    @Test
    @DisplayName(
            "G20: a spend for operating costs is paid in the block where the third of five seated members approves it,"
                    + " not before")
    void spendPaidOnMajority() {
        long amount = Amounts.cas(25_000);
        Transaction ask = chain.tx(TestKeys.key(11), operations(amount));
        chain.block(ask);
        chain.block(chain.tx(TestKeys.key(12), new ReserveSpendApproval(ask.id())));
        // two of five: no majority, nothing moved
        assertThat(chain.node().state().balance(payee, AssetId.CAS)).isZero();
        assertThat(reserveBalance()).isEqualTo(ChainParams.RESERVE_AT_GENESIS);
        assertThat(chain.state().reserveSpend(ask.id()).orElseThrow().paid()).isFalse();

        chain.block(chain.tx(TestKeys.key(13), new ReserveSpendApproval(ask.id())));
        assertThat(chain.node().state().balance(payee, AssetId.CAS)).isEqualTo(amount);
        assertThat(reserveBalance()).isEqualTo(ChainParams.RESERVE_AT_GENESIS - amount);
        ReserveRecords.Spend paid = chain.state().reserveSpend(ask.id()).orElseThrow();
        assertThat(paid.paid()).isTrue();
        assertThat(paid.paidHeight()).isEqualTo(chain.height());
        // paid once: a fourth approval is refused
        assertThat(chain.refusal(chain.tx(TestKeys.key(14), new ReserveSpendApproval(ask.id())))
                        .reason())
                .isEqualTo(Reason.OUTSIDE_WINDOW);
    }

    @Test
    @DisplayName(
            "G20: a spend for another purpose, for liquidity no issuer asked for, by a non-member, above the reserve or"
                    + " approved twice is refused with its reason, and nothing moves")
    void badSpendsRefused() {
        assertThat(chain.refusal(chain.tx(
                                TestKeys.key(11),
                                new ReserveSpend(2, payee, Amounts.cas(1), "a party", Optional.empty())))
                        .reason())
                .isEqualTo(Reason.RESERVE_PURPOSE);
        assertThat(chain.refusal(chain.tx(
                                TestKeys.key(11),
                                new ReserveSpend(
                                        ReserveSpend.LIQUIDITY,
                                        payee,
                                        Amounts.cas(1),
                                        "",
                                        Optional.of(Hash.sha256(new byte[] {1})))))
                        .reason())
                .isEqualTo(Reason.RESERVE_PURPOSE);
        assertThat(chain.refusal(chain.tx(
                                TestKeys.key(11),
                                new ReserveSpend(
                                        ReserveSpend.OPERATIONS, payee, Amounts.cas(1), " ", Optional.empty())))
                        .reason())
                .isEqualTo(Reason.RESERVE_PURPOSE);
        assertThat(chain.refusal(chain.tx(TestKeys.key(1), operations(Amounts.cas(1))))
                        .reason())
                .isEqualTo(Reason.NOT_MEMBER);
        assertThat(chain.refusal(chain.tx(TestKeys.key(11), operations(ChainParams.RESERVE_AT_GENESIS + 1)))
                        .reason())
                .isEqualTo(Reason.RESERVE_SHORT);
        assertThat(chain.refusal(chain.tx(
                                TestKeys.key(11),
                                new ReserveSpend(
                                        ReserveSpend.OPERATIONS, reserve, Amounts.cas(1), "loop", Optional.empty())))
                        .reason())
                .isEqualTo(Reason.RESERVE_PURPOSE);
        Transaction ask = chain.tx(TestKeys.key(11), operations(Amounts.cas(5)));
        chain.block(ask);
        assertThat(chain.refusal(chain.tx(TestKeys.key(11), new ReserveSpendApproval(ask.id())))
                        .reason())
                .isEqualTo(Reason.ALREADY_EXISTS);
        assertThat(chain.refusal(chain.tx(TestKeys.key(1), new ReserveSpendApproval(ask.id())))
                        .reason())
                .isEqualTo(Reason.NOT_MEMBER);
        assertThat(reserveBalance()).isEqualTo(ChainParams.RESERVE_AT_GENESIS);
    }

    @Test
    @DisplayName(
            "G20: no key controls the reserve: a plain transfer of its output is refused even when a majority of the"
                    + " members sign it")
    void noKeySpendsTheReserve() {
        UnspentOutput out = chain.node().state().unspentOf(reserve).get(0);
        Transaction t = Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        chain.height() + 100,
                        List.of(out.ref()),
                        List.of(new TxOutput(payee, AssetId.CAS, out.output().amount() - Amounts.cas(1))),
                        Amounts.cas(1))
                .sign(List.of(TestKeys.key(11), TestKeys.key(12), TestKeys.key(13)));
        assertThat(chain.refusal(t).reason()).isEqualTo(Reason.AUTHORITY_POLICY);
    }

    @Test
    @DisplayName(
            "G21: the reserve holds only CAS: an output of a token to it is refused, the same token to a key is not")
    void reserveHoldsOnlyCas() {
        KeyPair holder = TestKeys.key(1);
        AssetId token = AssetId.token(Hash.sha256(new byte[] {7}));
        // a token output the holder owns, in an overlay on the chain's ledger (no token module issues one yet)
        LedgerOverlay view = new LedgerOverlay(chain.node().state());
        UnspentOutput tokenOut = new UnspentOutput(
                new OutputRef(Hash.sha256(new byte[] {8}), 0),
                new TxOutput(holder.address(), token, 500),
                UnspentOutput.storageId(chain.height(), 0, 0));
        view.create(tokenOut);
        UnspentOutput cas = chain.node().state().unspentOf(holder.address()).get(0);
        EnvelopeRules rules = new EnvelopeRules(TestChain.CHAIN_ID, new DecodedKeys(100));
        var scope = chain.node()
                .executor()
                .machine()
                .nextScope(
                        chain.node().chainState(),
                        chain.time() + 1000,
                        TestChain.validator().address());
        long fee = Amounts.cas(1);
        java.util.function.Function<Address, Transaction> sendTokenTo = to -> Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        chain.height() + 100,
                        List.of(tokenOut.ref(), cas.ref()),
                        List.of(
                                new TxOutput(to, token, 500),
                                new TxOutput(
                                        holder.address(),
                                        AssetId.CAS,
                                        cas.output().amount() - fee)),
                        fee)
                .sign(List.of(holder));
        assertThatThrownBy(() -> rules.check(sendTokenTo.apply(reserve), "transfer", EnvelopeTerms.SPENDS, view, scope))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RESERVE_CAS_ONLY));
        rules.check(sendTokenTo.apply(TestKeys.key(2).address()), "transfer", EnvelopeTerms.SPENDS, view, scope);
    }

    /** Every CAS balance but the reserve's and the payout pool's: what the payout index is shared over. */
    private long eligibleByRecount() {
        long sum = 0;
        for (Map.Entry<BalanceKey, Long> e : chain.node().state().balances().entrySet()) {
            Address a = e.getKey().owner();
            if (e.getKey().asset().isCas() && !a.equals(reserve) && !a.equals(Reserve.POOL)) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    @Test
    @DisplayName(
            "G22: a gift above the cap is moved out of the reserve after the payout window, in one step, and each other"
                    + " holder is credited its pro-rata share when its account is next touched")
    void excessPaidOutProRata() {
        long gift = Amounts.cas(3_000_000);
        chain.block(chain.pay(TestKeys.key(9), reserve, gift));
        ReserveRecords.Payout pending = chain.state().payout();
        assertThat(pending.excessSince()).isEqualTo(chain.time());
        assertThat(pending.eligible()).isEqualTo(eligibleByRecount());
        assertThat(reserveBalance()).isEqualTo(ChainParams.RESERVE_AT_GENESIS + gift);

        chain.advanceTo(pending.excessSince() + GovernanceChain.PARAMS.daysMillis(GovernanceChain.PARAMS.payoutDays()));
        ReserveRecords.Payout p = chain.state().payout();
        assertThat(reserveBalance()).isEqualTo(ChainParams.RESERVE_AT_GENESIS);
        assertThat(chain.node().state().balance(Reserve.POOL, AssetId.CAS)).isEqualTo(gift);
        assertThat(p.distributed()).isEqualTo(gift);
        assertThat(p.distributions()).isEqualTo(1);
        assertThat(p.excessSince()).isZero();
        assertThat(p.index().signum()).isPositive();

        // holder 3 was not touched since: nothing credited yet; its next transfer credits its share
        KeyPair h = TestKeys.key(3);
        long held = chain.balance(h);
        long share = p.owed(held, java.math.BigInteger.ZERO);
        // the share is gift · held / eligible, rounded down (within one unit of the exact quotient)
        java.math.BigInteger exact = java.math.BigInteger.valueOf(gift)
                .multiply(java.math.BigInteger.valueOf(held))
                .divide(java.math.BigInteger.valueOf(p.eligible()));
        assertThat(exact.longValueExact() - share).isBetween(0L, 1L);
        assertThat(share).isGreaterThan(Amounts.cas(10_000));
        Transaction t = chain.pay(h, TestKeys.key(41).address(), Amounts.cas(1));
        chain.block(t);
        assertThat(chain.balance(h)).isEqualTo(held - Amounts.cas(1) - t.fee() + share);
        assertThat(chain.node().state().balance(Reserve.POOL, AssetId.CAS))
                .isEqualTo(gift - chain.state().payout().credited());
        // touched again: credited once only
        long after = chain.balance(h);
        Transaction t2 = chain.pay(h, TestKeys.key(41).address(), Amounts.cas(1));
        chain.block(t2);
        assertThat(chain.balance(h)).isEqualTo(after - Amounts.cas(1) - t2.fee());
        assertThat(chain.state().payout().eligible()).isEqualTo(eligibleByRecount());
    }

    @Test
    @DisplayName("G22: the pool is a module account: no transfer pays into it or spends it")
    void poolIsAContractAccount() {
        chain.block(chain.pay(TestKeys.key(9), reserve, Amounts.cas(1_000)));
        chain.advanceTo(chain.time() + GovernanceChain.PARAMS.daysMillis(GovernanceChain.PARAMS.payoutDays()));
        assertThat(chain.node().state().balance(Reserve.POOL, AssetId.CAS)).isEqualTo(Amounts.cas(1_000));
        assertThat(chain.refusal(chain.pay(TestKeys.key(1), Reserve.POOL, Amounts.cas(1)))
                        .reason())
                .isEqualTo(Reason.CONTRACT_ACCOUNT);
        UnspentOutput pool = chain.node().state().unspentOf(Reserve.POOL).get(0);
        Transaction steal = Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        chain.height() + 100,
                        List.of(pool.ref()),
                        List.of(new TxOutput(payee, AssetId.CAS, pool.output().amount() - Amounts.cas(1))),
                        Amounts.cas(1))
                .sign(List.of(TestKeys.key(1)));
        assertThat(chain.refusal(steal).reason()).isEqualTo(Reason.CONTRACT_ACCOUNT);
    }

    @Test
    @DisplayName(
            "G23: CAS coming back to the reserve above its cap (as a liquidity position's profit would) is returned to"
                    + " the community by the same pro-rata index, summing to no more than it received")
    void profitReturnedBySameIndex() {
        long amount = Amounts.cas(50_000);
        Transaction ask = chain.tx(TestKeys.key(11), operations(amount));
        chain.block(ask);
        chain.block(chain.tx(TestKeys.key(12), new ReserveSpendApproval(ask.id())));
        chain.block(chain.tx(TestKeys.key(13), new ReserveSpendApproval(ask.id())));
        // the reserve is below its cap: CAS coming back up to the cap stays in it
        chain.block(chain.pay(TestKeys.key(8), reserve, amount));
        assertThat(chain.state().payout().excessSince()).isZero();
        long profit = Amounts.cas(7_777);
        chain.block(chain.pay(TestKeys.key(8), reserve, profit));
        chain.advanceTo(chain.time() + GovernanceChain.PARAMS.daysMillis(GovernanceChain.PARAMS.payoutDays()));
        assertThat(chain.state().payout().distributed()).isEqualTo(profit);
        assertThat(reserveBalance()).isEqualTo(ChainParams.RESERVE_AT_GENESIS);
        // every holder of keys 1..10 touched: credits never exceed what went into the pool
        for (int i = 1; i <= 10; i++) {
            chain.block(chain.pay(TestKeys.key(i), TestKeys.key(42).address(), Amounts.cas(1)));
        }
        ReserveRecords.Payout p = chain.state().payout();
        assertThat(p.credited()).isPositive().isLessThanOrEqualTo(profit);
        assertThat(chain.node().state().balance(Reserve.POOL, AssetId.CAS)).isEqualTo(profit - p.credited());
        assertThat(p.eligible()).isEqualTo(eligibleByRecount());
    }
}
