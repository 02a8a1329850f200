package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.Block;
import global.cas.chain.DoubleSignEvidence;
import global.cas.chain.StoredEvidence;
import global.cas.consensus.VoteType;
import global.cas.h2.H2Files;
import global.cas.rejection.Reason;
import global.cas.store.ChainDataException;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestDataFolder;
import global.cas.testing.TestEvidence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C4: evidence a node's block records is stored with the block and as the evidence module's state:
 * it reads back with the block, is listed, survives a restart (the state rebuilt and checked against
 * the tip's evidence root), replays from genesis, and a damaged or missing row is refused.
 */
class EvidenceStorageTest {
    @TempDir
    Path dir;

    private static final DoubleSignEvidence PREVOTES =
            TestEvidence.doubleSign(TestChain.validator(), VoteType.PREVOTE, 1, 0, 0);
    private static final DoubleSignEvidence PRECOMMITS =
            TestEvidence.doubleSign(TestChain.validator(), VoteType.PRECOMMIT, 2, 1, 0);

    private static Block produce(Node node) throws Exception {
        return node.chain()
                .produce(TestChain.validator(), node.tip().time() + 1000)
                .get(30, TimeUnit.SECONDS)
                .block();
    }

    /** Three blocks; block 2 records both pieces of evidence; returns its height. */
    private long chainWithEvidence() throws Exception {
        try (Node node = TestDataFolder.startIdle(dir)) {
            TestDataFolder.grow(node, 1);
            assertThat(node.chain().evidencePool().add(PREVOTES)).isTrue();
            assertThat(node.chain().evidencePool().add(PRECOMMITS)).isTrue();
            assertThat(node.chain().evidencePool().add(PREVOTES))
                    .as("one slot, once")
                    .isFalse();
            Block b = produce(node);
            assertThat(b.evidence()).containsExactly(PREVOTES, PRECOMMITS);
            assertThat(node.pendingEvidence())
                    .as("recorded evidence leaves the pool")
                    .isZero();
            TestDataFolder.grow(node, 1);
            return b.height();
        }
    }

    private void update(String sql) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("chain").toAbsolutePath() + ";MAX_COMPACT_TIME=0";
        try (Connection c = DriverManager.getConnection(url, H2Files.USER, "");
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isPositive();
        }
    }

    @Test
    @DisplayName("C4: recorded evidence round-trips through the store, is listed, and survives a restart")
    void roundTrip() throws Exception {
        long height = chainWithEvidence();
        try (Node node = TestDataFolder.startIdle(dir)) {
            Block b = node.block(height).orElseThrow();
            assertThat(b.evidence()).containsExactly(PREVOTES, PRECOMMITS);
            assertThat(Block.decode(b.encoded())).isEqualTo(b);
            assertThat(node.block(height - 1).orElseThrow().evidence()).isEmpty();
            assertThat(node.recordedEvidence(-1, 10))
                    .containsExactly(
                            new StoredEvidence(height, 0, PREVOTES), new StoredEvidence(height, 1, PRECOMMITS));
            List<StoredEvidence> first = node.recordedEvidence(-1, 1);
            assertThat(first).hasSize(1);
            assertThat(node.recordedEvidence(first.get(0).position(), 10))
                    .containsExactly(new StoredEvidence(height, 1, PRECOMMITS));
            assertThat(node.validatorAddress(PREVOTES.height(), 0))
                    .contains(TestChain.validator().address());

            // the state came back: offered again, the double sign is not recorded twice
            assertThat(node.chain().committed().evidence().contains(PREVOTES.key()))
                    .isTrue();
            node.chain().evidencePool().add(PREVOTES);
            assertThat(produce(node).evidence()).isEmpty();
            assertThat(node.pendingEvidence()).isZero();
            assertThat(new ChainVerifier(TestChain.params())
                            .verify(node.chain().store())
                            .difference())
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("C4: a stored piece of evidence that was changed is refused as damage, at start and when read")
    void changedRowRefused() throws Exception {
        long height = chainWithEvidence();
        // the first value's last byte: a piece that still decodes but is no longer the block's
        update("UPDATE evidence SET bytes = CONCAT(SUBSTRING(bytes FROM 1 FOR 48), X'ff', SUBSTRING(bytes FROM 50))"
                + " WHERE height = " + height);
        assertThatThrownBy(() -> TestDataFolder.startIdle(dir))
                .isInstanceOfSatisfying(
                        ChainDataException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHAIN_DATA_DAMAGED));
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            assertThatThrownBy(() -> store.block(height))
                    .isInstanceOfSatisfying(
                            ChainDataException.class,
                            e -> assertThat(e.detail()).contains("evidence"));
        }
    }

    @Test
    @DisplayName("C4: a stored piece of evidence that does not decode, or is missing, is refused as damage")
    void brokenOrMissingRowRefused() throws Exception {
        long height = chainWithEvidence();
        update("UPDATE evidence SET bytes = X'09' WHERE id = (SELECT MIN(id) FROM evidence)");
        assertThatThrownBy(() -> TestDataFolder.startIdle(dir))
                .isInstanceOfSatisfying(
                        ChainDataException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHAIN_DATA_DAMAGED));
        update("DELETE FROM evidence WHERE id = (SELECT MIN(id) FROM evidence)");
        assertThatThrownBy(() -> TestDataFolder.startIdle(dir))
                .isInstanceOfSatisfying(
                        ChainDataException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHAIN_DATA_DAMAGED));
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            assertThatThrownBy(() -> store.block(height)).isInstanceOf(ChainDataException.class);
        }
    }
}
