package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.Block;
import global.cas.chain.ChainTip;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.StoredTransaction;
import global.cas.crypto.Hash;
import global.cas.h2.H2Files;
import global.cas.h2.StoreException;
import global.cas.h2.UntrustedDatabaseException;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.LedgerDelta;
import global.cas.ledger.LedgerState;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.store.ChainDataException;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ChainStoreTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("A new store is empty: no tip, no blocks, no transactions, no outputs, no balances")
    void newStoreIsEmpty() {
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            assertThat(store.tip()).isEmpty();
            assertThat(store.block(0)).isEmpty();
            assertThat(store.blockByHash(Hash.ZERO)).isEmpty();
            assertThat(store.transaction(Hash.ZERO)).isEmpty();
            assertThat(unspent(store)).isEmpty();
            assertThat(balances(store)).isEmpty();
        }
        assertThat(dir.resolve("chain.mv.db")).exists();
    }

    @Test
    @DisplayName("C6: after a reopen the tip is the last block's, with its state root, target and frozen remainder")
    void tipSurvivesReopen() {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
            assertThat(store.tip()).contains(chain.tip());
        }
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            ChainTip tip = store.tip().orElseThrow();
            assertThat(tip).isEqualTo(chain.tip());
            assertThat(tip.stateRoot())
                    .isEqualTo(chain.blocks.getLast().block().header().stateRoot());
        }
    }

    @Test
    @DisplayName("Every block, genesis included, reads back equal and byte for byte the same, by height and by hash")
    void blocksRoundTrip() {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
        }
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            for (ExecutedBlock executed : chain.blocks) {
                Block original = executed.block();
                Block byHeight = store.block(original.height()).orElseThrow();
                assertThat(byHeight.encoded()).isEqualTo(original.encoded());
                assertThat(byHeight.hash()).isEqualTo(original.hash());
                assertThat(byHeight.transactions()).containsExactlyElementsOf(original.transactions());
                assertThat(store.blockByHash(original.hash()).orElseThrow().encoded())
                        .isEqualTo(original.encoded());
            }
            assertThat(store.block(chain.tip().height() + 1)).isEmpty();
        }
    }

    @Test
    @DisplayName("A transaction is found by its id with its block height, index and block hash")
    void transactionsById() {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
        }
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            int seen = 0;
            for (ExecutedBlock executed : chain.blocks) {
                List<Transaction> txs = executed.block().transactions();
                for (int i = 0; i < txs.size(); i++) {
                    StoredTransaction stored =
                            store.transaction(txs.get(i).id()).orElseThrow();
                    assertThat(stored.transaction().encoded())
                            .isEqualTo(txs.get(i).encoded());
                    assertThat(stored.height()).isEqualTo(executed.block().height());
                    assertThat(stored.index()).isEqualTo(i);
                    assertThat(stored.blockHash()).isEqualTo(executed.block().hash());
                    seen++;
                }
            }
            assertThat(seen).isEqualTo(7);
            assertThat(store.transaction(Hash.sha256(new byte[] {1}))).isEmpty();
        }
    }

    @Test
    @DisplayName(
            "L2: unspent outputs and balances reloaded after a reopen equal the in-memory ledger that applied the same deltas")
    void ledgerReloadsEqual() {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
        }
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            LedgerState reloaded = new LedgerState();
            store.forEachUnspent(reloaded::load);
            reloaded.recountBalances();

            assertThat(sorted(reloaded.allUnspent())).isEqualTo(sorted(chain.state.allUnspent()));
            assertThat(reloaded.balances()).isEqualTo(chain.state.balances());
            // L2 itself: each balance is the sum of its owner's unspent outputs
            Map<BalanceKey, Long> sums = new HashMap<>();
            for (UnspentOutput u : reloaded.allUnspent()) {
                sums.merge(
                        new BalanceKey(u.output().owner(), u.output().asset()),
                        u.output().amount(),
                        Long::sum);
            }
            assertThat(reloaded.balances()).isEqualTo(sums);
        }
    }

    @Test
    @DisplayName("Unspent outputs stream in storage order")
    void unspentInStorageOrder() {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
            List<UnspentOutput> streamed = unspent(store);
            assertThat(streamed).isSortedAccordingTo(Comparator.comparingLong(UnspentOutput::storageId));
            assertThat(streamed).hasSize(chain.state.unspentCount());
        }
    }

    @Test
    @DisplayName("L2: a balance that reaches zero is gone from the balances the store's unspent outputs give,"
            + " and the store keeps no balance rows at all")
    void zeroBalanceRemoved() throws SQLException {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
            BalanceKey emptied = new BalanceKey(TestChain.funded(5).address(), AssetId.CAS);
            assertThat(balances(store)).doesNotContainKey(emptied).isEqualTo(chain.state.balances());
            assertThat(global.cas.testing.StoredBalances.root(store))
                    .isEqualTo(store.tip().orElseThrow().roots().balances());
            try (Connection c = connect()) {
                assertThat(count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'BALANCES'"))
                        .isZero();
            }
        }
    }

    @Test
    @DisplayName("L1: a spent output stays in storage, a spend row appended with the height of the block that spent it,"
            + " and it is no longer unspent")
    void spentOutputKeepsSpendingHeight() throws SQLException {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
            ExecutedBlock block2 = chain.blocks.get(2);
            assertThat(block2.delta().spent()).isNotEmpty();
            try (Connection c = connect()) {
                for (UnspentOutput spent : block2.delta().spent()) {
                    assertThat(count(c, "SELECT id / 268435456 FROM spends WHERE output_id = " + spent.storageId()))
                            .isEqualTo(2);
                    assertThat(count(c, "SELECT COUNT(*) FROM outputs WHERE id = " + spent.storageId()))
                            .isEqualTo(1);
                }
                // the genesis outputs spent in block 1
                UnspentOutput genesis1 = chain.blocks.get(0).delta().created().get(1);
                assertThat(count(c, "SELECT id / 268435456 FROM spends WHERE output_id = " + genesis1.storageId()))
                        .isEqualTo(1);
                long spentRows = count(c, "SELECT COUNT(*) FROM spends");
                long allSpent = chain.blocks.stream()
                        .mapToLong(b -> b.delta().spent().size())
                        .sum();
                assertThat(spentRows).isEqualTo(allSpent);
            }
            List<OutputRef> unspentRefs =
                    unspent(store).stream().map(UnspentOutput::ref).toList();
            for (UnspentOutput spent : block2.delta().spent()) {
                assertThat(unspentRefs).doesNotContain(spent.ref());
            }
        }
    }

    @Test
    @DisplayName(
            "A failed commit (an output whose storage id is taken) rolls back: tip, rows and reads are as before, and the next block commits")
    void failedCommitLeavesStoreAsBefore() throws SQLException {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
            ChainTip before = store.tip().orElseThrow();
            Map<String, Long> countsBefore = counts();
            Map<BalanceKey, Long> balancesBefore = balances(store);
            List<UnspentOutput> unspentBefore = unspent(store);

            ExecutedBlock good = nextTransferBlock(chain);
            ExecutedBlock colliding = withCollidingOutput(
                    good, chain.blocks.get(0).delta().created().get(0).storageId());

            assertThatThrownBy(() -> ChainFixture.commit(store, colliding))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("Block " + good.block().height() + " was not stored");

            assertThat(store.tip()).contains(before);
            assertThat(counts()).isEqualTo(countsBefore);
            assertThat(balances(store)).isEqualTo(balancesBefore);
            assertThat(unspent(store)).isEqualTo(unspentBefore);
            assertThat(store.block(good.block().height())).isEmpty();

            ChainFixture.commit(store, good);
            assertThat(store.tip()).contains(good.tip());
            assertThat(store.block(good.block().height()).orElseThrow().encoded())
                    .isEqualTo(good.block().encoded());
        }
    }

    @Test
    @DisplayName("L1: a block spending one output twice fails the whole commit; an output an earlier block spent,"
            + " spent again, makes the next start refuse the database as damaged")
    void doubleSpendFailsCommit() {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
            ChainTip before = store.tip().orElseThrow();
            ExecutedBlock good = nextTransferBlock(chain);
            List<UnspentOutput> twice = new ArrayList<>(good.delta().spent());
            twice.add(good.delta().spent().get(0));
            assertThatThrownBy(() -> ChainFixture.commit(store, withSpent(good, twice)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("L1");
            assertThat(store.tip()).contains(before);
            assertThat(store.block(good.block().height())).isEmpty();

            UnspentOutput alreadySpent = chain.blocks.get(1).delta().spent().get(0);
            List<UnspentOutput> again = new ArrayList<>(good.delta().spent());
            again.add(alreadySpent);
            ChainFixture.commit(store, withSpent(good, again));
            unspentRefusedAsDamaged(store, "spent twice (L1)");
        }
    }

    @Test
    @DisplayName("L1: a spend row naming an output the database does not hold makes reading the unspent outputs"
            + " refuse the database as damaged")
    void spendOfMissingOutputIsDamage() throws SQLException {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            chain.buildSample(store);
            long height = store.tip().orElseThrow().height();
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO spends VALUES (" + RowKeys.spend(height, 999) + ", "
                        + UnspentOutput.storageId(height, 77, 5) + ")");
            }
            unspentRefusedAsDamaged(store, "does not hold (L1)");
        }
    }

    private static void unspentRefusedAsDamaged(H2ChainStore store, String detail) {
        assertThatThrownBy(() -> store.forEachUnspent(u -> {}))
                .isInstanceOfSatisfying(
                        ChainDataException.class, e -> assertThat(e.detail()).contains(detail));
    }

    private static ExecutedBlock withSpent(ExecutedBlock good, List<UnspentOutput> spent) {
        return new ExecutedBlock(
                good.block(),
                new LedgerDelta(good.delta().created(), spent, good.delta().balances()),
                good.paramsChanged(),
                good.validatorsChanged(),
                good.tip(),
                good.balances(),
                good.evidence(),
                good.governance(),
                good.governanceTree());
    }

    @Test
    @DisplayName(
            "A block that does not follow the tip, or a first block that is not genesis, is refused before anything is written")
    void blockMustFollowTip() {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            ExecutedBlock genesis = chain.genesis();
            ExecutedBlock one = chain.next(List.of());
            assertThatThrownBy(() -> ChainFixture.commit(store, one))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("genesis");
            ChainFixture.commit(store, genesis);
            assertThatThrownBy(() -> ChainFixture.commit(store, genesis))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not follow");
            ExecutedBlock two = chain.next(List.of());
            assertThatThrownBy(() -> ChainFixture.commit(store, two))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not follow");
            assertThat(store.tip()).contains(genesis.tip());
            ChainFixture.commit(store, one);
            ChainFixture.commit(store, two);
            assertThat(store.tip()).contains(two.tip());
        }
    }

    @Test
    @DisplayName(
            "A database already open (here or in another process) is not opened twice, and the message says it is in use")
    void openTwiceRefused() {
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            assertThatThrownBy(() -> H2ChainStore.open(dir))
                    .isInstanceOf(StoreException.class)
                    .isNotInstanceOf(UntrustedDatabaseException.class)
                    .hasMessageContaining("in use");
            assertThat(store.tip()).isEmpty();
        }
    }

    @Test
    @DisplayName("A closed store refuses commits; closing twice is harmless")
    void closedStore() {
        ChainFixture chain = new ChainFixture();
        H2ChainStore store = H2ChainStore.open(dir);
        store.close();
        store.close();
        assertThatThrownBy(() -> ChainFixture.commit(store, chain.genesis())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.block(0)).isInstanceOf(StoreException.class);
    }

    @Test
    @DisplayName("An in-memory store behaves like the file store and vanishes when closed")
    void inMemory() {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.openInMemory("chain-test")) {
            chain.buildSample(store);
            assertThat(store.tip()).contains(chain.tip());
            assertThat(store.block(2).orElseThrow().encoded())
                    .isEqualTo(chain.blocks.get(2).block().encoded());
        }
        try (H2ChainStore store = H2ChainStore.openInMemory("chain-test")) {
            assertThat(store.tip()).isEmpty();
        }
        assertThatThrownBy(() -> H2ChainStore.openInMemory("x;INIT=RUNSCRIPT FROM 'http://example.com/x.sql'"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The next block after the sample chain: one transfer from a genesis output. */
    private static ExecutedBlock nextTransferBlock(ChainFixture chain) {
        Transaction t = TestChain.pay(
                TestChain.funded(7),
                TestChain.genesisOutput(chain.state, 7),
                TestKeys.key(13).address(),
                77_000,
                chain.expiry());
        return chain.next(List.of(t));
    }

    /** {@code block} with one more created output whose storage id is {@code takenId}. */
    private static ExecutedBlock withCollidingOutput(ExecutedBlock block, long takenId) {
        List<UnspentOutput> created = new ArrayList<>(block.delta().created());
        created.add(new UnspentOutput(
                new OutputRef(Hash.sha256(new byte[] {9}), 0),
                new TxOutput(TestKeys.key(14).address(), AssetId.CAS, 5),
                takenId));
        return new ExecutedBlock(
                block.block(),
                new LedgerDelta(created, block.delta().spent(), block.delta().balances()),
                block.paramsChanged(),
                block.validatorsChanged(),
                block.tip(),
                block.balances(),
                block.evidence(),
                block.governance(),
                block.governanceTree());
    }

    private static List<UnspentOutput> unspent(H2ChainStore store) {
        List<UnspentOutput> out = new ArrayList<>();
        store.forEachUnspent(out::add);
        return out;
    }

    private static Map<BalanceKey, Long> balances(H2ChainStore store) {
        return global.cas.testing.StoredBalances.of(store);
    }

    private static List<UnspentOutput> sorted(java.util.Collection<UnspentOutput> outputs) {
        return outputs.stream()
                .sorted(Comparator.comparingLong(UnspentOutput::storageId))
                .toList();
    }

    /** A second connection to the open file database (same JVM, so H2 shares the open database). */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("chain"), H2Files.USER, "");
    }

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect()) {
            for (String table : List.of("blocks", "transactions", "outputs", "spends", "chain_tip")) {
                counts.put(table, count(c, "SELECT COUNT(*) FROM " + table));
            }
            counts.put(
                    "unspent sum",
                    count(
                            c,
                            "SELECT COALESCE(SUM(amount), 0) FROM outputs o"
                                    + " WHERE NOT EXISTS (SELECT 1 FROM spends s WHERE s.output_id = o.id)"));
        }
        return counts;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getLong(1);
        }
    }
}
