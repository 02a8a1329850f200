package global.cas.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.Block;
import global.cas.chain.Commit;
import global.cas.consensus.wal.FileWalStorage;
import global.cas.consensus.wal.WriteAheadLog;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.Await;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.wallet.TransferBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real node on H2 whose blocks come from the BFT driver: a lone validator, 50 ms between heights. */
class ConsensusNodeTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Node start(Optional<KeyPair> key) {
        return Node.builder(new NodeConfig(dir, TestChain.params(), key, 1_000, 50))
                .store(H2ChainStore::open)
                .producers(ConsensusBlockProducer.FACTORY)
                .verifierThreads(1)
                .start();
    }

    private Node startValidator() {
        return start(Optional.of(TestChain.validator()));
    }

    private static void awaitHeight(Node node, long height) throws InterruptedException {
        Await.until(LIMIT, "height " + height, () -> node.tip().height() >= height);
    }

    @Test
    @DisplayName("C1, C2, C3: a lone validator commits each block in round 0 with its own precommit")
    void loneValidatorCommits() throws Exception {
        try (Node node = startValidator()) {
            awaitHeight(node, 5);
            assertThat(node.isValidator()).isTrue();
            var status = node.consensusStatus().orElseThrow();
            assertThat(status.validatorIndex()).isZero();
            assertThat(status.signing()).isTrue();
            assertThat(status.halted()).isEmpty();
            for (long h = 1; h <= 5; h++) {
                Commit c = node.chain().store().commit(h).orElseThrow();
                Block b = node.block(h).orElseThrow();
                assertThat(c.blockHash()).isEqualTo(b.hash());
                assertThat(c.round()).isZero();
                assertThat(c.precommits()).hasSize(1);
                assertThat(c.precommits().get(0).validatorIndex()).isZero();
            }
        }
        assertThat(dir.resolve(FileWalStorage.FILE_NAME)).exists();
    }

    @Test
    @DisplayName("C5: block times grow strictly and each is the time of the commit before it")
    void blockTimesGrow() throws Exception {
        try (Node node = startValidator()) {
            awaitHeight(node, 6);
            for (long h = 2; h <= 6; h++) {
                Block b = node.block(h).orElseThrow();
                Block before = node.block(h - 1).orElseThrow();
                assertThat(b.header().time()).isGreaterThan(before.header().time());
                assertThat(b.header().time())
                        .isEqualTo(b.lastCommit().precommits().get(0).timestamp());
            }
        }
    }

    @Test
    @DisplayName("L2: a transfer submitted to the validator is committed by consensus")
    void transferCommitted() throws Exception {
        KeyPair from = TestChain.funded(1);
        KeyPair to = TestKeys.key(40);
        try (Node node = startValidator()) {
            Transaction tx = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE)
                    .pay(
                            node.spendableOutputs(from.address()),
                            Map.of(from.address(), from),
                            List.of(new TxOutput(to.address(), AssetId.CAS, Amounts.cas(7))),
                            from.address(),
                            node.tip().height() + 1_000);
            node.submit(tx).join();
            Await.until(
                    LIMIT, "transfer committed", () -> node.transaction(tx.id()).isPresent());
            assertThat(node.balance(to.address(), AssetId.CAS)).isEqualTo(Amounts.cas(7));
        }
    }

    @Test
    @DisplayName("C1: a restarted validator replays its write-ahead log and goes on from its tip")
    void restartGoesOn() throws Exception {
        long first;
        try (Node node = startValidator()) {
            awaitHeight(node, 3);
            first = node.tip().height();
        }
        long walBytes = Files.size(dir.resolve(FileWalStorage.FILE_NAME));
        assertThat(walBytes).isPositive();
        try (Node node = startValidator()) {
            assertThat(node.tip().height()).isGreaterThanOrEqualTo(first);
            awaitHeight(node, first + 3);
            assertThat(node.consensusStatus().orElseThrow().signing()).isTrue();
            Block b = node.block(first + 1).orElseThrow();
            assertThat(b.header().time())
                    .isGreaterThan(node.block(first).orElseThrow().header().time());
        }
    }

    @Test
    @DisplayName(
            "C1: a write-ahead log damaged before its end is refused: the node does not start, the folder stays usable")
    void damagedLogRefused() throws Exception {
        try (Node node = startValidator()) {
            awaitHeight(node, 3);
        }
        Path wal = dir.resolve(FileWalStorage.FILE_NAME);
        byte[] bytes = Files.readAllBytes(wal);
        assertThat(bytes.length).isGreaterThan(64);
        bytes[bytes.length / 3] ^= 0x5a;
        Files.write(wal, bytes);
        assertThatThrownBy(this::startValidator).isInstanceOf(WriteAheadLog.DamagedLogException.class);
        // the lock is released and nothing else was touched: without the damaged log the node starts
        Files.move(wal, dir.resolve("consensus.wal.damaged"));
        try (Node node = startValidator()) {
            long at = node.tip().height();
            awaitHeight(node, at + 2);
        }
    }

    @Test
    @DisplayName("A node without a validator key and without peers runs no consensus")
    void noKeyNoPeersNoProducer() {
        try (Node node = start(Optional.empty())) {
            assertThat(node.isValidator()).isFalse();
            assertThat(node.consensusStatus()).isEmpty();
        }
    }
}
