package global.cas.wallet.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a crash leaves either the old content or the new, never a mix: the new
 * bytes go to a temporary file in the same directory (readable by the owner only where the file
 * system has POSIX permissions, so the file keeps mode 0600; a folder it creates is 0700), which is flushed to disk, atomically renamed over the target, and
 * the directory is flushed too. Stateless; concurrent writers of one file must be serialized by
 * the caller.
 */
final class AtomicFile {
    private AtomicFile() {}

    /**
     * Writes {@code content} to {@code target}.
     *
     * @param mustBeNew refuse to replace an existing file
     * @throws FileAlreadyExistsException when {@code mustBeNew} and the file exists
     */
    static void write(Path target, byte[] content, boolean mustBeNew) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        global.cas.wallet.data.PrivateFiles.createDirectories(dir);
        if (mustBeNew && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a wallet file is already there");
        }
        Path tmp = createTemp(dir, "." + file.getFileName() + ".");
        try {
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path createTemp(Path dir, String prefix) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createTempFile(dir, prefix, ".tmp", ownerOnly);
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a directory; the rename itself is still atomic there.
        }
    }
}
