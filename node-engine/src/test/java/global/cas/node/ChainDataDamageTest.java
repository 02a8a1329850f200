package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Hash;
import global.cas.rejection.Reason;
import global.cas.rpc.RpcClient;
import global.cas.rpc.RpcException;
import global.cas.rpc.RpcServer;
import global.cas.store.ChainDataException;
import global.cas.store.TipMarker;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestDataFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real node's data folder (31 blocks with transfers) is closed, copied and damaged: cut, zeroed,
 * single bytes flipped, its tip marker deleted or moved. The node either refuses it with the coded
 * reason, or opens it at the height it had with every block and balance as committed; it never
 * starts silently at a lower height or on a new chain, and never makes blocks on damaged data.
 */
class ChainDataDamageTest {
    private static final int BLOCKS = 31;
    private static final int FLIPS = Integer.getInteger("cas.test.flips", 60);

    @TempDir
    static Path base;

    private static Path original;
    private static TestDataFolder.Snapshot committed;
    private static int copies;

    @BeforeAll
    static void buildChain() {
        original = base.resolve("original");
        committed = TestDataFolder.build(original, BLOCKS);
        assertThat(committed.tip().height()).isEqualTo(BLOCKS);
    }

    private static Path copy() {
        return TestDataFolder.copy(original, base.resolve("copy-" + (++copies)));
    }

    private static Path db(Path dir) {
        return dir.resolve("chain.mv.db");
    }

