package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.Block;
import global.cas.chain.ChainTip;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.StoredTransaction;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.store.ChainStore;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.wallet.TransferBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A block is written to storage before the in-memory balances move on. This test holds the chain
 * thread in that gap and checks that readers never see a transaction whose effect on the balances
 * is not visible yet.
 */
class ConsistentReadTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("L2: a committed transaction is visible only together with the balances it changed")
    void storageAheadOfStateIsHidden() throws Exception {
        KeyPair from = TestChain.funded(3);
        KeyPair to = TestKeys.key(43);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PausingStore[] holder = new PausingStore[1];
        // a very long block interval: the test makes the one block it needs through the producer
        NodeConfig config =
                new NodeConfig(dir, TestChain.params(), Optional.of(TestChain.validator()), 1_000, 3_600_000);
        try (Node node = Node.start(config, d -> holder[0] = new PausingStore(H2ChainStore.open(d)))) {
            Transaction tx = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE)
                    .pay(
                            node.spendableOutputs(from.address()),
                            Map.of(from.address(), from),
                            List.of(new TxOutput(to.address(), AssetId.CAS, Amounts.cas(7))),
                            from.address(),
                            node.tip().height() + 10);
            node.submit(tx).join();
            long height = node.tip().height() + 1;
            holder[0].pauseAfterNextCommit(written, release);
            var produced = node.chain().produce(TestChain.validator(), System.currentTimeMillis());
            assertThat(written.await(20, TimeUnit.SECONDS)).isTrue();

            // storage already holds the block; the node must not show it yet
            assertThat(holder[0].transaction(tx.id())).isPresent();
            assertThat(node.transaction(tx.id())).isEmpty();
            assertThat(node.block(height)).isEmpty();
            assertThat(node.blockRewards(height)).isEmpty();
            assertThat(node.balance(to.address(), AssetId.CAS)).isZero();
            assertThat(node.findTransaction(tx.id()))
                    .hasValueSatisfying(
                            k -> assertThat(k.isCommitted()).as("still pending").isFalse());

            release.countDown();
            produced.get(20, TimeUnit.SECONDS);
            assertThat(node.transaction(tx.id())).isPresent();
            assertThat(node.findTransaction(tx.id())).hasValueSatisfying(k -> {
                assertThat(k.committed().orElseThrow().height()).isEqualTo(height);
                assertThat(k.transaction()).isEqualTo(tx);
            });
            assertThat(node.findTransaction(global.cas.crypto.Hash.sha256(new byte[] {1})))
                    .isEmpty();
            assertThat(node.block(height)).isPresent();
            assertThat(node.balance(to.address(), AssetId.CAS)).isEqualTo(Amounts.cas(7));
        } finally {
            release.countDown();
        }
    }

    /** Delegates to a real store; after one chosen commit it waits until released. */
    private static final class PausingStore implements ChainStore {
        private final ChainStore inner;
        private volatile CountDownLatch written;
        private volatile CountDownLatch release;

        PausingStore(ChainStore inner) {
            this.inner = inner;
        }

        void pauseAfterNextCommit(CountDownLatch written, CountDownLatch release) {
            this.release = release;
            this.written = written;
        }

        @Override
        public Optional<ChainTip> tip() {
            return inner.tip();
        }

        @Override
        public Optional<global.cas.store.StateDigest> stateDigest() {
            return inner.stateDigest();
        }

        @Override
        public void recordStateDigest(global.cas.store.StateDigest computed) {
            inner.recordStateDigest(computed);
        }

        @Override
        public void forEachHeader(Consumer<global.cas.chain.BlockHeader> sink) {
            inner.forEachHeader(sink);
        }

        @Override
        public java.util.OptionalInt format() {
            return inner.format();
        }

        @Override
        public Optional<global.cas.chain.Commit> commit(long height) {
            return inner.commit(height);
        }

        @Override
        public Optional<global.cas.params.ParamsSchedule> paramsSchedule() {
            return inner.paramsSchedule();
        }

        @Override
        public Optional<global.cas.validators.ValidatorSchedule> validatorSchedule() {
            return inner.validatorSchedule();
        }

        @Override
        public global.cas.records.RecordSet moduleRecords(String module) {
            return inner.moduleRecords(module);
        }

        @Override
        public java.util.List<RecordVersion> recordHistory(String module, global.cas.records.RecordKey key) {
            return inner.recordHistory(module, key);
        }

        @Override
        public java.util.List<java.util.Map.Entry<global.cas.records.RecordKey, byte[]>> recordsAt(
                String module,
                global.cas.records.RecordKey prefix,
                long height,
                Optional<global.cas.records.RecordKey> after,
                int limit) {
            return inner.recordsAt(module, prefix, height, after, limit);
        }

        @Override
        public void forEachOwner(Consumer<global.cas.ledger.Owner> sink) {
            inner.forEachOwner(sink);
        }

        @Override
        public void forEachColoured(Consumer<global.cas.ledger.ColouredOutput> sink) {
            inner.forEachColoured(sink);
        }

        @Override
        public void forEachEvidence(Consumer<global.cas.chain.StoredEvidence> sink) {
            inner.forEachEvidence(sink);
        }

        @Override
        public java.util.List<global.cas.chain.StoredEvidence> evidence(long afterPosition, int limit) {
            return inner.evidence(afterPosition, limit);
        }

        @Override
        public void commit(ExecutedBlock block, global.cas.chain.Commit commit) {
            inner.commit(block, commit);
            CountDownLatch w = written;
            if (w != null) {
                written = null;
                w.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public Optional<Block> block(long height) {
            return inner.block(height);
        }

        @Override
        public Optional<Block> blockByHash(Hash hash) {
            return inner.blockByHash(hash);
        }

        @Override
        public Optional<StoredTransaction> transaction(Hash id) {
            return inner.transaction(id);
        }

        @Override
        public void forEachUnspent(Consumer<UnspentOutput> sink) {
            inner.forEachUnspent(sink);
        }

        @Override
        public List<UnspentOutput> outputsCreated(long from, long to) {
            return inner.outputsCreated(from, to);
        }

        @Override
        public Optional<Hash> blockHash(long height) {
            return inner.blockHash(height);
        }

        @Override
        public long prunedBelow() {
            return inner.prunedBelow();
        }

        @Override
        public long prune(long below, int maxTransactions) {
            return inner.prune(below, maxTransactions);
        }

        @Override
        public Optional<PrunedOutputs> prunedOutputs(java.util.Set<global.cas.crypto.Address> owners) {
            return inner.prunedOutputs(owners);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
