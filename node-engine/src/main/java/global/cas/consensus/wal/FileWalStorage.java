package global.cas.consensus.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The log in one file ({@code consensus.wal} in the data folder): appends through one channel,
 * {@code force} for a sync; replacing writes a temporary file, forces it and moves it over the old
 * one atomically. Not thread-safe: the consensus driver's thread owns it.
 */
public final class FileWalStorage implements WalStorage, AutoCloseable {
    public static final String FILE_NAME = "consensus.wal";

    private final Path file;
    private FileChannel channel;

    public FileWalStorage(Path dataDir) throws IOException {
        this.file = dataDir.resolve(FILE_NAME);
        this.channel = open();
    }

    private FileChannel open() throws IOException {
        FileChannel c =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        c.position(c.size());
        return c;
    }

    public Path file() {
        return file;
    }

    @Override
    public byte[] readAll() throws IOException {
        return Files.readAllBytes(file);
    }

    @Override
    public void append(byte[] bytes, boolean sync) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
        if (sync) {
            channel.force(false);
        }
    }

    @Override
    public void replace(byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (FileChannel c = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(true);
        }
        channel.close();
        try {
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException failed) {
            channel = open(); // the old log stays whole and appendable
            throw failed;
        }
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename is durable on the next sync there
        }
        channel = open();
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
