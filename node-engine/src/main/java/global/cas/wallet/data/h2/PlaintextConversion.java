package global.cas.wallet.data.h2;

import global.cas.h2.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The row copy that turns a plaintext wallet data file of an older version into an encrypted one
 * ({@link WalletDataH2Store} owns the files and the atomic replacement): every table with the
 * person's data is copied in one transaction per table and counted again on the other side.
 * Stateless.
 */
final class PlaintextConversion {
    /** The tables with the person's data, copied when a plaintext file is converted. */
    static final List<String> DATA_TABLES = List.of(
            "TRANSACTION_LABELS",
            "ADDRESS_LABELS",
            "CONTACTS",
            "SCAN_POSITION",
            "SCAN_ADDRESSES",
            "SCAN_OWNED",
            "SCAN_ENTRIES",
            "SCAN_GAPS");

    private PlaintextConversion() {}

    /** Copies every data table from {@code from} to {@code to}; a short copy is a {@link StoreException}. */
    static void copyAll(Connection from, Connection to, Path file) throws SQLException {
        for (String table : DATA_TABLES) {
            long copied = copyTable(from, to, table);
            if (count(to, table) != copied) {
                throw new StoreException("the copy of table " + table + " of " + file + " is incomplete");
            }
        }
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        long rows = 0;
        to.setAutoCommit(false);
        try (PreparedStatement select = from.prepareStatement("SELECT * FROM " + table);
                ResultSet r = select.executeQuery()) {
            ResultSetMetaData meta = r.getMetaData();
            int n = meta.getColumnCount();
            StringBuilder columns = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                columns.append(i > 1 ? ", " : "")
                        .append('"')
                        .append(meta.getColumnName(i))
                        .append('"');
                marks.append(i > 1 ? ", ?" : "?");
            }
            try (PreparedStatement insert =
                    to.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
                while (r.next()) {
                    for (int i = 1; i <= n; i++) {
                        insert.setObject(i, r.getObject(i));
                    }
                    insert.addBatch();
                    rows++;
                }
                insert.executeBatch();
            }
            to.commit();
        } catch (SQLException e) {
            to.rollback();
            throw e;
        } finally {
            to.setAutoCommit(true);
        }
        return rows;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static void syncDirectory(Path dir) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some systems (Windows) cannot open a folder; the rename is atomic all the same
        }
    }
}
