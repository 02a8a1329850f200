package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.Block;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.Precommit;
import global.cas.ledger.AssetId;
import global.cas.ledger.TxOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.FakeClock;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.wallet.TransferBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one process on a fake clock, assembled by {@link NodeBuilder}: one proposes and
 * commits with its validator key, the other validates and commits each block with its commit, as
 * the BFT engine will make them do; after a restart from H2 both hold the same module roots.
 */
class TwoNodesTest {
    @TempDir
    Path a;

    @TempDir
    Path b;

    private final FakeClock clock =
            new FakeClock(Instant.ofEpochMilli(TestChain.params().genesisTime() + 5_000));

    private Node start(Path dir, boolean validator) {
        NodeConfig config = new NodeConfig(
                dir,
                TestChain.params(),
                validator ? Optional.of(TestChain.validator()) : Optional.empty(),
                10_000,
                1000);
        return Node.builder(config)
                .store(H2ChainStore::open)
                .clock(clock)
                .producers(BlockProducer.Factory.NONE)
                .verifierThreads(1)
                .start();
    }

    @Test
    @DisplayName("C3, C6: a follower validates each proposed block with its commit and reaches the same state root")
    void followerAgrees() throws Exception {
        TransferBuilder builder = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);
        try (Node proposer = start(a, true);
                Node follower = start(b, false)) {
            assertThat(follower.isValidator()).isFalse();
            for (int h = 1; h <= 4; h++) {
                var from = TestChain.funded(h);
                proposer.submit(builder.pay(
                                proposer.spendableOutputs(from.address()),
                                Map.of(from.address(), from),
                                List.of(new TxOutput(TestKeys.key(60).address(), AssetId.CAS, 5_000L * h)),
                                from.address(),
                                proposer.tip().height() + 10))
                        .get(10, TimeUnit.SECONDS);
                clock.advance(Duration.ofSeconds(1));
                ExecutedBlock made = proposer.chain()
                        .produce(TestChain.validator(), clock.millis())
                        .get(10, TimeUnit.SECONDS);
                Block sent = Block.decode(made.block().encoded());
                Commit commit = proposer.chain().store().commit(sent.height()).orElseThrow();
                follower.chain().importBlock(sent, commit).get(10, TimeUnit.SECONDS);
                assertThat(follower.tip()).isEqualTo(proposer.tip());
            }
            assertThat(follower.balance(TestKeys.key(60).address(), AssetId.CAS))
                    .isEqualTo(5_000L * (1 + 2 + 3 + 4));
        }
        try (Node proposer = start(a, true);
                Node follower = start(b, false)) {
            assertThat(follower.tip().roots()).isEqualTo(proposer.tip().roots());
            assertThat(follower.chain().committed().lastCommit())
                    .isEqualTo(proposer.chain().committed().lastCommit());
        }
    }

    @Test
    @DisplayName("C3: a block whose commit is not signed by the validators is not committed, and the follower stays")
    void badCommitRefused() throws Exception {
        try (Node proposer = start(a, true);
                Node follower = start(b, false)) {
            clock.advance(Duration.ofSeconds(1));
            ExecutedBlock made = proposer.chain()
                    .produce(TestChain.validator(), clock.millis())
                    .get(10, TimeUnit.SECONDS);
            Block sent = made.block();
            Precommit forged = Precommit.sign(
                    TestKeys.key(77),
                    0,
                    TestChain.CHAIN_ID,
                    sent.height(),
                    0,
                    sent.hash(),
                    sent.header().time() + 1);
            assertThatThrownBy(() -> follower.chain()
                            .importBlock(sent, new Commit(sent.height(), 0, sent.hash(), List.of(forged)))
                            .join())
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_COMMIT));
            assertThat(follower.tip().height()).isZero();
            // the right commit is then accepted: nothing was half done
            follower.chain()
                    .importBlock(sent, proposer.chain().store().commit(1).orElseThrow())
                    .get(10, TimeUnit.SECONDS);
            assertThat(follower.tip()).isEqualTo(proposer.tip());
        }
    }

    @Test
    @DisplayName("C3: while a batch is imported, a reader never sees a tip whose block is not stored yet")
    void readersSeeABatchOnlyOnceStored() throws Exception {
        try (Node proposer = start(a, true);
                Node follower = start(b, false)) {
            for (int h = 1; h <= 300; h++) {
                clock.advance(Duration.ofSeconds(1));
                proposer.chain().produce(TestChain.validator(), clock.millis()).get(10, TimeUnit.SECONDS);
            }
            List<ChainService.Final> made = new java.util.ArrayList<>();
            for (long h = 1; h <= 300; h++) {
                made.add(new ChainService.Final(
                        Block.decode(
                                proposer.chain().store().block(h).orElseThrow().encoded()),
                        proposer.chain().store().commit(h).orElseThrow()));
            }
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger unstored = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean importing = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (importing.get()) {
                    long tip = follower.tip().height();
                    if (tip > 0 && follower.block(tip).isEmpty()) {
                        unstored.incrementAndGet();
                    }
                    reads.incrementAndGet();
                }
            });
            reader.start();
            try {
                assertThat(follower.chain()
                                .importBlocks(made)
                                .get(30, TimeUnit.SECONDS)
                                .committed())
                        .isEqualTo(300);
            } finally {
                importing.set(false);
                reader.join(10_000);
            }
            assertThat(reads.get()).isPositive();
            assertThat(unstored.get()).isZero();
            assertThat(follower.tip().height()).isEqualTo(300);
        }
    }

    @Test
    @DisplayName(
            "C3: a batch of committed blocks is checked block by block; the blocks before a bad commit are committed in one transaction, the rest refused")
    void batchImportStopsAtBadCommit() throws Exception {
        TransferBuilder builder = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);
        List<ChainService.Final> made = new java.util.ArrayList<>();
        try (Node proposer = start(a, true);
                Node follower = start(b, false)) {
            for (int h = 1; h <= 6; h++) {
                var from = TestChain.funded(h);
                proposer.submit(builder.pay(
                                proposer.spendableOutputs(from.address()),
                                Map.of(from.address(), from),
                                List.of(new TxOutput(TestKeys.key(61).address(), AssetId.CAS, 1_000L * h)),
                                from.address(),
                                proposer.tip().height() + 10))
                        .get(10, TimeUnit.SECONDS);
                clock.advance(Duration.ofSeconds(1));
                proposer.chain().produce(TestChain.validator(), clock.millis()).get(10, TimeUnit.SECONDS);
            }
            for (long h = 1; h <= 6; h++) {
                made.add(new ChainService.Final(
                        Block.decode(
                                proposer.chain().store().block(h).orElseThrow().encoded()),
                        proposer.chain().store().commit(h).orElseThrow()));
            }
            Block fifth = made.get(4).block();
            Precommit forged = Precommit.sign(
                    TestKeys.key(77),
                    0,
                    TestChain.CHAIN_ID,
                    5,
                    0,
                    fifth.hash(),
                    fifth.header().time() + 1);
            List<ChainService.Final> bad = new java.util.ArrayList<>(made);
            bad.set(4, new ChainService.Final(fifth, new Commit(5, 0, fifth.hash(), List.of(forged))));

            ChainService.Imported first = follower.chain().importBlocks(bad).get(10, TimeUnit.SECONDS);
            assertThat(first.committed()).isEqualTo(4);
            assertThat(first.tipHeight()).isEqualTo(4);
            assertThat(first.refused()).hasValueSatisfying(r -> {
                assertThat(r.height()).isEqualTo(5);
                assertThat(r.reason().reason()).isEqualTo(Reason.BAD_COMMIT);
            });
            assertThat(follower.tip().height()).isEqualTo(4);

            // blocks already committed are skipped; the rest are committed
            ChainService.Imported second =
                    follower.chain().importBlocks(made.subList(2, 6)).get(10, TimeUnit.SECONDS);
            assertThat(second.committed()).isEqualTo(2);
            assertThat(second.refused()).isEmpty();
            assertThat(follower.tip()).isEqualTo(proposer.tip());

            // a gap is refused, not skipped over
            ChainService.Imported gap =
                    proposer.chain().importBlocks(List.of(made.get(5))).get(10, TimeUnit.SECONDS);
            assertThat(gap.committed()).isZero();
            assertThat(gap.refused()).isEmpty(); // block 6 is the proposer's own: skipped
        }
        try (Node proposer = start(a, true);
                Node follower = start(b, false)) {
            assertThat(follower.tip().roots()).isEqualTo(proposer.tip().roots());
            assertThat(follower.balance(TestKeys.key(61).address(), AssetId.CAS))
                    .isEqualTo(1_000L * 21);
        }
    }

    @Test
    @DisplayName(
            "C3: a batch with a missing height is refused at the gap, and a different block at a committed height is refused")
    void batchImportRefusesGapsAndConflicts() throws Exception {
        try (Node proposer = start(a, true);
                Node follower = start(b, false)) {
            for (int h = 1; h <= 3; h++) {
                clock.advance(Duration.ofSeconds(1));
                proposer.chain().produce(TestChain.validator(), clock.millis()).get(10, TimeUnit.SECONDS);
            }
            ChainService.Final third = new ChainService.Final(
                    proposer.chain().store().block(3).orElseThrow(),
                    proposer.chain().store().commit(3).orElseThrow());
            ChainService.Imported gap =
                    follower.chain().importBlocks(List.of(third)).get(10, TimeUnit.SECONDS);
            assertThat(gap.committed()).isZero();
            assertThat(gap.refused())
                    .hasValueSatisfying(r -> assertThat(r.reason().reason()).isEqualTo(Reason.BAD_BLOCK_HEIGHT));

            // the follower makes its own block 1; the proposer's block 1 then conflicts with it
            clock.advance(Duration.ofSeconds(1));
            follower.chain().produce(TestChain.validator(), clock.millis()).get(10, TimeUnit.SECONDS);
            ChainService.Final first = new ChainService.Final(
                    proposer.chain().store().block(1).orElseThrow(),
                    proposer.chain().store().commit(1).orElseThrow());
            ChainService.Imported conflict =
                    follower.chain().importBlocks(List.of(first)).get(10, TimeUnit.SECONDS);
            assertThat(conflict.refused()).hasValueSatisfying(r -> {
                assertThat(r.height()).isEqualTo(1);
                assertThat(r.reason().reason()).isEqualTo(Reason.BAD_COMMIT);
                assertThat(r.reason().detail()).contains("committed");
            });
        }
    }
}