    /** Starting on {@code dir} is refused with {@code reason}, and refusing changes nothing. */
    private static void assertRefused(Path dir, Reason reason) throws IOException {
        byte[] marker = readIfExists(dir.resolve(TipMarker.FILE_NAME));
        assertThatThrownBy(() -> TestDataFolder.startIdle(dir).close())
                .isInstanceOfSatisfying(ChainDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo(reason.sentence());
                });
        assertThat(readIfExists(dir.resolve(TipMarker.FILE_NAME)))
                .as("a refused start leaves the marker as it was")
                .isEqualTo(marker);
        assertThatThrownBy(() -> TestDataFolder.startIdle(dir).close())
                .as("refused again on the next start")
                .isInstanceOf(ChainDataException.class);
    }

    private static byte[] readIfExists(Path f) throws IOException {
        return Files.exists(f) ? Files.readAllBytes(f) : new byte[0];
    }

    /**
     * Either refused with a chain data reason (or as a schema this node never makes), or open at the committed height with every block
     * as committed (a block whose stored transactions are damaged fails to read with the coded
     * reason) and the committed balances. Returns whether it was refused.
     */
    private static boolean refusedOrIntact(Path dir, String what) {
        return refusedOrIntact(dir, what, new ArrayList<>());
    }

    private static boolean refusedOrIntact(Path dir, String what, List<String> refusals) {
        Node node;
        try {
            node = TestDataFolder.startIdle(dir);
        } catch (ChainDataException e) {
            assertThat(e.reason()).as(what).isIn(Reason.CHAIN_DATA_DAMAGED, Reason.CHAIN_DATA_BEHIND);
            refusals.add(e.detail());
            return true;
        } catch (global.cas.h2.UntrustedDatabaseException e) {
            // a flip inside the stored schema (a column's name, say) reads as a schema this node never
            // makes: refused as a file changed elsewhere, which a damaged one is too
            assertThat(e.getMessage()).as(what).contains("was refused");
            refusals.add(e.getMessage());
            return true;
        }
        try (node) {
            assertThat(node.tip()).as(what).isEqualTo(committed.tip());
            boolean allReadable = true;
            for (long h = 0; h <= BLOCKS; h++) {
                try {
                    assertThat(node.block(h).orElseThrow().hash())
                            .as("%s: block %d", what, h)
                            .isEqualTo(committed.blockHashes().get((int) h));
                } catch (ChainDataException e) {
                    assertThat(e.reason()).as(what).isEqualTo(Reason.CHAIN_DATA_DAMAGED);
                    refusals.add("after the start, block " + h + ": " + e.detail());
                    allReadable = false;
                }
            }
            assertThat(TestDataFolder.balances(node)).as(what).isEqualTo(committed.balances());
            if (allReadable) {
                assertThat(new ChainVerifier(TestChain.params())
                                .verify(node.chain().store())
                                .difference())
                        .as(what)
                        .isEmpty();
            }
        }
        return false;
    }

    @ParameterizedTest(name = "cut to {0}% of its size")
    @ValueSource(ints = {3, 15, 50, 99})
    @DisplayName("A chain database cut short is refused, never opened at a lower height or as a new chain (a cut"
            + " through free space at the file's end only may open, with every block and balance intact)")
    void truncatedDatabaseRefused(int percent) throws IOException {
        Path dir = copy();
        TestDataFolder.truncate(db(dir), percent);

        boolean refused = refusedOrIntact(dir, "cut to " + percent + "%");
        if (percent <= 50) {
            assertThat(refused).as("a file cut to %d%% of its size", percent).isTrue();
        }
    }

    @Test
    @DisplayName("A chain database with 64 KiB zeroed in the middle is refused or opens intact")
    void zeroedMiddleRefused() throws IOException {
        Path dir = copy();
        long size = Files.size(db(dir));
        TestDataFolder.zero(db(dir), size / 2 / 4096 * 4096, 64 * 1024);

        assertThat(refusedOrIntact(dir, "64 KiB zeroed")).isTrue();
    }

    @Test
    @DisplayName(
            "One flipped byte anywhere: refused with the coded reason, or open with verified data, never wrong data")
    void flippedBytesRefusedOrHarmless() throws IOException {
        Random random = new Random(20261201L);
        byte[] bytes = Files.readAllBytes(db(original));
        long size = bytes.length;
        List<String> refused = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < FLIPS; i++) {
            Path dir = copy();
            // most of the file is free space (zeros), where a flip is harmless: aim at written bytes
            int offset;
            do {
                offset = random.nextInt(bytes.length);
            } while (bytes[offset] == 0);
            TestDataFolder.flip(db(dir), offset);
            if (refusedOrIntact(dir, "byte " + offset + " flipped", refusals)) {
                refused.add(Long.toString(offset));
            }
        }
        System.out.println("flipped bytes refused at offsets " + refused + " of " + size + ": " + refusals);
    }

    @Test
    @DisplayName(
            "A block whose stored transaction is damaged after the start check reads as CHAIN_DATA_DAMAGED over RPC, not INTERNAL_ERROR")
    void damagedTransactionReadIsCoded() throws Exception {
        Path dir = copy();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + dir.resolve("chain").toAbsolutePath() + ";MAX_COMPACT_TIME=0", "cas", "");
                var s = c.prepareStatement("UPDATE transactions SET bytes = ? WHERE height = 22 AND idx = 1")) {
            s.setBytes(1, new byte[] {1, 2, 3});
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        try (Node node = TestDataFolder.startIdle(dir);
                RpcServer rpc = RpcServer.start(node, dir, 0);
                RpcClient client = RpcClient.forDataDir(dir)) {
            assertThat(node.tip()).as("transactions are not read at start").isEqualTo(committed.tip());
            assertThat(rpc.port()).isPositive();
            assertThatThrownBy(() -> client.call("chain_block", java.util.Map.of("height", 22)))
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.reason()).isEqualTo("CHAIN_DATA_DAMAGED");
                        assertThat(e.code()).isEqualTo(RpcException.CHAIN_DATA);
                    });
            assertThat(client.call("chain_block", java.util.Map.of("height", 21))
                            .path("hash")
                            .asText())
                    .isEqualTo(committed.blockHashes().get(21).hex());
        }
    }

    @Test
    @DisplayName("A deleted tip marker beside a database that keeps one is refused as damage")
    void deletedMarkerRefused() throws IOException {
        Path dir = copy();
        Files.delete(dir.resolve(TipMarker.FILE_NAME));

        assertRefused(dir, Reason.CHAIN_DATA_DAMAGED);
    }

    @Test
    @DisplayName("A marker ahead of the database (blocks lost) is refused as behind")
    void markerAheadRefused() throws IOException {
        Path dir = copy();
        new TipMarker(dir).write(new TipMarker.Tip(BLOCKS + 5, Hash.sha256(new byte[] {1})));

        assertRefused(dir, Reason.CHAIN_DATA_BEHIND);
    }

    @Test
    @DisplayName("A missing database while the marker records blocks is refused as behind, not a new chain")
    void missingDatabaseRefused() throws IOException {
        Path dir = copy();
        Files.delete(db(dir));

        assertRefused(dir, Reason.CHAIN_DATA_BEHIND);
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            assertThat(store.tip())
                    .as("no new chain was made beside the marker")
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("A marker whose two records are both damaged is refused as damage")
    void damagedMarkerRefused() throws IOException {
        Path dir = copy();
        TestDataFolder.flip(dir.resolve(TipMarker.FILE_NAME), 20);
        TestDataFolder.flip(dir.resolve(TipMarker.FILE_NAME), TipMarker.SLOT_BYTES + 20);

        assertRefused(dir, Reason.CHAIN_DATA_DAMAGED);
    }

    @Test
    @DisplayName(
            "A stop between the database commit and the marker write (database one block ahead) opens and moves the marker")
    void databaseOneAheadAccepted() throws IOException {
        Path dir = copy();
        TipMarker marker = new TipMarker(dir);
        marker.write(new TipMarker.Tip(BLOCKS - 1, committed.blockHashes().get(BLOCKS - 1)));

        assertThat(refusedOrIntact(dir, "marker one behind")).isFalse();
        assertThat(marker.read().orElseThrow())
                .isEqualTo(new TipMarker.Tip(BLOCKS, committed.tip().hash()));
    }

    @Test
    @DisplayName("A marker two blocks behind the database is refused as damage")
    void databaseTwoAheadRefused() throws IOException {
        Path dir = copy();
        new TipMarker(dir)
                .write(new TipMarker.Tip(BLOCKS - 2, committed.blockHashes().get(BLOCKS - 2)));

        assertRefused(dir, Reason.CHAIN_DATA_DAMAGED);
    }

    @Test
    @DisplayName("A folder of an older version (no marker, no state digest) is trusted on first use and then guarded")
    void olderFolderTrustedOnFirstUse() throws Exception {
        Path dir = copy();
        Files.delete(dir.resolve(TipMarker.FILE_NAME));
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("chain").toAbsolutePath() + ";MAX_COMPACT_TIME=0", "cas", "")) {
            c.createStatement().execute("UPDATE chain_tip SET state_digest = NULL");
        }

        assertThat(refusedOrIntact(dir, "older folder")).isFalse();
        assertThat(new TipMarker(dir).read().orElseThrow().height()).isEqualTo(BLOCKS);
        Files.delete(dir.resolve(TipMarker.FILE_NAME));
        assertRefused(dir, Reason.CHAIN_DATA_DAMAGED);
    }
}
