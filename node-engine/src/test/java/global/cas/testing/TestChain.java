package global.cas.testing;

import global.cas.chain.BlockExecutor;
import global.cas.chain.ChainParams;
import global.cas.chain.Genesis;
import global.cas.chain.StateMachine;
import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.LedgerState;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.validators.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * A devnet chain for tests: validator {@code TestKeys.key(0)}, sale allocations of 100,000,000 CAS
 * to each of {@code TestKeys.key(1..10)}, 10 base units minimum fee per byte.
 */
public final class TestChain {
    public static final String CHAIN_ID = "cas-test-1";
    public static final long MIN_FEE_PER_BYTE = 10;

    private TestChain() {}

    public static KeyPair validator() {
        return TestKeys.key(0);
    }

    public static KeyPair funded(int i) {
        if (i < 1 || i > 10) {
            throw new IllegalArgumentException("funded keys are 1..10");
        }
        return TestKeys.key(i);
    }

    public static ChainParams params() {
        List<ChainParams.Allocation> allocations = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            allocations.add(new ChainParams.Allocation(TestKeys.key(i).address(), Amounts.cas(100_000_000L)));
        }
        return new ChainParams(
                CHAIN_ID,
                Network.DEVNET,
                1_764_028_800_000L,
                1000,
                MIN_FEE_PER_BYTE,
                ChainParams.SUPPLY_CAP,
                Amounts.cas(50),
                2_000_000,
                5000,
                0x0100_0000_0000_0000L,
                20_000,
                Genesis.committeeReserveAddress(),
                ChainParams.RESERVE_AT_GENESIS,
                allocations,
                List.of(new Validator(validator().publicKey(), 1)),
                List.of(TestKeys.key(11).address()));
    }

    /**
     * The test chain with {@code n} validators of power 1, the keys {@code TestKeys.key(firstKey)}
     * onwards ({@link #validatorKey}), for networks of several validator nodes.
     */
    public static ChainParams withValidators(int firstKey, int n) {
        List<Validator> set = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            set.add(new Validator(validatorKey(firstKey, i).publicKey(), 1));
        }
        return params().withValidators(set);
    }

    /** Validator {@code i} of {@link #withValidators(int, int)}. */
    public static KeyPair validatorKey(int firstKey, int i) {
        return TestKeys.key(firstKey + i);
    }

    /** The test chain's state machine: every rule, as a node runs them. */
    public static StateMachine rules() {
        return new StateMachine(params());
    }

    /** The test chain's rules as the mempool runs them. */
    public static global.cas.mempool.Mempool.TransactionChecks checks() {
        return global.cas.node.Node.checks(rules(), global.cas.governance.GovernanceState::empty);
    }

    /** The smallest fee a transaction of {@code size} bytes pays on the test chain (S6). */
    public static long minimumFee(int size) {
        return MIN_FEE_PER_BYTE * size;
    }

    public static BlockExecutor executor() {
        return new BlockExecutor(rules());
    }

    /** A fresh in-memory ledger holding the genesis state. */
    public static LedgerState genesisState() {
        LedgerState s = new LedgerState();
        var g = Genesis.build(params());
        s.apply(g.delta());
        s.adoptBalanceTree(g.balances());
        return s;
    }

    /** The genesis output of funded key i (index i: the reserve is output 0). */
    public static UnspentOutput genesisOutput(LedgerState state, int i) {
        OutputRef ref = new OutputRef(genesisTxId(), i);
        return state.unspent(ref).orElseThrow();
    }

    /** The genesis output {@code i} of a chain of other parameters {@code p}. */
    public static UnspentOutput genesisOutput(LedgerState state, int i, ChainParams p) {
        return state.unspent(new OutputRef(Genesis.transactionId(p), i)).orElseThrow();
    }

    public static global.cas.crypto.Hash genesisTxId() {
        return Genesis.transactionId(params());
    }

    /** A signed transfer spending {@code input} (owned by {@code from}) to {@code to}, change back, minimum fee. */
    public static Transaction pay(KeyPair from, UnspentOutput input, Address to, long amount, long expiry) {
        long available = input.output().amount();
        long fee = MIN_FEE_PER_BYTE * 300;
        List<TxOutput> outs = new ArrayList<>();
        outs.add(new TxOutput(to, AssetId.CAS, amount));
        long change = available - amount - fee;
        if (change > 0) {
            outs.add(new TxOutput(from.address(), AssetId.CAS, change));
        }
        return Transfer.unsigned(CHAIN_ID, expiry, List.of(input.ref()), outs, fee)
                .sign(List.of(from));
    }
}
