package global.cas.store.h2;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import global.cas.wallet.ScanCheckpoint;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.Contact;
import global.cas.wallet.data.Labels;
import global.cas.wallet.data.WalletData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;

/**
 * {@link WalletData} in its own H2 file per wallet, migrated by Flyway from {@code
 * db/wallet/V<n>__name.sql}. A file from outside is treated as hostile, as the chain database is:
 * {@link FileInspector} reads its schema records before H2 opens it and refuses triggers, aliases,
 * linked tables and the like, and once open it must hold only the tables the migrations create.
 * One connection with autocommit, so every change is on disk when its method returns; methods are
 * synchronized. Thread-safe.
 */
public final class WalletDataH2Store implements WalletData {
    static final String LOCATION = "classpath:db/wallet";

    /** See {@code H2ChainStore.SETTINGS}: commits reach the file at once, no compaction on close. */
    private static final String SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";

    private static final Set<String> TABLES = Set.of(
            "TRANSACTION_LABELS",
            "ADDRESS_LABELS",
            "CONTACTS",
            "SCAN_POSITION",
            "SCAN_ADDRESSES",
            "SCAN_OWNED",
            "SCAN_ENTRIES",
            "flyway_schema_history");

    private final String where;
    private final Connection connection;
    private boolean closed;

    private WalletDataH2Store(String where, Connection connection) {
        this.where = where;
        this.connection = connection;
    }

    /** Opens (or creates) the data of the wallet in {@code keystoreFile}: see {@link WalletData#fileFor}. */
    public static WalletDataH2Store forKeystore(Path keystoreFile) {
        return open(WalletData.fileFor(keystoreFile));
    }

    /**
     * Opens the wallet data at {@code base} (H2 adds {@code .mv.db}), creating it when missing, and
     * migrates it to the newest schema.
     *
     * @throws UntrustedDatabaseException when the existing file holds anything this program never
     *     creates (it is then left untouched)
     * @throws StoreException when it cannot be opened, e.g. because another process has it open
     * @throws IllegalArgumentException when the path contains {@code ;}, which H2 would read as a
     *     connection setting
     */
    public static WalletDataH2Store open(Path base) {
        Path b = base.toAbsolutePath().normalize();
        if (b.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException(
                    "The wallet data path " + b + " contains ';', which H2 would read as a connection setting.");
        }
        Path file = b.resolveSibling(b.getFileName() + ".mv.db");
        try {
            Files.createDirectories(b.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of " + file, e);
        }
        if (Files.exists(file)) {
            try {
                FileInspector.inspect(file);
            } catch (UntrustedDatabaseException e) {
                throw new UntrustedDatabaseException(
                        "The wallet data file " + file + " was refused: " + e.getMessage(), e);
            }
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + b + SETTINGS);
        ds.setUser(H2ChainStore.USER);
        ds.setPassword("");
        String where = file.toString();
        Connection c = null;
        try {
            c = ds.getConnection();
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
        } catch (SQLException | FlywayException | StoreException e) {
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
            throw new StoreException("cannot open the wallet data " + where + ": " + e.getMessage(), e);
        }
    }

    /** Refuses anything the migrations never create: other tables, views, triggers, aliases, schemas. */
    private static void guard(Connection c, String where) throws SQLException {
        List<String> found = new ArrayList<>();
        each(c, "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS", r -> found.add("trigger " + r.getString(1)));
        each(
                c,
                "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES",
                r -> found.add("function alias or aggregate " + r.getString(1)));
        each(c, "SELECT SYNONYM_NAME FROM INFORMATION_SCHEMA.SYNONYMS", r -> found.add("synonym " + r.getString(1)));
        each(c, "SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS", r -> found.add("domain " + r.getString(1)));
        each(
                c,
                "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME NOT IN ('INFORMATION_SCHEMA', 'PUBLIC')",
                r -> found.add("schema " + r.getString(1)));
        each(
                c,
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_CLASS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'",
                r -> {
                    String name = r.getString(1) + "." + r.getString(2);
                    if (!"PUBLIC".equals(r.getString(1)) || !TABLES.contains(r.getString(2))) {
                        found.add("unknown table " + name);
                    } else if (!"BASE TABLE".equals(r.getString(3))
                            || !"org.h2.mvstore.db.MVTable".equals(r.getString(4))) {
                        found.add("a table that is not plain: " + name);
                    }
                });
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
        return Optional.of(new ScanCheckpoint(height[0], hash[0], addresses, used, owned, entries));
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
