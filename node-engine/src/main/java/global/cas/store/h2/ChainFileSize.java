package global.cas.store.h2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.mvstore.MVStoreTool;

/**
 * The size of a chain database file and of the live data in it: what H2's {@code SHUTDOWN COMPACT}
 * leaves of a copy (every live page rewritten into a new file, leaves full, pages compressed), and
 * what the same rewrite leaves without compression, the floor a file written block by block without
 * compression (as the store writes) could reach. Measured by the storage benchmark and {@code cas
 * bench}; the file itself
 * is never opened, only read to copy it, so measure a closed store (or one that commits nothing and
 * compacts nothing meanwhile). Immutable.
 *
 * @param fileBytes {@code chain.mv.db} as it is on disk
 * @param liveBytes a copy of it after {@code SHUTDOWN COMPACT}
 * @param uncompressedBytes a copy of it with every live page rewritten, not compressed
 */
public record ChainFileSize(long fileBytes, long liveBytes, long uncompressedBytes) {
    /** File bytes per live byte: 1.0 is a file holding nothing but live data. */
    public double ratio() {
        return liveBytes == 0 ? 0 : (double) fileBytes / liveBytes;
    }

    /**
     * Measures the chain database in {@code dataDir}: copies it into a temporary folder, compacts the
     * copy and deletes it.
     *
     * @throws IOException when the file cannot be copied or the copy cannot be compacted
     */
    public static ChainFileSize of(Path dataDir) throws IOException {
        Path file = dataDir.resolve(H2ChainStore.DATABASE_NAME + ".mv.db");
        long size = Files.size(file);
        Path tmp = Files.createTempDirectory("cas-live-size");
        try {
            Path copy = tmp.resolve("copy.mv.db");
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            Path plain = tmp.resolve("plain.mv.db");
            try {
                MVStoreTool.compact(copy.toString(), plain.toString(), false);
            } catch (RuntimeException e) {
                throw new IOException("cannot rewrite a copy of " + file + ": " + e.getMessage(), e);
            }
            try (Connection c = DriverManager.getConnection(
                            "jdbc:h2:file:" + tmp.resolve("copy"), global.cas.h2.H2Files.USER, "");
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw new IOException("cannot compact a copy of " + file + ": " + e.getMessage(), e);
            }
            return new ChainFileSize(size, Files.size(copy), Files.size(plain));
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
