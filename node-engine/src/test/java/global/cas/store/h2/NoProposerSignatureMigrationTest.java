package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

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

/** V6 drops the proposer's key and signature stored beside each block's header (decision 32). */
class NoProposerSignatureMigrationTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("C3: a database of schema 5 keeps every block's hash, header, transaction count and time;"
            + " only the proposer's key and signature beside the header go")
    void blocksKeepTheirHeaders() throws SQLException {
        JdbcDataSource ds = OlderSchema.at(dir, 5);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (int h = 0; h < 3; h++) {
                s.executeUpdate("INSERT INTO blocks (height, hash, header, proposer_key, proposer_signature, tx_count,"
                        + " block_time) VALUES (" + h + ", X'"
                        + String.format("%02x", h).repeat(32) + "', X'0" + h
                        + "', X'" + "00".repeat(32) + "', X'" + "00".repeat(64) + "', " + (h * 2) + ", " + (1000 + h)
                        + ")");
            }
        }

        ChainMigrations.migrate(ds, "test");

        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT * FROM blocks ORDER BY height")) {
                assertThat(r.getMetaData().getColumnCount()).isEqualTo(5);
                while (r.next()) {
                    rows.add(r.getLong("height") + " "
                            + java.util.HexFormat.of()
                                    .formatHex(r.getBytes("hash"))
                                    .substring(0, 4) + " "
                            + java.util.HexFormat.of().formatHex(r.getBytes("header")) + " "
                            + r.getInt("tx_count") + " " + r.getLong("block_time"));
                }
            }
            assertThat(rows).containsExactly("0 0000 00 0 1000", "1 0101 01 2 1001", "2 0202 02 4 1002");
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME ="
                    + " 'BLOCKS' AND COLUMN_NAME LIKE 'PROPOSER%'")) {
                r.next();
                assertThat(r.getInt(1)).isZero();
            }
        }
    }
}
