package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.h2.H2Files;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.node.query.PrunedStart;
import global.cas.node.query.PruningHold;
import global.cas.rejection.Reason;
import global.cas.store.ChainDataException;
import global.cas.testing.TestChain;
import global.cas.testing.TestDataFolder;
import global.cas.wallet.WalletHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pruning node (Bitcoin Core's prune mode): old blocks lose their transactions and the outputs
 * they spent, while every header, commit and the whole state stay, a restart finds the same
 * state, and a wallet can pick up its outputs where the pruned blocks end.
 */
class PruningTest {
    private static final long KEEP = 10;

    @TempDir
    Path dir;

    private static Set<Address> funded() {
        Set<Address> all = new LinkedHashSet<>();
        for (int i = 1; i <= 10; i++) {
            all.add(TestChain.funded(i).address());
        }
        return all;
    }

    @Test
    @DisplayName("L2: a pruned node keeps every header, commit and balance, and a restart has the same state")
    void prunesBodiesKeepsState() throws Exception {
        Path folder = dir.resolve("pruned");
        TestDataFolder.Snapshot before;
        long pruned;
        try (Node node = TestDataFolder.startIdle(folder, KEEP)) {
            assertThat(node.prunes()).isTrue();
            TestDataFolder.grow(node, 130);
            pruned = node.prunedBelow();
            // the first pass runs once the target (tip + 1 - keep) is BlockPruner.STEP blocks ahead
            assertThat(pruned).isEqualTo(1 + BlockPruner.STEP);
            assertThat(node.block(0)).as("genesis is never pruned").isPresent();
            for (long h = 1; h < pruned; h++) {
                assertThat(node.block(h)).as("block %d", h).isEmpty();
                assertThat(node.blockSummary(h)).isEmpty();
                assertThat(node.blockHash(h)).as("the header of block %d", h).isPresent();
                assertThat(node.chain().store().commit(h))
                        .as("the commit of block %d", h)
                        .isPresent();
            }
            for (long h = pruned; h <= node.tip().height(); h++) {
                assertThat(node.block(h)).as("block %d", h).isPresent();
            }
            Hash old = node.chain().store().blockHash(5).orElseThrow();
            assertThat(old).isNotNull();
            before = TestDataFolder.snapshot(node);
        }
        try (Node again = TestDataFolder.startIdle(folder)) {
            // started without --prune: what was pruned stays pruned, nothing more is
            assertThat(again.prunes()).isFalse();
            assertThat(again.prunedBelow()).isEqualTo(pruned);
            assertThat(TestDataFolder.snapshot(again)).isEqualTo(before);
            TestDataFolder.grow(again, 120);
            assertThat(again.prunedBelow()).isEqualTo(pruned);
            assertThat(new ChainVerifier(TestChain.params())
                            .verify(again.chain().store())
                            .difference())
                    .hasValueSatisfying(d -> assertThat(d).contains("pruned"));
        }
    }

    @Test
    @DisplayName("L1, L2: a pruned node and one that kept every block have the same tip, balances and unspent outputs")
    void sameStateAsUnpruned() throws Exception {
        TestDataFolder.Snapshot whole = TestDataFolder.build(dir.resolve("whole"), 130);
        try (Node node = TestDataFolder.startIdle(dir.resolve("pruned"), KEEP)) {
            TestDataFolder.grow(node, 130);
            assertThat(node.prunedBelow()).isGreaterThan(1);
            assertThat(TestDataFolder.snapshot(node)).isEqualTo(whole);
        }
        try (Node node = TestDataFolder.startIdle(dir.resolve("pruned"))) {
            assertThat(TestDataFolder.snapshot(node)).isEqualTo(whole);
        }
    }

    @Test
    @DisplayName("L1: where a wallet resumes past pruned blocks it holds exactly the outputs a full scan finds there")
    void prunedStartMatchesFullScan() throws Exception {
        Set<Address> wallet =
                Set.of(TestChain.funded(2).address(), TestChain.funded(7).address());
        Path whole = dir.resolve("whole");
        TestDataFolder.build(whole, 130);
        Map<OutputRef, TxOutput> expected;
        long lastPruned;
        try (Node node = TestDataFolder.startIdle(dir.resolve("pruned"), KEEP)) {
            assertThat(node.prunedStart(wallet)).as("nothing pruned yet").isEmpty();
            TestDataFolder.grow(node, 130);
            PrunedStart start = node.prunedStart(wallet).orElseThrow();
            lastPruned = start.height();
            assertThat(lastPruned).isEqualTo(node.prunedBelow() - 1);
            assertThat(start.blockHash()).isEqualTo(node.blockHash(lastPruned).orElseThrow());
            assertThat(start.held()).isNotEmpty();
            assertThat(start.held())
                    .allSatisfy(u -> assertThat(wallet).contains(u.output().owner()));
            Map<OutputRef, TxOutput> held = new HashMap<>();
            for (UnspentOutput u : start.held()) {
                held.put(u.ref(), u.output());
            }
            try (Node full = TestDataFolder.startIdle(whole)) {
                WalletHistory history = new WalletHistory(wallet);
                for (long h = 0; h <= lastPruned; h++) {
                    history.scan(full.block(h).orElseThrow(), full.blockRewards(h));
                }
                expected = history.checkpoint().orElseThrow().owned();
                assertThat(held).isEqualTo(expected);
                assertThat(start.blockHash())
                        .isEqualTo(full.blockHash(lastPruned).orElseThrow());
            }
        }
    }

    @Test
    @DisplayName("an open wallet's hold keeps the blocks it has not read from being pruned")
    void holdKeepsUnreadBlocks() throws Exception {
        try (Node node = TestDataFolder.startIdle(dir, KEEP)) {
            long[] next = {40};
            PruningHold hold = node.holdPruning(() -> next[0]);
            TestDataFolder.grow(node, 150);
            assertThat(node.prunedBelow())
                    .as("nothing below the hold's 40 is 100 blocks ahead")
                    .isZero();
            next[0] = 125;
            TestDataFolder.grow(node, 1);
            assertThat(node.prunedBelow()).isEqualTo(125);
            assertThat(node.block(125)).isPresent();
            hold.close();
            hold.close();
            // the next pass once tip + 1 - keep is STEP ahead of 125: at tip 234, to 225
            TestDataFolder.grow(node, 100);
            assertThat(node.tip().height()).isEqualTo(251);
            assertThat(node.prunedBelow()).isEqualTo(225);
        }
    }

    @Test
    @DisplayName("a failing hold never fails a block's commit: pruning stops, blocks stay whole")
    void failingHoldStopsPruningOnly() throws Exception {
        try (Node node = TestDataFolder.startIdle(dir, KEEP)) {
            node.holdPruning(() -> {
                throw new IllegalStateException("a wallet's bug");
            });
            TestDataFolder.grow(node, 3);
            assertThat(node.tip().height()).isEqualTo(3);
            assertThat(node.prunes()).isFalse();
            TestDataFolder.grow(node, 120);
            assertThat(node.prunedBelow()).isZero();
        }
    }

    @Test
    @DisplayName("a pass deletes at most its transaction budget, at least one block, and never the tip")
    void passesAreBounded() throws Exception {
        try (Node node = TestDataFolder.startIdle(dir)) {
            TestDataFolder.grow(node, 20);
            var store = node.chain().store();
            // three transfers a block, a mining-less test chain: a budget of 7 takes two blocks
            assertThat(store.prune(15, 7)).isEqualTo(3);
            assertThat(store.prune(15, 1)).as("at least one block a pass").isEqualTo(4);
            assertThat(store.prune(3, 1000)).as("already pruned: nothing to do").isEqualTo(4);
            assertThatThrownBy(() -> store.prune(node.tip().height() + 1, 1000))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tip");
            assertThat(store.prune(node.tip().height(), 1000))
                    .isEqualTo(node.tip().height());
            assertThat(node.block(node.tip().height())).isPresent();
        }
        try (Node node = TestDataFolder.startIdle(dir)) {
            assertThat(node.prunedBelow()).isEqualTo(node.tip().height());
            TestDataFolder.grow(node, 2);
        }
    }

    @Test
    @DisplayName("a pruned transaction is not found, and says why over RPC; damage to the prune record is refused")
    void prunedReadsAndDamage() throws Exception {
        Hash prunedTx;
        try (Node node = TestDataFolder.startIdle(dir)) {
            TestDataFolder.grow(node, 12);
            prunedTx = node.block(3).orElseThrow().transactions().get(0).id();
            node.chain().store().prune(8, 1000);
            assertThat(node.findTransaction(prunedTx)).isEmpty();
            assertThat(node.blockByHash(node.blockHash(3).orElseThrow())).isEmpty();
            try (global.cas.rpc.RpcServer server = global.cas.rpc.RpcServer.start(node, dir, 0);
                    global.cas.rpc.RpcClient client = global.cas.rpc.RpcClient.forDataDir(dir)) {
                var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                        global.cas.rpc.RpcException.class, () -> client.call("chain_block", Map.of("height", 3)));
                assertThat(server.port()).isPositive();
                assertThat(e.reason()).isEqualTo("BLOCK_PRUNED");
                var info = client.call("chain_info");
                assertThat(info.get("pruned").asBoolean()).isTrue();
                assertThat(info.get("pruneHeight").asLong()).isEqualTo(8);
                assertThat(e.detail()).contains("block 8 up");
                assertThat(client.call("chain_block", Map.of("height", 8))
                                .get("height")
                                .asLong())
                        .isEqualTo(8);
                var t = org.assertj.core.api.Assertions.catchThrowableOfType(
                        global.cas.rpc.RpcException.class,
                        () -> client.call("chain_transaction", Map.of("id", prunedTx.hex())));
                assertThat(t.reason()).isEqualTo("NOT_FOUND");
                assertThat(t.detail()).contains("pruned");
            }
        }
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("chain") + ";MAX_COMPACT_TIME=0", H2Files.USER, "")) {
            c.createStatement().executeUpdate("UPDATE chain_prune SET below = 1000000 WHERE id = 0");
        }
        assertThatThrownBy(() -> TestDataFolder.startIdle(dir).close())
                .isInstanceOfSatisfying(ChainDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CHAIN_DATA_DAMAGED);
                    assertThat(e.toString()).contains("pruned below 1000000", "tip 12");
                });
    }

    @Test
    @DisplayName("a pruning node keeps at least the tip and the block before it")
    void keepAtLeastTwo() {
        NodeConfig c = new NodeConfig(dir, TestChain.params(), java.util.Optional.empty(), 10, 1000);
        assertThat(c.pruneKeepBlocks()).isZero();
        assertThatThrownBy(() -> c.withPruning(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.withPruning(2).pruneKeepBlocks()).isEqualTo(2);
        assertThat(List.of(c.withPruning(0).pruneKeepBlocks())).containsExactly(0L);
    }
}
