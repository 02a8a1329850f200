package global.cas.store.h2;

import java.sql.SQLException;
import java.util.Set;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * Tells H2's signs of a damaged file (a page or chunk it cannot read, a failed checksum, an
 * unknown file format, one of H2's own assertions failing inside H2, a stored table definition that
 * no longer replays, a stored value of another type than its column, a plain runtime failure of H2's
 * decoding code) from other failures (the file in use, the store closed, a bug of ours; a full disk
 * is an I/O error and counted as damage only when H2 says the file is corrupt). Stateless.
 */
final class H2Damage {
    /** MVStore error codes that mean the file's contents cannot be read as written. */
    private static final Set<Integer> MVSTORE_DAMAGE = Set.of(
            DataUtils.ERROR_FILE_CORRUPT,
            DataUtils.ERROR_CHUNK_NOT_FOUND,
            DataUtils.ERROR_BLOCK_NOT_FOUND,
            DataUtils.ERROR_SERIALIZATION,
            DataUtils.ERROR_UNSUPPORTED_FORMAT,
            DataUtils.ERROR_READING_FAILED,
            DataUtils.ERROR_UNKNOWN_DATA_TYPE,
            DataUtils.ERROR_TRANSACTION_CORRUPT,
            DataUtils.ERROR_INTERNAL);

    /** SQL error codes by which H2 reports a corrupt or unreadable database file. */
    private static final Set<Integer> SQL_DAMAGE =
            Set.of(ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1);

    private H2Damage() {}

    /** Whether {@code failure} or one of its causes is H2 meeting a damaged file. */
    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException m && MVSTORE_DAMAGE.contains(m.getErrorCode())) {
                return true;
            }
            if (t instanceof SQLException s && SQL_DAMAGE.contains(s.getErrorCode())) {
                return true;
            }
            // H2 checks its own metadata and pages with Java assertions where they are enabled: one
            // failing inside H2 means it met contents it never wrote (a flipped byte in a table's
            // definition, for one)
            if (t instanceof AssertionError a
                    && a.getStackTrace().length > 0
                    && a.getStackTrace()[0].getClassName().startsWith("org.h2.")) {
                return true;
            }
            // H2 replays the table definitions it stored (MetaRecord) when it opens a file: one that
            // no longer parses or runs was changed on disk, not written by H2
            if (t instanceof SQLException && replayingStoredMetadata(t)) {
                return true;
            }
            // a stored value of another type than the column's: H2 never writes one
            if (t instanceof SQLException s && s.getErrorCode() == ErrorCode.DATA_CONVERSION_ERROR_1) {
                return true;
            }
            // H2 wraps a plain runtime failure of its own code as a general error: thrown while it
            // decodes a page, a stored map name or a value (a NumberFormatException on a map name
            // whose digit was flipped, an index out of bounds on a length that was), it means
            // bytes H2 did not write
            if (t instanceof SQLException s
                    && s.getErrorCode() == ErrorCode.GENERAL_ERROR_1
                    && thrownInsideH2Decoding(s.getCause())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Whether {@code cause} is a plain runtime failure (not H2's own exception) thrown in H2's storage or value code. */
    private static boolean thrownInsideH2Decoding(Throwable cause) {
        if (!(cause instanceof RuntimeException)
                || cause instanceof MVStoreException
                || cause.getStackTrace().length == 0) {
            return false;
        }
        if (cause.getClass().getName().startsWith("org.h2.")) {
            return false;
        }
        for (StackTraceElement e : cause.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("org.h2.mvstore.") || c.startsWith("org.h2.value.") || c.startsWith("org.h2.util.")) {
                return true;
            }
            if (!c.startsWith("java.")) {
                return false;
            }
        }
        return false;
    }

    private static boolean replayingStoredMetadata(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals("org.h2.engine.MetaRecord")) {
                return true;
            }
        }
        return false;
    }
}
