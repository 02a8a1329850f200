package global.cas.h2;

import java.nio.file.Path;

/**
 * How this program names and reaches its H2 files: the user every database is created with (H2
 * stores it in the file, so it can never change), the {@code .mv.db} file behind a base path, and
 * the refusal of paths H2 would read as connection settings. Stateless.
 */
public final class H2Files {
    /** The database user of every H2 file this program creates; a file opens only with it. */
    public static final String USER = "cas";

    private H2Files() {}

    /** The MVStore file H2 keeps for the database at {@code base}: {@code base} with {@code .mv.db} added. */
    public static Path mvFile(Path base) {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /**
     * Refuses a path that H2 would read partly as connection settings ({@code ;INIT=} and the like)
     * once it is put into a URL.
     *
     * @param what how a person knows the path, e.g. "The data directory"
     * @throws IllegalArgumentException when {@code path} contains {@code ;}
     */
    public static void refuseSettingsIn(Path path, String what) {
        if (path.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException(
                    what + " " + path + " contains ';', which H2 would read as a connection setting.");
        }
    }
}
