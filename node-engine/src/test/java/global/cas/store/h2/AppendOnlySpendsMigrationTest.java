package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.ledger.UnspentOutput;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V4 moves the spent marks of a database written by the version before into the spends table. */
class AppendOnlySpendsMigrationTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("L1: a database of schema 3 keeps every spent mark as a spend row of the same height, the unspent"
            + " outputs stay unspent, and the balances table (sums of the unspent outputs, L2) is dropped")
    void spentMarksBecomeSpendRows() throws SQLException {
        JdbcDataSource ds = OlderSchema.at(dir, 3);
        // outputs made at heights 0..2; those of height 0 spent at 1 (two) and 2 (one), one of 1 spent at 2
        long[][] rows = {
            {UnspentOutput.storageId(0, 0, 0), 1},
            {UnspentOutput.storageId(0, 0, 1), 1},
            {UnspentOutput.storageId(0, 0, 2), 2},
            {UnspentOutput.storageId(0, 0, 3), -1},
            {UnspentOutput.storageId(1, 0, 0), 2},
            {UnspentOutput.storageId(1, 0, 1), -1},
            {UnspentOutput.storageId(2, 0, 0), -1},
        };
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (long[] r : rows) {
                s.executeUpdate("INSERT INTO outputs VALUES (" + r[0] + ", X'" + "11".repeat(32) + "', "
                        + (r[0] & 1023) + ", X'" + "22".repeat(20) + "', X'" + "00".repeat(32) + "', 5, "
                        + (r[1] < 0 ? "NULL" : Long.toString(r[1])) + ")");
            }
            s.executeUpdate("INSERT INTO balances VALUES (X'" + "22".repeat(20) + "', X'" + "00".repeat(32) + "', 15)");
        }

        ChainMigrations.migrate(ds, "test");

        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            List<String> spends = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id, output_id FROM spends ORDER BY id")) {
                while (r.next()) {
                    spends.add((r.getLong(1) >>> RowKeys.SPEND_BITS) + ":" + r.getLong(2));
                }
            }
            assertThat(spends)
                    .containsExactly("1:" + rows[0][0], "1:" + rows[1][0], "2:" + rows[2][0], "2:" + rows[4][0]);
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM outputs")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(rows.length);
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'OUTPUTS' AND COLUMN_NAME = 'SPENT_HEIGHT'")) {
                r.next();
                assertThat(r.getLong(1)).isZero();
            }
            try (ResultSet r =
                    s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'BALANCES'")) {
                r.next();
                assertThat(r.getLong(1)).isZero();
            }
        }
    }
}
