package global.cas.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One program per data folder: an OS file lock on {@code node.lock}, released when the process
 * ends however it ends. A second start is told the folder is already open instead of corrupting
 * anything.
 */
public final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process holds the folder. */
    public static final class AlreadyOpenException extends IllegalStateException {
        public AlreadyOpenException(Path dir) {
            super("CAS Wallet is already open with the data folder " + dir
                    + " (close the other window or use --datadir).");
        }
    }

    public static DataDirLock acquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel ch =
                FileChannel.open(dir.resolve("node.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            throw new AlreadyOpenException(dir);
        }
        return new DataDirLock(ch, l);
    }

    /**
     * Whether another program holds {@code dir} now (a quick check before opening a window; the node
     * still takes the lock itself). A folder that does not exist is held by no one.
     */
    public static boolean heldByAnother(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try {
            acquire(dir).close();
            return false;
        } catch (AlreadyOpenException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
