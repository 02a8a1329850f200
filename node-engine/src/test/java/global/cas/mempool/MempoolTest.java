package global.cas.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.AssetId;
import global.cas.ledger.BlockScope;
import global.cas.ledger.LedgerState;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MempoolTest {
    private final ForkJoinPool pool = new ForkJoinPool(2);
    private final LedgerState state = TestChain.genesisState();
    private final BlockScope next = TestBlocks.scope(1, Hash.ZERO, -1L);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private Transaction pay(int from, long fee) {
        KeyPair k = TestChain.funded(from);
        UnspentOutput in = TestChain.genesisOutput(state, from);
        long change = in.output().amount() - 1_000 - fee;
        return Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        100,
                        List.of(in.ref()),
                        List.of(
                                new TxOutput(TestKeys.key(20).address(), AssetId.CAS, 1_000),
                                new TxOutput(k.address(), AssetId.CAS, change)),
                        fee)
                .sign(List.of(k));
    }

    @Test
    @DisplayName("transactions come out by fee per byte, highest first, mining proofs before all")
    void ordersByFeeRate() {
        Mempool m = new Mempool(TestChain.checks(), 100, pool);
        Transaction cheap = pay(1, 3_000);
        Transaction rich = pay(2, 30_000);
        Transaction middle = pay(3, 10_000);
        Transaction proof = TestBlocks.miningProof(
                TestChain.CHAIN_ID, 1, Hash.ZERO, TestKeys.key(30).address(), 7);
        for (Transaction t : List.of(cheap, rich, middle, proof)) {
            m.submit(t, state, next);
        }
        assertThat(m.candidates(10)).containsExactly(proof, rich, middle, cheap);
        assertThat(m.candidates(2)).containsExactly(proof, rich);
    }

    @Test
    @DisplayName("L1: a second pending transaction spending the same output is refused as DOUBLE_SPEND")
    void doubleSpendAcrossMempool() {
        Mempool m = new Mempool(TestChain.checks(), 100, pool);
        m.submit(pay(1, 3_000), state, next);
        assertThatThrownBy(() -> m.submit(pay(1, 4_000), state, next))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DOUBLE_SPEND));
        assertThat(m.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("the same transaction twice is DUPLICATE_TRANSACTION")
    void duplicate() {
        Mempool m = new Mempool(TestChain.checks(), 100, pool);
        Transaction t = pay(1, 3_000);
        m.submit(t, state, next);
        assertThatThrownBy(() -> m.submit(t, state, next))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_TRANSACTION));
    }

    @Test
    @DisplayName(
            "a full pool refuses a transaction that pays no more than its cheapest, and evicts the cheapest for a better one")
    void boundedWithClearRejection() {
        Mempool m = new Mempool(TestChain.checks(), 2, pool);
        Transaction a = pay(1, 5_000);
        Transaction b = pay(2, 6_000);
        m.submit(a, state, next);
        m.submit(b, state, next);
        assertThatThrownBy(() -> m.submit(pay(3, 3_000), state, next))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MEMPOOL_FULL);
                    assertThat(e.detail()).contains("maximum of 2");
                });
        Transaction better = pay(4, 50_000);
        m.submit(better, state, next);
        assertThat(m.candidates(10)).containsExactly(better, b);
        assertThat(m.size()).isEqualTo(2);
    }

    /** Funded key 2's payment carrying key 3's signature: it does not verify. */
    private Transaction tampered() {
        Transaction forged = pay(2, 3_000);
        return Transfer.unsigned(
                        forged.chainId(), forged.expiryHeight(), forged.inputs(), forged.outputs(), forged.fee())
                .withWitnesses(List.of(pay(3, 3_000).witnesses().get(0)));
    }

    @Test
    @DisplayName("transactions of a synced block verified ahead admit nothing, and a forged one is still refused after")
    void preverifyAdmitsNothing() {
        Mempool m = new Mempool(TestChain.checks(), 100, pool);
        Transaction good = pay(1, 3_000);
        Transaction tampered = tampered();
        assertThat(m.preverify(List.of(good, tampered))).isEqualTo(2);
        assertThat(m.size()).isZero();
        List<Mempool.Admission> r = m.submitAll(List.of(good, tampered), state, next);
        assertThat(r.get(0).accepted()).isTrue();
        assertThat(r.get(1).rejection().orElseThrow().reason()).isEqualTo(Reason.BAD_SIGNATURE);
        // a proposal's transactions already pending here were verified on entry: only the others are checked
        assertThat(m.preverify(List.of(good, tampered))).isEqualTo(1);
    }

    @Test
    @DisplayName("a batch is verified in parallel and each transaction gets its own verdict")
    void batchVerdicts() {
        Mempool m = new Mempool(TestChain.checks(), 100, pool);
        Transaction good = pay(1, 3_000);
        Transaction tampered = tampered();
        Transaction wrongChain = Transfer.unsigned("other-chain", 100, good.inputs(), good.outputs(), good.fee())
                .sign(List.of(TestChain.funded(1)));
        List<Mempool.Admission> r = m.submitAll(List.of(good, tampered, wrongChain), state, next);
        assertThat(r.get(0).accepted()).isTrue();
        assertThat(r.get(1).rejection().orElseThrow().reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(r.get(2).rejection().orElseThrow().reason()).isEqualTo(Reason.WRONG_CHAIN);
        assertThat(m.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("L4: a committed block removes its transactions, expired ones and stale mining proofs")
    void blockCommittedCleans() {
        Mempool m = new Mempool(TestChain.checks(), 100, pool);
        Transaction included = pay(1, 3_000);
        Transaction soonExpired = Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        1,
                        List.of(TestChain.genesisOutput(state, 2).ref()),
                        pay(2, 3_000).outputs(),
                        3_000)
                .sign(List.of(TestChain.funded(2)));
        Transaction stays = pay(3, 3_000);
        Transaction proof = TestBlocks.miningProof(
                TestChain.CHAIN_ID, 1, Hash.ZERO, TestKeys.key(30).address(), 7);
        for (Transaction t : List.of(included, soonExpired, stays, proof)) {
            m.submit(t, state, next);
        }
        m.blockCommitted(List.of(included), List.of(), 2);
        assertThat(m.candidates(10)).containsExactly(stays);
        assertThat(m.bytes()).isEqualTo(stays.size());
    }
}
