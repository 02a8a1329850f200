package global.cas.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lists, through {@code INFORMATION_SCHEMA} of an open database, every object that could run code
 * or reach outside and that this program never creates: triggers, function aliases and
 * aggregates, foreign schemas, domains, synonyms, linked tables, views, tables of another engine,
 * and tables the store's migrations do not create. The second line of defence after {@link
 * FileInspector}, shared by the chain store (which then also compares columns and checks) and the
 * wallet store. Stateless.
 */
public final class SchemaObjects {
    /** H2's own table class; a table engine or a linked table shows another one. */
    private static final String PLAIN_TABLE_CLASS = "org.h2.mvstore.db.MVTable";

    private SchemaObjects() {}

    /**
     * Describes every unexpected object in the database behind {@code c}, one phrase each (e.g.
     * "trigger PUBLIC.T"); empty when there is none.
     *
     * @param knownTables the names of the tables in schema {@code PUBLIC} the store's migrations
     *     create (Flyway's history table included)
     * @param plainKnownTables receives the name of every known table found, plain
     */
    public static List<String> unexpected(Connection c, Set<String> knownTables, Set<String> plainKnownTables)
            throws SQLException {
        List<String> found = new ArrayList<>();
        each(
                c,
                "SELECT TRIGGER_SCHEMA, TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS",
                r -> found.add("trigger " + r.getString(1) + "." + r.getString(2)));
        each(
                c,
                "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE FROM INFORMATION_SCHEMA.ROUTINES",
                r -> found.add("function alias or aggregate " + r.getString(1) + "." + r.getString(2)));
        each(
                c,
                "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME NOT IN ('INFORMATION_SCHEMA', 'PUBLIC')",
                r -> found.add("schema " + r.getString(1)));
        each(
                c,
                "SELECT DOMAIN_SCHEMA, DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS",
                r -> found.add("domain " + r.getString(1) + "." + r.getString(2)));
        each(
                c,
                "SELECT SYNONYM_SCHEMA, SYNONYM_NAME FROM INFORMATION_SCHEMA.SYNONYMS",
                r -> found.add("synonym " + r.getString(1) + "." + r.getString(2)));
        each(
                c,
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, STORAGE_TYPE, TABLE_CLASS FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'",
                r -> {
                    String name = r.getString(1) + "." + r.getString(2);
                    String type = r.getString(3);
                    if ("TABLE LINK".equals(r.getString(4)) || "org.h2.table.TableLink".equals(r.getString(5))) {
                        found.add("linked table " + name);
                    } else if (!"BASE TABLE".equals(type)) {
                        found.add(type.toLowerCase(Locale.ROOT) + " " + name);
                    } else if (!PLAIN_TABLE_CLASS.equals(r.getString(5))) {
                        found.add("table " + name + " of engine " + r.getString(5));
                    } else if (!"PUBLIC".equals(r.getString(1)) || !knownTables.contains(r.getString(2))) {
                        found.add("unknown table " + name);
                    } else {
                        plainKnownTables.add(r.getString(2));
                    }
                });
        return found;
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
