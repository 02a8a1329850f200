package global.cas.testing;

import global.cas.chain.ChainParams;
import global.cas.chain.ExecutedBlock;
import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.governance.GovernanceBlock;
import global.cas.governance.GovernanceState;
import global.cas.ledger.Action;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.params.GovernanceParams;
import global.cas.rejection.RejectedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A one-validator test chain for governance: {@link TestChain}'s holders ({@code
 * TestKeys.key(1..10)}, 100,000,000 CAS each), a transitional committee of keys 11 to 15 funded
 * with 20,000 CAS each, and a "day" of 10 s ({@link #PARAMS}) so elections and referendums pass in
 * a few hundred blocks; blocks are one second apart unless a test skips ahead. Builds each
 * governance action as a signed transaction paying its fee from the signer's largest output, and
 * tells why the next block would refuse one. Not thread-safe.
 */
public final class GovernanceChain {
    public static final long DAY = 10_000;

    /** The governance values of these tests: PROTOCOL.md's, but days of 10 s and a quorum of 150,000,000. */
    public static final GovernanceParams PARAMS = new GovernanceParams(
            Amounts.cas(10_000),
            Amounts.cas(200_000_000),
            5,
            Amounts.cas(100_000),
            14,
            Amounts.cas(100_000_000),
            Amounts.cas(150_000_000),
            Amounts.cas(250_000_000),
            7,
            30,
            DAY,
            DAY,
            30,
            6,
            6,
            Amounts.cas(1),
            10,
            9);

    /** {@link #PARAMS} with days (and epochs) of {@code dayMillis} and these election windows, in days. */
    public static GovernanceParams windows(long dayMillis, int intervalDays, int nominationDays, int votingDays) {
        GovernanceParams g = PARAMS;
        return new GovernanceParams(
                g.candidacyMinimum(),
                g.electionThreshold(),
                g.minSeats(),
                g.responseSupport(),
                g.responseWindowDays(),
                g.referendumSupport(),
                g.referendumQuorum(),
                g.committeeRulesQuorum(),
                g.referendumMinDays(),
                g.referendumMaxDays(),
                dayMillis,
                dayMillis,
                intervalDays,
                nominationDays,
                votingDays,
                g.proposalFee(),
                g.parameterDelayBlocks(),
                g.payoutDays());
    }

    private final TestNode node;
    private final ChainParams params;

    public GovernanceChain() {
        this(PARAMS);
    }

    public GovernanceChain(GovernanceParams governance) {
        List<ChainParams.Allocation> allocations =
                new ArrayList<>(TestChain.params().allocations());
        List<Address> committee = new ArrayList<>();
        for (int i = 11; i <= 15; i++) {
            allocations.add(new ChainParams.Allocation(TestKeys.key(i).address(), Amounts.cas(20_000)));
            committee.add(TestKeys.key(i).address());
        }
        this.params = TestChain.params()
                .withAllocations(allocations)
                .withTransitionalCommittee(committee)
                .withGovernance(governance);
        this.node = new TestNode(params);
    }

    public TestNode node() {
        return node;
    }

    public ChainParams params() {
        return params;
    }

    public GovernanceState state() {
        return node.chainState().governance();
    }

    public long time() {
        return node.tip().time();
    }

    public long height() {
        return node.tip().height();
    }

    /** Holder {@code i}: 1..10 hold 100,000,000 CAS, 11..15 (the transitional committee) 20,000. */
    public static KeyPair key(int i) {
        return TestKeys.key(i);
    }

    public long balance(KeyPair k) {
        return node.state().balance(k.address(), AssetId.CAS);
    }

    /** Produces empty blocks until the tip's time is at least {@code time}, skipping ahead in one step. */
    public void advanceTo(long time) {
        if (time() >= time) {
            return;
        }
        long gap = time - time();
        if (gap > 2_000) {
            node.produce(List.of());
            node.skip(time - time() - 2_000);
        }
        while (time() < time) {
            node.produce(List.of());
        }
    }

    /** Produces one block of {@code txs}; each must be included. */
    public ExecutedBlock block(Transaction... txs) {
        int before = node.dropped().size();
        ExecutedBlock b = node.produce(List.of(txs));
        if (node.dropped().size() != before) {
            throw new AssertionError("a transaction was left out: "
                    + node.dropped().get(before).reason().getMessage());
        }
        return b;
    }

    /** Why the next block would refuse {@code tx} (the mempool's check), or null when it accepts it. */
    public RejectedException refusal(Transaction tx) {
        try {
            node.executor().machine().checkStateless(tx);
            node.executor()
                    .machine()
                    .checkStateful(
                            tx,
                            node.state(),
                            state(),
                            node.executor()
                                    .machine()
                                    .nextScope(
                                            node.chainState(),
                                            time() + 1000,
                                            TestChain.validator().address()));
            return null;
        } catch (RejectedException e) {
            return e;
        }
    }

    /** {@code action} signed by {@code k}, its fee (at least the proposal fee) paid from k's largest output, change back. */
    public Transaction tx(KeyPair k, Action action) {
        UnspentOutput in = node.state().unspentOf(k.address()).stream()
                .max(Comparator.comparingLong(u -> u.output().amount()))
                .orElseThrow(() -> new AssertionError(k.address() + " holds nothing"));
        long fee = Math.max(PARAMS.proposalFee(), TestChain.MIN_FEE_PER_BYTE * 40_000);
        List<TxOutput> outs =
                List.of(new TxOutput(k.address(), AssetId.CAS, in.output().amount() - fee));
        return new Transaction.Unsigned(TestChain.CHAIN_ID, height() + 100, List.of(in.ref()), outs, fee, action)
                .sign(List.of(k));
    }

    /** A transfer of {@code amount} from {@code from}'s largest output to {@code to}. */
    public Transaction pay(KeyPair from, Address to, long amount) {
        UnspentOutput in = node.state().unspentOf(from.address()).stream()
                .max(Comparator.comparingLong(u -> u.output().amount()))
                .orElseThrow();
        return TestChain.pay(from, in, to, amount, height() + 100);
    }

    /** The governance work of a block begun now on the committed state (to read what the next block sees). */
    public GovernanceBlock nextBlockView() {
        var ctx = node.executor()
                .machine()
                .context(node.chainState(), time() + 1000, TestChain.validator().address());
        GovernanceBlock g = new GovernanceBlock(state(), ctx, ctx.params().governance(), params.committeeReserve());
        g.begin(node.state());
        return g;
    }
}
