package global.cas.wallet.data.h2;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.h2.DamagedDatabaseException;
import global.cas.h2.FileInspector;
import global.cas.h2.H2Files;
import global.cas.h2.SchemaObjects;
import global.cas.h2.StoreException;
import global.cas.h2.UntrustedDatabaseException;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.wallet.HistoryGap;
import global.cas.wallet.ScanCheckpoint;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.Contact;
import global.cas.wallet.data.DataKey;
import global.cas.wallet.data.Labels;
import global.cas.wallet.data.PrivateFiles;
import global.cas.wallet.data.WalletData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * {@link WalletData} in its own H2 file per wallet, migrated by Flyway from {@code
 * db/wallet/V<n>__name.sql}, encrypted with H2's file cipher ({@code CIPHER=AES}) under the
 * wallet's {@link DataKey}, which only the unlocked keystore gives: without the wallet password
 * the file is unreadable. The file is created {@code 0600} (its folder {@code 0700} when this
 * creates it). A plaintext file of an older version is converted on its first opening with the
 * key: its rows are copied into a new encrypted file beside it, which then atomically replaces
 * it, so a crash at any moment leaves either the old file (converted again next time) or the new
 * one, and no row is lost. A file from outside is treated as hostile, as the chain database is:
 * {@link FileInspector} reads its schema records before H2 opens it and refuses triggers,
 * aliases, linked tables and the like, and once open {@link SchemaObjects} finds none either and
 * only the tables the migrations create. A file that cannot be decrypted with the key, or is not an H2 file at all, is refused
 * with {@link Reason#WALLET_DATA_DAMAGED} and left untouched: it is never replaced by an empty
 * one. One connection with autocommit, so every change is on disk when its method returns;
 * methods are synchronized. Thread-safe.
 */
public final class WalletDataH2Store implements WalletData {
    static final String LOCATION = "classpath:db/wallet";

    /**
     * As the chain store's settings ({@code ChainStoreOpening.SETTINGS}): commits reach the file at once,
     * no compaction on close; and no trace file.
     */
    private static final String SETTINGS =
            ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0;TRACE_LEVEL_FILE=0";

    /** How an H2 file cipher begins ({@code org.h2.store.fs.encrypt.FileEncrypt}). */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);

    /** How a plain MVStore file begins. */
    private static final byte[] PLAIN_HEADER = "H:2,".getBytes(StandardCharsets.ISO_8859_1);

    private static final Set<String> TABLES = Set.of(
            "TRANSACTION_LABELS",
            "ADDRESS_LABELS",
            "CONTACTS",
            "SCAN_POSITION",
            "SCAN_ADDRESSES",
            "SCAN_OWNED",
            "SCAN_ENTRIES",
            "SCAN_GAPS",
            "flyway_schema_history");

    private final String where;
    private final Connection connection;
    private boolean closed;

    private WalletDataH2Store(String where, Connection connection) {
        this.where = where;
        this.connection = connection;
    }

    /**
     * Opens (or creates) the data of the wallet in {@code keystoreFile} ({@link WalletData#fileFor})
     * with its data key ({@code UnlockedWallet.dataKey()}); see {@link #open(Path, DataKey)}.
     */
    public static WalletDataH2Store forKeystore(Path keystoreFile, DataKey key) {
        return open(WalletData.fileFor(keystoreFile), key);
    }

    /**
     * Opens the wallet data at {@code base} (H2 adds {@code .mv.db}) encrypted with {@code key},
     * creating it when missing and converting a plaintext file of an older version, and migrates
     * it to the newest schema. The key is not kept.
     *
     * @throws RejectedException {@code WALLET_DATA_DAMAGED} when the file cannot be read with this
     *     key (damaged, or another wallet's) or is no H2 file (it is then left untouched)
     * @throws UntrustedDatabaseException when the existing file holds anything this program never
     *     creates (it is then left untouched)
     * @throws StoreException when it cannot be opened, e.g. because another process has it open
     * @throws IllegalArgumentException when the path contains {@code ;}, which H2 would read as a
     *     connection setting
     */
    public static WalletDataH2Store open(Path base, DataKey key) {
        Path b = checked(base);
        Path file = H2Files.mvFile(b);
        if (Files.exists(file) && kind(file) == Kind.PLAIN) {
            convert(b, key);
        }
        return open(b, Optional.of(key));
    }

    /** Opens an unencrypted wallet data file, as versions before the file cipher wrote them (tests, conversion). */
    static WalletDataH2Store openPlain(Path base) {
        return open(checked(base), Optional.empty());
    }

    private static Path checked(Path base) {
        Path b = base.toAbsolutePath().normalize();
        H2Files.refuseSettingsIn(b, "The wallet data path");
        return b;
    }

    private enum Kind {
        PLAIN,
        ENCRYPTED,
        OTHER
    }

    private static Kind kind(Path file) {
        byte[] head = new byte[ENCRYPTED_HEADER.length];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException("cannot read the wallet data file " + file + ": " + e.getMessage(), e);
        }
        if (n == head.length && Arrays.equals(head, ENCRYPTED_HEADER)) {
            return Kind.ENCRYPTED;
        }
        if (n >= PLAIN_HEADER.length && Arrays.equals(Arrays.copyOf(head, PLAIN_HEADER.length), PLAIN_HEADER)) {
            return Kind.PLAIN;
        }
        return Kind.OTHER;
    }

    private static RejectedException damaged(Path file, String why) {
        return new RejectedException(
                Reason.WALLET_DATA_DAMAGED,
                "The wallet data file " + file + " " + why
                        + ". It was left as it is; move it out of the wallet folder to open the wallet without its labels,"
                        + " address book and saved history.");
    }

    private static WalletDataH2Store open(Path b, Optional<DataKey> key) {
        Path file = H2Files.mvFile(b);
        try {
            PrivateFiles.createDirectories(b.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of " + file, e);
        }
        boolean existed = Files.exists(file);
        if (existed) {
            Kind kind = kind(file);
            if (kind == Kind.OTHER || (kind == Kind.ENCRYPTED) != key.isPresent()) {
                throw damaged(file, kind == Kind.OTHER ? "is not a wallet data file" : "is not encrypted as expected");
            }
            char[] filePassword = key.map(DataKey::filePassword).orElse(null);
            try {
                FileInspector.inspect(file, "The wallet data file", filePassword);
            } catch (DamagedDatabaseException e) {
                throw damaged(
                        file, "cannot be read with this wallet's key: it is damaged or belongs to another wallet");
            } finally {
                if (filePassword != null) {
                    Arrays.fill(filePassword, '\0');
                }
            }
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + b + (key.isPresent() ? ";CIPHER=AES" : "") + SETTINGS);
        ds.setUser(H2Files.USER);
        if (key.isPresent()) {
            char[] filePassword = key.get().filePassword();
            char[] both = Arrays.copyOf(filePassword, filePassword.length + 1);
            both[filePassword.length] = ' ';
            // the data source keeps this array (Flyway connects with it too), so it is not wiped here
            ds.setPasswordChars(both);
            Arrays.fill(filePassword, '\0');
        } else {
            ds.setPassword("");
        }
        String where = file.toString();
        Connection c = null;
        try {
            c = ds.getConnection();
            PrivateFiles.restrict(file);
            guard(c, where);
            Flyway.configure(WalletDataH2Store.class.getClassLoader())
                    .dataSource(ds)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            guard(c, where);
            return new WalletDataH2Store(where, c);
        } catch (SQLException | FlywayException | StoreException | IOException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            if (existed && e instanceof SQLException sql && sql.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1) {
                throw damaged(
                        file, "cannot be read with this wallet's key: it is damaged or belongs to another wallet");
            }
            throw new StoreException("cannot open the wallet data " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Converts the plaintext file at {@code b} into one encrypted with {@code key}: every row is
     * copied into a new file beside it, the copy is counted, and the new file atomically replaces
     * the old one (which is thereby deleted).
     */
    private static void convert(Path b, DataKey key) {
        Path file = H2Files.mvFile(b);
        Path tmpBase = b.resolveSibling(b.getFileName() + ".encrypting");
        Path tmpFile = H2Files.mvFile(tmpBase);
        try {
            Files.deleteIfExists(tmpFile);
            try (WalletDataH2Store plain = openPlain(b);
                    WalletDataH2Store encrypted = open(tmpBase, Optional.of(key))) {
                PlaintextConversion.copyAll(plain.connection, encrypted.connection, file);
            }
            Files.move(tmpFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            PlaintextConversion.syncDirectory(file.getParent());
        } catch (IOException | SQLException e) {
            throw new StoreException(
                    "cannot encrypt the wallet data file " + file + " (it was left as it was): " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmpFile);
            } catch (IOException e) {
                // a leftover copy is deleted by the next conversion
            }
        }
    }

    /** Refuses anything the migrations never create: other tables, views, triggers, aliases, schemas. */
    private static void guard(Connection c, String where) throws SQLException {
        List<String> found = SchemaObjects.unexpected(c, TABLES, new HashSet<>());
        if (!found.isEmpty()) {
            throw new UntrustedDatabaseException(
                    "The wallet data file " + where + " was refused: it holds " + String.join("; ", found)
                            + ". This program never creates these, so the file was made or changed elsewhere.");
        }
    }

    @Override
    public synchronized Map<Hash, String> transactionLabels() {
        Map<Hash, String> out = new LinkedHashMap<>();
        query(
                "SELECT tx_id, label FROM transaction_labels ORDER BY tx_id",
                r -> out.put(Hash.of(r.getBytes(1)), r.getString(2)));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public synchronized void setTransactionLabel(Hash id, String label) {
        if (label.isBlank()) {
            update("DELETE FROM transaction_labels WHERE tx_id = ?", id.bytes());
        } else {
            update(
                    "MERGE INTO transaction_labels (tx_id, label) KEY (tx_id) VALUES (?, ?)",
                    id.bytes(),
                    Labels.check(label));
        }
    }

    @Override
    public synchronized Map<Address, String> addressLabels() {
        Map<Address, String> out = new LinkedHashMap<>();
        query(
                "SELECT address, label FROM address_labels ORDER BY address",
                r -> out.put(Address.of(r.getBytes(1)), r.getString(2)));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public synchronized void setAddressLabel(Address address, String label) {
        if (label.isBlank()) {
            update("DELETE FROM address_labels WHERE address = ?", address.bytes());
        } else {
            update(
                    "MERGE INTO address_labels (address, label) KEY (address) VALUES (?, ?)",
                    address.bytes(),
                    Labels.check(label));
        }
    }

    @Override
    public synchronized List<Contact> contacts() {
        List<Contact> out = new ArrayList<>();
        query(
                "SELECT name, address FROM contacts ORDER BY name, address",
                r -> out.add(new Contact(r.getString(1), Address.of(r.getBytes(2)))));
        return List.copyOf(out);
    }

    @Override
    public synchronized void saveContact(Contact contact) {
        update(
                "MERGE INTO contacts (address, name) KEY (address) VALUES (?, ?)",
                contact.address().bytes(),
                contact.name());
    }

    @Override
    public synchronized void removeContact(Address address) {
        update("DELETE FROM contacts WHERE address = ?", address.bytes());
    }

    @Override
    public synchronized Optional<ScanCheckpoint> scanCheckpoint() {
        long[] height = {-1};
        Hash[] hash = new Hash[1];
        query("SELECT height, block_hash FROM scan_position WHERE id = 1", r -> {
            height[0] = r.getLong(1);
            hash[0] = Hash.of(r.getBytes(2));
        });
        if (height[0] < 0) {
            return Optional.empty();
        }
        Set<Address> addresses = new LinkedHashSet<>();
        Set<Address> used = new LinkedHashSet<>();
        query("SELECT address, used FROM scan_addresses ORDER BY address", r -> {
            Address a = Address.of(r.getBytes(1));
            addresses.add(a);
            if (r.getBoolean(2)) {
                used.add(a);
            }
        });
        Map<OutputRef, TxOutput> owned = new LinkedHashMap<>();
        query(
                "SELECT tx_id, idx, owner, asset, amount FROM scan_owned ORDER BY tx_id, idx",
                r -> owned.put(
                        new OutputRef(Hash.of(r.getBytes(1)), r.getInt(2)),
                        new TxOutput(Address.of(r.getBytes(3)), AssetId.fromStorageKey(r.getBytes(4)), r.getLong(5))));
        List<WalletEntry> entries = new ArrayList<>();
        query(
                "SELECT tx_id, height, time, kind, net, fee, counterparties FROM scan_entries ORDER BY seq",
                r -> entries.add(new WalletEntry(
                        Hash.of(r.getBytes(1)),
                        r.getLong(2),
                        r.getLong(3),
                        kind(r.getString(4)),
                        r.getLong(5),
                        r.getLong(6),
                        addresses(r.getBytes(7)))));
        List<HistoryGap> gaps = new ArrayList<>();
        query(
                "SELECT from_height, to_height FROM scan_gaps ORDER BY from_height",
                r -> gaps.add(gap(r.getLong(1), r.getLong(2))));
        try {
            return Optional.of(new ScanCheckpoint(height[0], hash[0], addresses, used, owned, entries, gaps));
        } catch (IllegalArgumentException e) {
            throw new StoreException("the saved wallet history in " + where + " is inconsistent: " + e.getMessage(), e);
        }
    }

    private HistoryGap gap(long from, long to) throws SQLException {
        try {
            return new HistoryGap(from, to);
        } catch (IllegalArgumentException e) {
            throw new SQLException("a history gap " + from + ".." + to + " is out of range in " + where, e);
        }
    }

    private WalletEntry.Kind kind(String name) throws SQLException {
        try {
            return WalletEntry.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SQLException("unknown history entry kind '" + name + "' in " + where, e);
        }
    }

    private List<Address> addresses(byte[] packed) throws SQLException {
        if (packed.length % Address.LENGTH != 0) {
            throw new SQLException("a history entry's counterparties are cut short in " + where);
        }
        List<Address> out = new ArrayList<>(packed.length / Address.LENGTH);
        for (int i = 0; i < packed.length; i += Address.LENGTH) {
            out.add(Address.of(Arrays.copyOfRange(packed, i, i + Address.LENGTH)));
        }
        return out;
    }

    @Override
    public synchronized void saveScanCheckpoint(ScanCheckpoint checkpoint, int unchangedEntries) {
        List<WalletEntry> entries = checkpoint.entries();
        if (unchangedEntries < 0 || unchangedEntries > entries.size()) {
            throw new IllegalArgumentException(
                    "unchangedEntries " + unchangedEntries + " is outside 0.." + entries.size());
        }
        open();
        try {
            connection.setAutoCommit(false);
            try {
                execute("DELETE FROM scan_entries WHERE seq >= ?", unchangedEntries);
                batch(
                        "INSERT INTO scan_entries (seq, tx_id, height, time, kind, net, fee, counterparties)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        entries.size() - unchangedEntries,
                        (s, i) -> {
                            WalletEntry e = entries.get(unchangedEntries + i);
                            byte[] packed = new byte[e.counterparties().size() * Address.LENGTH];
                            for (int k = 0; k < e.counterparties().size(); k++) {
                                System.arraycopy(
                                        e.counterparties().get(k).bytes(),
                                        0,
                                        packed,
                                        k * Address.LENGTH,
                                        Address.LENGTH);
                            }
                            s.setInt(1, unchangedEntries + i);
                            s.setBytes(2, e.id().bytes());
                            s.setLong(3, e.height());
                            s.setLong(4, e.time());
                            s.setString(5, e.kind().name());
                            s.setLong(6, e.net());
                            s.setLong(7, e.fee());
                            s.setBytes(8, packed);
                        });
                execute("DELETE FROM scan_owned");
                List<Map.Entry<OutputRef, TxOutput>> owned =
                        List.copyOf(checkpoint.owned().entrySet());
                batch(
                        "INSERT INTO scan_owned (tx_id, idx, owner, asset, amount) VALUES (?, ?, ?, ?, ?)",
                        owned.size(),
                        (s, i) -> {
                            var o = owned.get(i);
                            s.setBytes(1, o.getKey().txId().bytes());
                            s.setInt(2, o.getKey().index());
                            s.setBytes(3, o.getValue().owner().bytes());
                            s.setBytes(4, o.getValue().asset().storageKey());
                            s.setLong(5, o.getValue().amount());
                        });
                execute("DELETE FROM scan_addresses");
                List<Address> addresses = List.copyOf(checkpoint.addresses());
                batch("INSERT INTO scan_addresses (address, used) VALUES (?, ?)", addresses.size(), (s, i) -> {
                    s.setBytes(1, addresses.get(i).bytes());
                    s.setBoolean(2, checkpoint.used().contains(addresses.get(i)));
                });
                execute("DELETE FROM scan_gaps");
                List<HistoryGap> gaps = checkpoint.gaps();
                batch("INSERT INTO scan_gaps (from_height, to_height) VALUES (?, ?)", gaps.size(), (s, i) -> {
                    s.setLong(1, gaps.get(i).from());
                    s.setLong(2, gaps.get(i).to());
                });
                execute(
                        "MERGE INTO scan_position (id, height, block_hash) KEY (id) VALUES (1, ?, ?)",
                        checkpoint.height(),
                        checkpoint.blockHash().bytes());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save the wallet history in " + where + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private void batch(String sql, int rows, RowWriter writer) throws SQLException {
        if (rows == 0) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                writer.write(s, i);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(PreparedStatement statement, int row) throws SQLException;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close the wallet data " + where, e);
            }
        }
    }

    @Override
    public String toString() {
        return "WalletDataH2Store[" + where + "]";
    }

    private void query(String sql, RowSink sink) {
        open();
        try {
            each(connection, sql, sink);
        } catch (SQLException e) {
            throw new StoreException("cannot read the wallet data " + where + ": " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        open();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write the wallet data " + where + ": " + e.getMessage(), e);
        }
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("the wallet data " + where + " is closed");
        }
    }

    private static void each(Connection c, String sql, RowSink sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                sink.accept(r);
            }
        }
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet row) throws SQLException;
    }
}
