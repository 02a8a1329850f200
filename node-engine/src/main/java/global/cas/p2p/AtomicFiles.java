package global.cas.p2p;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Whole-file replacement that a crash cannot leave half-written: a temporary file beside the
 * target, forced to disk, then moved over it in one step.
 */
final class AtomicFiles {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {}

    /**
     * A cache file that did not read ({@code why}) is renamed {@code <name>.damaged}, kept for a
     * person to look at, and the caller starts empty; {@code starting} says with what, in the log.
     */
    static void moveAside(Path file, Exception why, String starting) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        LOG.warn("{} is damaged ({}); starting with {}, the file is kept as {}", file, why, starting, aside);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException moveFailed) {
            LOG.warn("could not move {} aside: {}", file, moveFailed.toString());
        }
    }

    static void write(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (ownerOnly && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Path dir = target.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename is durable on their next sync
        }
    }
}
