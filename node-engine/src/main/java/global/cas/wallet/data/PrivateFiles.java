package global.cas.wallet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders of a wallet that only their owner may read: files are created {@code 0600}
 * and folders {@code 0700} where the file system has POSIX permissions (elsewhere, such as on
 * Windows, the user's profile folder already keeps other users out, and these calls create plain
 * files and folders). Folders that exist already keep their permissions: they may be the user's
 * own. Stateless and thread-safe.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** True when {@code path}'s file system has POSIX permissions. */
    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The attribute that creates a file readable and writable by its owner only (none without POSIX). */
    public static FileAttribute<?>[] fileAttributes(Path path) {
        return posix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Creates {@code dir} and any missing parents, each new one {@code 0700}.
     *
     * @throws IOException when a folder cannot be created
     */
    public static void createDirectories(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(d)) {
            return;
        }
        Path parent = d.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (posix(d)) {
                Files.createDirectory(d, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectory(d);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(d)) {
                throw e;
            }
        }
    }

    /** Makes an existing file readable and writable by its owner only (nothing without POSIX). */
    public static void restrict(Path file) throws IOException {
        if (posix(file) && Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Creates an empty file {@code 0600}; fails when it exists. */
    public static void createFile(Path file) throws IOException {
        Files.createFile(file, fileAttributes(file));
    }
}
