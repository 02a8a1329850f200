package global.cas.store.h2;

import global.cas.h2.H2Files;
import global.cas.h2.SchemaObjects;
import global.cas.h2.StoreException;
import global.cas.h2.UntrustedDatabaseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Checks an open chain database through {@code INFORMATION_SCHEMA} against what the migrations
 * create, so nothing in it can run code or reach outside when the node writes: no trigger, no
 * function alias or aggregate, no linked table, view, domain or foreign schema, no table the
 * migrations do not create, and (once migrated) exactly the columns, defaults, generated columns
 * and check constraints of a reference database migrated in memory by the same scripts. This
 * backs up {@link global.cas.h2.FileInspector}, which refuses the worst before H2 opens the file;
 * the objects that could run code are found by {@link SchemaObjects}, as for the wallet store.
 */
final class SchemaGuard {
    /**
     * What the migrations create, as comparable text: table names, one line per column (type,
     * nullability, default, generation) and one line per check constraint.
     */
    record Schema(Set<String> tables, List<Column> columns, List<String> checks) {}

    /**
     * One column: its whole definition, and the part of it H2 evaluates (default, identity,
     * generation, on-update, domain).
     */
    record Column(String definition, String expressions) {
        @Override
        public String toString() {
            return definition;
        }
    }

    private static final String COLUMNS =
            "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                    + " IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, IS_GENERATED, GENERATION_EXPRESSION, COLUMN_ON_UPDATE, DOMAIN_NAME,"
                    + " DEFAULT_ON_NULL FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, ORDINAL_POSITION";

    private static final String CHECKS =
            "SELECT tc.TABLE_NAME, cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                    + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
                    + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                    + " WHERE tc.TABLE_SCHEMA = 'PUBLIC' ORDER BY 1, 2";

    private SchemaGuard() {}

    /** Migrates a private in-memory database and reads its schema: what a chain database must hold. */
    static Schema reference() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:cas-chain-reference-" + UUID.randomUUID());
        ds.setUser(H2Files.USER);
        ds.setPassword("");
        // The in-memory database lives as long as this connection.
        try (Connection keepAlive = ds.getConnection()) {
            ChainMigrations.migrate(ds, "a reference database in memory");
            return read(keepAlive);
        } catch (SQLException e) {
            throw new StoreException("cannot build the reference chain schema", e);
        }
    }

    /**
     * Refuses the database behind {@code c} unless it matches {@code reference}: before migration
     * ({@code migrated} false) its tables must be a subset of the reference's and its defaults,
     * generated columns and checks must all occur in the reference; after migration the schema must
     * be equal.
     *
     * @throws UntrustedDatabaseException naming every difference found
     */
    static void check(Connection c, Schema reference, boolean migrated, String where) throws SQLException {
        Set<String> tables = new HashSet<>();
        List<String> found = SchemaObjects.unexpected(c, reference.tables(), tables);
        if (found.isEmpty()) {
            Schema actual = read(c);
            if (migrated) {
                compareMigrated(reference, actual, tables, found);
            } else {
                compareOlder(reference, actual, found);
            }
        }
        if (!found.isEmpty()) {
            throw new UntrustedDatabaseException(
                    "The chain database "
                            + where
                            + " was refused: it holds "
                            + String.join("; ", found)
                            + ". This node never creates these, so the file was made or changed elsewhere (treat an H2 file from outside as hostile).");
        }
    }

    private static void compareMigrated(Schema reference, Schema actual, Set<String> tables, List<String> found) {
        for (String t : reference.tables()) {
            if (!tables.contains(t)) {
                found.add("no table " + t);
            }
        }
        difference("column", actual.columns(), reference.columns(), found);
        difference("check constraint", actual.checks(), reference.checks(), found);
    }

    /** Before migration: every active expression (default, generated column, check) must be known. */
    private static void compareOlder(Schema reference, Schema actual, List<String> found) {
        Set<String> knownExpressions = new HashSet<>();
        for (Column column : reference.columns()) {
            knownExpressions.add(column.expressions());
        }
        for (Column column : actual.columns()) {
            if (!knownExpressions.contains(column.expressions())) {
                found.add("column " + column);
            }
        }
        Set<String> knownChecks = new HashSet<>(reference.checks());
        for (String check : actual.checks()) {
            if (!knownChecks.contains(check)) {
                found.add("check constraint " + check);
            }
        }
    }

    private static <T> void difference(String what, List<T> actual, List<T> reference, List<String> found) {
        Set<T> expected = new LinkedHashSet<>(reference);
        Set<T> present = new LinkedHashSet<>(actual);
        for (T a : present) {
            if (!expected.contains(a)) {
                found.add(what + " " + a);
            }
        }
        for (T e : expected) {
            if (!present.contains(e)) {
                found.add("no " + what + " " + e);
            }
        }
    }

    private static Schema read(Connection c) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        each(
                c,
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
                r -> tables.add(r.getString(1)));
        List<Column> columns = new ArrayList<>();
        each(c, COLUMNS, r -> {
            List<String> fields = new ArrayList<>(14);
            for (int i = 1; i <= 14; i++) {
                fields.add(Objects.toString(r.getString(i), ""));
            }
            columns.add(new Column(String.join(" | ", fields), String.join(" | ", fields.subList(7, 14))));
        });
        List<String> checks = new ArrayList<>();
        each(c, CHECKS, r -> checks.add(r.getString(1) + ": " + r.getString(2)));
        return new Schema(tables, columns, checks);
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet row) throws SQLException;
    }

    private static void each(Connection c, String sql, RowSink sink) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                sink.accept(r);
            }
        }
    }
}
