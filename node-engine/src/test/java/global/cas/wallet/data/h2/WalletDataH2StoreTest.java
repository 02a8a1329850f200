package global.cas.wallet.data.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.h2.UntrustedDatabaseException;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestKeys;
import global.cas.wallet.HistoryGap;
import global.cas.wallet.ScanCheckpoint;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.Contact;
import global.cas.wallet.data.DataKey;
import global.cas.wallet.data.WalletData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.h2.api.Trigger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN.md, Storage: "Wallet data (labels, address book) sits in its own H2 file per wallet." */
class WalletDataH2StoreTest {
    @TempDir
    Path dir;

    private static final Address ALICE = TestKeys.key(1).address();
    private static final Address BOB = TestKeys.key(2).address();
    private static final Hash TX = Hash.sha256("tx".getBytes(StandardCharsets.UTF_8));
    private static final DataKey KEY = WalletDataFiles.key(7);

    /** A trigger that counts how often H2 instantiated it: refusing a file must never do that. */
    public static final class Trap implements Trigger {
        static final AtomicInteger LOADED = new AtomicInteger();

        public Trap() {
            LOADED.incrementAndGet();
        }

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {}
    }

    @Test
    @DisplayName("the data of default.wallet is default.walletdata beside it; other names get the suffix added")
    void fileNames() {
        assertThat(WalletData.fileFor(dir.resolve("wallets/default.wallet")))
                .isEqualTo(dir.resolve("wallets/default.walletdata").toAbsolutePath());
        assertThat(WalletData.fileFor(dir.resolve("mine.json")).getFileName().toString())
                .isEqualTo("mine.json.walletdata");
    }

    @Test
    @DisplayName("labels and contacts, Chinese included, are still there after closing and opening again")
    void survivesReopen() {
        Path keystore = dir.resolve("default.wallet");
        try (WalletData data = WalletDataH2Store.forKeystore(keystore, KEY)) {
            data.setTransactionLabel(TX, "房租 March");
            data.setAddressLabel(ALICE, "储蓄");
            data.saveContact(new Contact("  王小明 ", BOB));
            data.saveContact(new Contact("Alice", ALICE));
        }
        assertThat(Files.exists(dir.resolve("default.walletdata.mv.db"))).isTrue();
        try (WalletData data = WalletDataH2Store.forKeystore(keystore, KEY)) {
            assertThat(data.transactionLabels()).isEqualTo(Map.of(TX, "房租 March"));
            assertThat(data.addressLabels()).isEqualTo(Map.of(ALICE, "储蓄"));
            assertThat(data.contacts()).containsExactly(new Contact("Alice", ALICE), new Contact("王小明", BOB));
        }
    }

    @Test
    @DisplayName("saving a contact with a known address renames it; a blank label removes the label")
    void replaceAndRemove() {
        try (WalletData data = WalletDataH2Store.open(dir.resolve("w"), KEY)) {
            data.saveContact(new Contact("Bob", BOB));
            data.saveContact(new Contact("Robert", BOB));
            assertThat(data.contacts()).containsExactly(new Contact("Robert", BOB));
            data.removeContact(BOB);
            assertThat(data.contacts()).isEmpty();
            data.setTransactionLabel(TX, "rent");
            data.setTransactionLabel(TX, "rent, again");
            assertThat(data.transactionLabels()).containsEntry(TX, "rent, again");
            data.setTransactionLabel(TX, "  ");
            data.setAddressLabel(ALICE, "x");
            data.setAddressLabel(ALICE, "");
            assertThat(data.transactionLabels()).isEmpty();
            assertThat(data.addressLabels()).isEmpty();
        }
    }

