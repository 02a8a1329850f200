package global.cas.store;

import global.cas.crypto.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The last block this node committed, recorded outside the chain database: the file {@value
 * #FILE_NAME} in the data folder, written after each block commit. It lets the node notice a
 * database that lost blocks (a truncated or partly overwritten file from which H2 silently opens an
 * older version), which the database cannot tell by itself.
 *
 * <p>The file is four lines of text: a format line, the height, the block hash and a SHA-256 check
 * of the lines before it. {@link #write} replaces it atomically and durably: write a temporary
 * file, fsync it, rename it over the marker, fsync the folder. So after a crash at any instant the
 * marker is the previous block or the new one, never half written; a marker that does not parse or
 * whose check fails is damage ({@link ChainDataException}).
 *
 * <p>Costs two fsyncs per block (not per transaction): see docs/benchmarks.md. Not thread-safe: the
 * chain thread writes it; it is read once, at start.
 */
public final class TipMarker {
    /** The marker's file name in the data folder. */
    public static final String FILE_NAME = "chain.tip";

    private static final String FORMAT = "cas-chain-tip 1";

    /** What the marker says: block {@code height} with hash {@code hash} was committed. */
    public record Tip(long height, Hash hash) {
        public Tip {
            if (height < 0) {
                throw new IllegalArgumentException("height " + height);
            }
        }
    }

    private final Path dir;
    private final Path file;
    private final Path temp;

    public TipMarker(Path dataDir) {
        this.dir = dataDir.toAbsolutePath().normalize();
        this.file = dir.resolve(FILE_NAME);
        this.temp = dir.resolve(FILE_NAME + ".tmp");
    }

    public Path file() {
        return file;
    }

    /**
     * The recorded tip; empty when there is no marker file.
     *
     * @throws ChainDataException (damaged) when the file does not parse or its check fails
     * @throws UncheckedIOException when it cannot be read
     */
    public Optional<Tip> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(parse(bytes));
    }

    private Tip parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length != 5 || !lines[4].isEmpty() || !lines[0].equals(FORMAT)) {
            throw damaged("it is not a tip marker of this format");
        }
        String body = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n";
        if (!lines[3].equals("check " + check(body))) {
            throw damaged("its check does not match its contents");
        }
        try {
            if (!lines[1].startsWith("height ") || !lines[2].startsWith("hash ")) {
                throw new IllegalArgumentException("missing field");
            }
            return new Tip(Long.parseLong(lines[1].substring(7)), Hash.fromHex(lines[2].substring(5)));
        } catch (RuntimeException e) {
            throw damaged("its fields do not parse (" + e.getMessage() + ")");
        }
    }

    private ChainDataException damaged(String why) {
        return ChainDataException.damaged("the tip marker " + file + " is damaged: " + why);
    }

    /**
     * Records {@code tip} durably, replacing the previous marker atomically.
     *
     * @throws UncheckedIOException when the file cannot be written or forced to disk
     */
    public void write(Tip tip) {
        String body =
                FORMAT + "\nheight " + tip.height() + "\nhash " + tip.hash().hex() + "\n";
        byte[] bytes = (body + "check " + check(body) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            try (FileChannel c = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    c.write(b);
                }
                c.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tip marker " + file, e);
        }
    }

    /** Makes the rename durable; systems that cannot open a folder (Windows) make it durable anyway. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself
        }
    }

    private static String check(String body) {
        return Hash.sha256(body.getBytes(StandardCharsets.UTF_8)).hex();
    }

    @Override
    public String toString() {
        return "TipMarker[" + file + "]";
    }
}
