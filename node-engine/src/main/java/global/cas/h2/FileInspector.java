package global.cas.h2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.engine.DbObject;
import org.h2.engine.MetaRecord;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;

/**
 * Reads the schema records of an H2 file without opening it as a database. Opening is already
 * too late: H2 replays every record then, and a trigger instantiates its class (or compiles and
 * runs its source), a linked table connects to its URL, a table engine or a Java object
 * serializer loads its class. So the records are read straight from the MVStore, read-only and
 * committed ones only (what H2 replays), the way H2's own {@code Recover} tool reads them, and
 * anything this program never creates is refused; nothing above the storage layer runs. (Opening the
 * MVStore read-write here instead, and closing it, left crashed files that H2 could then not open.)
 * Uses H2 internals ({@code MetaRecord}, {@code TransactionStore}): pinned to H2 2.3, checked by
 * the tests on every build. Used by the chain store and the wallet store alike. Stateless.
 */
public final class FileInspector {
    /** The map holding H2's schema records (table id 0). */
    private static final String META_MAP = "table.0";

    /** Settings H2 stores for this program's URLs and harmless tuning; any other is refused. */
    private static final Set<String> SAFE_SETTINGS = Set.of(
            "CREATE_BUILD",
            "WRITE_DELAY",
            "CACHE_SIZE",
            "DEFAULT_LOCK_TIMEOUT",
            "LOCK_MODE",
            "MAX_LENGTH_INPLACE_LOB",
            "MAX_MEMORY_ROWS",
            "RETENTION_TIME");

    private FileInspector() {}

    /**
     * Refuses {@code mvFile} unless its every schema record is a plain table, index, constraint,
     * user, right, role, schema, sequence, comment or safe setting.
     *
     * @param what how a person knows the file, starting its messages, e.g. "The chain database"
     * @throws UntrustedDatabaseException naming what was found
     * @throws DamagedDatabaseException when the file or its schema records cannot be read
     * @throws StoreException when another process (or another store in this one) has the file open
     */
    public static void inspect(Path mvFile, String what) {
        inspect(mvFile, what, null);
    }

    /**
     * {@link #inspect(Path, String)} for a file encrypted with H2's file cipher under {@code
     * filePassword} (null for a plain file); the array is not changed.
     */
    public static void inspect(Path mvFile, String what, char[] filePassword) {
        List<String> found = new ArrayList<>();
        MVStore store;
        try {
            MVStore.Builder builder =
                    new MVStore.Builder().fileName(mvFile.toString()).readOnly();
            if (filePassword != null) {
                builder.encryptionKey(filePassword.clone());
            }
            store = builder.open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreException(
                        what + " " + mvFile + " is in use by another node or program; close it there first.", e);
            }
            throw unreadable(mvFile, what, e);
        } catch (RuntimeException | AssertionError e) {
            // H2's own consistency assertions (on when the JVM runs with -ea) fail on a damaged
            // chunk header before any exception of its own: damage all the same
            throw unreadable(mvFile, what, e);
        }
        try {
            if (!store.hasMap(META_MAP)) {
                throw new DamagedDatabaseException(
                        "The file " + mvFile + " is damaged or not an H2 database: it has no schema records.");
            }
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            Transaction t = transactions.begin();
            TransactionMap<Long, Row> meta = t.openMap(META_MAP);
            for (Iterator<Long> keys = meta.keyIterator(null); keys.hasNext(); ) {
                Row row = meta.get(keys.next());
                if (row != null) {
                    MetaRecord record = new MetaRecord(row);
                    String problem = problem(record.getObjectType(), record.getSQL());
                    if (problem != null) {
                        found.add(problem);
                    }
                }
            }
            t.rollback();
        } catch (UntrustedDatabaseException | DamagedDatabaseException e) {
            throw e;
        } catch (RuntimeException | AssertionError e) {
            throw new DamagedDatabaseException(
                    "The schema records of " + mvFile + " cannot be read: " + e.getMessage(), e);
        } finally {
            store.close();
        }
        if (!found.isEmpty()) {
            throw new UntrustedDatabaseException(
                    what
                            + " "
                            + mvFile
                            + " was refused before opening: it holds "
                            + String.join("; ", found)
                            + ". This program never creates these, so the file was made or changed elsewhere (treat an H2 file from outside as hostile).");
        }
    }

    private static DamagedDatabaseException unreadable(Path mvFile, String what, Throwable e) {
        return new DamagedDatabaseException(
                what + " " + mvFile + " is damaged or is not an H2 2.3 database, so it was not opened: "
                        + e.getMessage(),
                e);
    }

    /** What is wrong with one schema record, or null when it is something this program creates. */
    static String problem(int type, String sql) {
        String head = firstLine(sql);
        return switch (type) {
            case DbObject.TABLE_OR_VIEW ->
                plainTable(sql) ? null : "a table or view that is not a plain table (" + head + ")";
            case DbObject.SETTING -> SAFE_SETTINGS.contains(settingName(sql)) ? null : "the setting " + head;
            case DbObject.TRIGGER -> "a trigger (" + head + ")";
            case DbObject.FUNCTION_ALIAS -> "a function alias (" + head + ")";
            case DbObject.AGGREGATE -> "a user-defined aggregate (" + head + ")";
            case DbObject.INDEX,
                    DbObject.CONSTRAINT,
                    DbObject.USER,
                    DbObject.ROLE,
                    DbObject.RIGHT,
                    DbObject.SCHEMA,
                    DbObject.SEQUENCE,
                    DbObject.COMMENT -> null;
            default -> "a schema object of type " + type + " (" + head + ")";
        };
    }

    /** H2 writes a plain table as {@code CREATE CACHED|MEMORY TABLE ... (\n...\n)}, an engine on its own line. */
    private static boolean plainTable(String sql) {
        return (sql.startsWith("CREATE CACHED TABLE ") || sql.startsWith("CREATE MEMORY TABLE "))
                && !sql.contains("\nENGINE");
    }

    private static String settingName(String sql) {
        String[] words = sql.trim().split("\\s+", 3);
        return words.length >= 2 && words[0].equalsIgnoreCase("SET") ? words[1].toUpperCase(Locale.ROOT) : "";
    }

    private static String firstLine(String sql) {
        int nl = sql.indexOf('\n');
        String line = nl < 0 ? sql : sql.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