    @Test
    @DisplayName("a label longer than 100 characters or holding a control character is refused")
    void labelRules() {
        try (WalletData data = WalletDataH2Store.open(dir.resolve("w"), KEY)) {
            assertThatThrownBy(() -> data.setTransactionLabel(TX, "x".repeat(101)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> data.setAddressLabel(ALICE, "a\u0000b"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Contact(" ", ALICE)).isInstanceOf(IllegalArgumentException.class);
            data.setTransactionLabel(TX, "字".repeat(100));
            assertThat(data.transactionLabels().get(TX)).hasSize(100);
        }
    }

    @Test
    @DisplayName(
            "a wallet data file with a trigger is refused before H2 opens it, so the trigger's class is never loaded")
    void triggerRefused() throws SQLException {
        Path base = dir.resolve("w");
        WalletDataH2Store.open(base, KEY).close();
        tamper(
                base,
                "CREATE TRIGGER T_TRAP BEFORE INSERT ON contacts FOR EACH ROW CALL '" + Trap.class.getName() + "'");
        Trap.LOADED.set(0);
        assertThatThrownBy(() -> WalletDataH2Store.open(base, KEY))
                .isInstanceOf(UntrustedDatabaseException.class)
                .hasMessageContaining("T_TRAP");
        assertThat(Trap.LOADED.get()).isZero();
    }

    @Test
    @DisplayName("a wallet data file with a table this program never creates is refused")
    void unknownTableRefused() throws SQLException {
        Path base = dir.resolve("w");
        WalletDataH2Store.open(base, KEY).close();
        tamper(base, "CREATE TABLE extra (x INT)");
        assertThatThrownBy(() -> WalletDataH2Store.open(base, KEY))
                .isInstanceOf(UntrustedDatabaseException.class)
                .hasMessageContaining("EXTRA");
    }

    @Test
    @DisplayName("a closed store refuses further calls")
    void closed() {
        WalletData data = WalletDataH2Store.open(dir.resolve("w"), KEY);
        data.close();
        assertThatThrownBy(data::contacts).isInstanceOf(IllegalStateException.class);
    }

    private static void tamper(Path base, String sql) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base.toAbsolutePath() + ";CIPHER=AES");
        ds.setUser("cas");
        ds.setPassword(new String(KEY.filePassword()) + " ");
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static WalletEntry entry(int n, WalletEntry.Kind kind, Address... others) {
        return new WalletEntry(
                Hash.sha256(("entry " + n).getBytes(StandardCharsets.UTF_8)),
                n,
                1_700_000_000_000L + n,
                kind,
                kind == WalletEntry.Kind.SENT ? -n * 100L : n * 100L,
                kind == WalletEntry.Kind.SENT ? 7 : 0,
                List.of(others));
    }

    @Test
    @DisplayName("the wallet history checkpoint is saved, read back equal, appended to, and replaced from the start")
    void scanCheckpoint() {
        Path keystore = dir.resolve("default.wallet");
        Map<OutputRef, TxOutput> owned = Map.of(
                new OutputRef(TX, 3), new TxOutput(ALICE, AssetId.CAS, 5_000),
                new OutputRef(TX, 4), new TxOutput(ALICE, AssetId.token(TX), 9));
        List<WalletEntry> first =
                List.of(entry(0, WalletEntry.Kind.RECEIVED), entry(1, WalletEntry.Kind.SENT, BOB, ALICE));
        ScanCheckpoint cp1 =
                new ScanCheckpoint(1, Hash.sha256(new byte[] {1}), Set.of(ALICE), Set.of(ALICE), owned, first);
        try (WalletData data = WalletDataH2Store.forKeystore(keystore, KEY)) {
            assertThat(data.scanCheckpoint()).isEmpty();
            data.saveScanCheckpoint(cp1, 0);
            assertThat(data.scanCheckpoint()).contains(cp1);
            assertThatThrownBy(() -> data.saveScanCheckpoint(cp1, 3)).isInstanceOf(IllegalArgumentException.class);
        }
        List<WalletEntry> more = new ArrayList<>(first);
        more.add(entry(2, WalletEntry.Kind.MINED));
        ScanCheckpoint cp2 =
                new ScanCheckpoint(2, Hash.sha256(new byte[] {2}), Set.of(ALICE, BOB), Set.of(BOB), Map.of(), more);
        try (WalletData data = WalletDataH2Store.forKeystore(keystore, KEY)) {
            assertThat(data.scanCheckpoint()).as("after reopening").contains(cp1);
            data.saveScanCheckpoint(cp2, 2);
            assertThat(data.scanCheckpoint()).contains(cp2);
            // a rescan from genesis (another chain) replaces every entry
            ScanCheckpoint cp3 = new ScanCheckpoint(
                    0,
                    Hash.sha256(new byte[] {3}),
                    Set.of(BOB),
                    Set.of(),
                    Map.of(),
                    List.of(entry(9, WalletEntry.Kind.PACKED)));
            data.saveScanCheckpoint(cp3, 0);
            assertThat(data.scanCheckpoint()).contains(cp3);
        }
    }

    private static byte[] bytesOf(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    @DisplayName(
            "the wallet data file is encrypted: no label, contact or address is in it in clear, and it is mode 0600")
    void encryptedAndPrivate() throws Exception {
        Path keystore = dir.resolve("wallets/default.wallet");
        try (WalletData data = WalletDataH2Store.forKeystore(keystore, KEY)) {
            data.setTransactionLabel(TX, "rent-secret-label");
            data.saveContact(new Contact("Zhang-contact", BOB));
        }
        Path file = dir.resolve("wallets/default.walletdata.mv.db");
        byte[] bytes = bytesOf(file);
        assertThat(new String(bytes, 0, 10, StandardCharsets.ISO_8859_1)).isEqualTo("H2encrypt\n");
        assertThat(contains(bytes, "rent-secret-label".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(contains(bytes, "Zhang-contact".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(contains(bytes, BOB.bytes())).isFalse();
        assertThat(contains(bytes, "TRANSACTION_LABELS".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("wallets"))))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir.resolve("wallets"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("default.walletdata.mv.db");
        }
    }

    @Test
    @DisplayName("another key (another wallet's) is refused with WALLET_DATA_DAMAGED and the file is left as it was")
    void otherKeyRefused() throws Exception {
        Path base = dir.resolve("w");
        try (WalletData data = WalletDataH2Store.open(base, KEY)) {
            data.setAddressLabel(ALICE, "kept");
        }
        byte[] before = bytesOf(dir.resolve("w.mv.db"));
        assertThatThrownBy(() -> WalletDataH2Store.open(base, WalletDataFiles.key(8)))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WALLET_DATA_DAMAGED));
        assertThat(bytesOf(dir.resolve("w.mv.db"))).isEqualTo(before);
        try (WalletData data = WalletDataH2Store.open(base, KEY)) {
            assertThat(data.addressLabels()).isEqualTo(Map.of(ALICE, "kept"));
        }
    }

    @Test
    @DisplayName("a damaged data file is refused with WALLET_DATA_DAMAGED, never replaced by an empty one")
    void damagedRefused() throws Exception {
        Path base = dir.resolve("w");
        try (WalletData data = WalletDataH2Store.open(base, KEY)) {
            data.setAddressLabel(ALICE, "kept");
        }
        Path file = dir.resolve("w.mv.db");
        byte[] bytes = bytesOf(file);
        for (int i = 64; i < bytes.length; i++) {
            bytes[i] ^= (byte) 0x5a;
        }
        Files.write(file, bytes);
        assertThatThrownBy(() -> WalletDataH2Store.open(base, KEY))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WALLET_DATA_DAMAGED));
        assertThat(bytesOf(file)).isEqualTo(bytes);
        Files.write(file, "not a database at all".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> WalletDataH2Store.open(base, KEY))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WALLET_DATA_DAMAGED));
        assertThat(new String(bytesOf(file), StandardCharsets.UTF_8)).isEqualTo("not a database at all");
    }

    @Test
    @DisplayName("a plaintext data file of an older version is encrypted on its first opening, labels, contacts and"
            + " history checkpoint kept, and the plaintext file is gone")
    void plaintextConverted() throws Exception {
        Path keystore = dir.resolve("default.wallet");
        Path base = WalletData.fileFor(keystore);
        ScanCheckpoint cp = new ScanCheckpoint(
                1,
                Hash.sha256(new byte[] {1}),
                Set.of(ALICE, BOB),
                Set.of(ALICE),
                Map.of(new OutputRef(TX, 3), new TxOutput(ALICE, AssetId.CAS, 5_000)),
                List.of(entry(0, WalletEntry.Kind.RECEIVED), entry(1, WalletEntry.Kind.SENT, BOB)));
        try (WalletData old = WalletDataFiles.openPlain(base)) {
            old.setTransactionLabel(TX, "房租 March");
            old.setAddressLabel(ALICE, "储蓄");
            old.saveContact(new Contact("王小明", BOB));
            old.saveScanCheckpoint(cp, 0);
        }
        Path file = dir.resolve("default.walletdata.mv.db");
        assertThat(contains(bytesOf(file), "March".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        try (WalletData data = WalletDataH2Store.forKeystore(keystore, KEY)) {
            assertThat(data.transactionLabels()).isEqualTo(Map.of(TX, "房租 March"));
            assertThat(data.addressLabels()).isEqualTo(Map.of(ALICE, "储蓄"));
            assertThat(data.contacts()).containsExactly(new Contact("王小明", BOB));
            assertThat(data.scanCheckpoint()).contains(cp);
        }
        byte[] bytes = bytesOf(file);
        assertThat(new String(bytes, 0, 10, StandardCharsets.ISO_8859_1)).isEqualTo("H2encrypt\n");
        assertThat(contains(bytes, "March".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("default.walletdata.mv.db");
        }
        try (WalletData data = WalletDataH2Store.forKeystore(keystore, KEY)) {
            assertThat(data.contacts()).as("opened again").containsExactly(new Contact("王小明", BOB));
        }
    }

    @Test
    @DisplayName("the gaps of the history (blocks pruned before the wallet read them) are saved with the checkpoint,"
            + " replaced with it, and a damaged gap row is refused")
    void scanGaps() throws Exception {
        Path base = dir.resolve("w");
        List<HistoryGap> gaps = List.of(new HistoryGap(1, 4_321), new HistoryGap(5_000, 5_999));
        ScanCheckpoint cp = new ScanCheckpoint(
                6_100,
                Hash.sha256(new byte[] {6}),
                Set.of(ALICE),
                Set.of(ALICE),
                Map.of(new OutputRef(TX, 0), new TxOutput(ALICE, AssetId.CAS, 1)),
                List.of(entry(6_050, WalletEntry.Kind.RECEIVED)),
                gaps);
        try (WalletData data = WalletDataH2Store.open(base, KEY)) {
            data.saveScanCheckpoint(cp, 0);
        }
        try (WalletData data = WalletDataH2Store.open(base, KEY)) {
            assertThat(data.scanCheckpoint()).contains(cp);
            ScanCheckpoint whole =
                    new ScanCheckpoint(6_101, cp.blockHash(), cp.addresses(), cp.used(), cp.owned(), cp.entries());
            data.saveScanCheckpoint(whole, 1);
            assertThat(data.scanCheckpoint().orElseThrow().gaps())
                    .as("a rescan that read every block")
                    .isEmpty();
            data.saveScanCheckpoint(cp, 1);
        }
        tamper(base, "UPDATE scan_gaps SET to_height = 7000 WHERE from_height = 5000");
        try (WalletData data = WalletDataH2Store.open(base, KEY)) {
            assertThatThrownBy(data::scanCheckpoint)
                    .isInstanceOf(global.cas.h2.StoreException.class)
                    .hasMessageContaining("inconsistent");
        }
    }

    @Test
    @DisplayName("a wallet data file of schema version 3 (before history gaps) opens, migrates to version 4 and"
            + " keeps its checkpoint, with no gaps")
    void version3FileMigrates() throws Exception {
        Path base = dir.resolve("v3");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base.toAbsolutePath() + ";CIPHER=AES");
        ds.setUser("cas");
        ds.setPassword(new String(KEY.filePassword()) + " ");
        org.flywaydb.core.Flyway.configure(WalletDataH2Store.class.getClassLoader())
                .dataSource(ds)
                .locations(WalletDataH2Store.LOCATION)
                .target("3")
                .load()
                .migrate();
        Hash block = Hash.sha256(new byte[] {42});
        WalletEntry received = entry(3, WalletEntry.Kind.RECEIVED);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            assertThat(tables(c)).doesNotContain("SCAN_GAPS");
            try (var p = c.prepareStatement("INSERT INTO scan_position (id, height, block_hash) VALUES (1, 7, ?)")) {
                p.setBytes(1, block.bytes());
                p.executeUpdate();
            }
            try (var p = c.prepareStatement("INSERT INTO scan_addresses (address, used) VALUES (?, TRUE)")) {
                p.setBytes(1, ALICE.bytes());
                p.executeUpdate();
            }
            try (var p = c.prepareStatement(
                    "INSERT INTO scan_owned (tx_id, idx, owner, asset, amount)" + " VALUES (?, 0, ?, ?, 300)")) {
                p.setBytes(1, received.id().bytes());
                p.setBytes(2, ALICE.bytes());
                p.setBytes(3, AssetId.CAS.storageKey());
                p.executeUpdate();
            }
            try (var p = c.prepareStatement("INSERT INTO scan_entries (seq, tx_id, height, time, kind, net, fee,"
                    + " counterparties) VALUES (0, ?, ?, ?, 'RECEIVED', ?, 0, ?)")) {
                p.setBytes(1, received.id().bytes());
                p.setLong(2, received.height());
                p.setLong(3, received.time());
                p.setLong(4, received.net());
                p.setBytes(5, new byte[0]);
                p.executeUpdate();
            }
            s.execute("SHUTDOWN");
        }
        ScanCheckpoint expected = new ScanCheckpoint(
                7,
                block,
                Set.of(ALICE),
                Set.of(ALICE),
                Map.of(new OutputRef(received.id(), 0), new TxOutput(ALICE, AssetId.CAS, 300)),
                List.of(received));
        try (WalletData data = WalletDataH2Store.open(base, KEY)) {
            assertThat(data.scanCheckpoint()).contains(expected);
            assertThat(data.scanCheckpoint().orElseThrow().gaps()).isEmpty();
        }
        try (Connection c = ds.getConnection()) {
            assertThat(tables(c)).contains("SCAN_GAPS");
            try (var r = c.createStatement().executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\"")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("4");
            }
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var r = c.createStatement()
                .executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
