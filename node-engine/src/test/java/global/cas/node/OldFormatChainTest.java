package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.ChainParams;
import global.cas.crypto.Network;
import global.cas.h2.H2Files;
import global.cas.rejection.Reason;
import global.cas.store.ChainDataException;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestDataFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder whose chain is of the block format before the state machine (issue 7). */
class OldFormatChainTest {
    @TempDir
    Path dir;

    /** Marks the folder's chain database as written in block format 1, as an older version's is. */
    private void markOldFormat() throws Exception {
        markFormat(1);
    }

    private void markFormat(int version) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("chain") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, H2Files.USER, "");
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE chain_format SET version = " + version);
        }
    }

    @Test
    @DisplayName("C4: a devnet chain of format 2 (state roots without the evidence root) is moved aside as format2")
    void formatBeforeEvidenceMovedAside() throws Exception {
        TestDataFolder.build(dir, 2);
        markFormat(2);
        try (Node node = TestDataFolder.startIdle(dir)) {
            assertThat(node.tip().height()).isZero();
            Path archived = node.archivedChain().orElseThrow();
            assertThat(archived.getFileName().toString()).startsWith("format2-");
            assertThat(archived.resolve("chain.mv.db")).exists();
        }
    }

    @Test
    @DisplayName("a devnet chain of an older block format is moved aside, nothing deleted, and a new devnet starts")
    void devnetMovedAside() throws Exception {
        TestDataFolder.build(dir, 2);
        markOldFormat();
        try (Node node = TestDataFolder.startIdle(dir)) {
            assertThat(node.tip().height()).isZero();
            Path archived = node.archivedChain().orElseThrow();
            assertThat(archived.getParent()).isEqualTo(dir.resolve("old-chains"));
            assertThat(archived.resolve("chain.mv.db")).exists();
            assertThat(archived.resolve("chain.tip")).exists();
        }
        try (Node again = TestDataFolder.startIdle(dir)) {
            assertThat(again.archivedChain()).as("moved once only").isEmpty();
        }
        Path archived;
        try (Stream<Path> olds = Files.list(dir.resolve("old-chains"))) {
            archived = olds.findFirst().orElseThrow();
        }
        // the old chain is whole where it was moved: its two blocks are there
        String url = "jdbc:h2:file:" + archived.resolve("chain") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, H2Files.USER, "");
                Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT MAX(height) FROM blocks")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(2);
        }
    }

    @Test
    @DisplayName(
            "a testnet or mainnet chain of an older block format is refused with CHAIN_FORMAT_OLD and left as it is")
    void publicChainRefused() throws Exception {
        ChainParams p = TestChain.params();
        ChainParams testnet = new ChainParams(
                p.chainId(),
                Network.TESTNET,
                p.genesisTime(),
                p.blockIntervalMillis(),
                p.minFeePerByte(),
                p.supplyCap(),
                p.initialBlockReward(),
                p.halvingInterval(),
                p.minerShareBasisPoints(),
                p.initialTarget(),
                p.maxBlockTransactions(),
                p.committeeReserve(),
                p.committeeReserveAmount(),
                p.allocations(),
                p.validators(),
                p.transitionalCommittee());
        NodeConfig config = new NodeConfig(dir, testnet, Optional.empty(), 10_000, 3_600_000);
        Node.start(config, H2ChainStore::open).close();
        markOldFormat();
        assertThatThrownBy(() -> Node.start(config, H2ChainStore::open))
                .isInstanceOfSatisfying(
                        ChainDataException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHAIN_FORMAT_OLD));
        assertThat(dir.resolve("chain.mv.db")).exists();
        assertThat(dir.resolve("old-chains")).doesNotExist();
        assertThat(List.of(Reason.CHAIN_FORMAT_OLD.sentence())).allMatch(s -> s.contains("older version"));
    }
}
