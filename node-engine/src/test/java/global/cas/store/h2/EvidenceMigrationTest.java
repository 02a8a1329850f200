package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V7 adds the evidence table and the tip's evidence root (C4, decision 38). */
class EvidenceMigrationTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("C4: a database of schema 6 gets an empty evidence table and keeps its block format, so this"
            + " version refuses it as older (format 2) instead of reading state roots without the evidence root")
    void keepsItsFormat() throws SQLException {
        JdbcDataSource ds = OlderSchema.at(dir, 6);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO chain_format (id, version) VALUES (0, 2)");
        }

        ChainMigrations.migrate(ds, "test");

        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT version FROM chain_format")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(2).isLessThan(BlockWriter.FORMAT);
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM evidence")) {
                r.next();
                assertThat(r.getInt(1)).isZero();
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME ="
                    + " 'CHAIN_TIP' AND COLUMN_NAME = 'EVIDENCE_ROOT'")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
    }
}
