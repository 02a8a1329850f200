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
 * <p>The file holds two records of {@value #SLOT_BYTES} bytes, written in turn, as a file system
 * keeps two superblocks: each is five lines of text (a format line, a write count, the height, the
 * block hash and a SHA-256 check of the lines before it) padded with spaces. {@link #write}
 * overwrites the older record in place and forces the file's data to the disk (one fsync a block);
 * the other record still holds the previous block, so after a crash at any instant one record is
 * whole, and {@link #read} takes the whole one written last (the higher count). A record that does
 * not parse is a write the crash cut short when the other is whole, and damage ({@link
 * ChainDataException}) when neither is. The first write into a folder without the file, or with the
 * one-record file of versions before 2026-12-02 ({@code cas-chain-tip 1}, still read), makes the
 * file anew atomically: a temporary file, fsync, rename, fsync of the folder.
 *
 * <p>Not thread-safe: the chain thread writes it; it is read at start.
 */
public final class TipMarker {
    /** The marker's file name in the data folder. */
    public static final String FILE_NAME = "chain.tip";

    /** The bytes of one record; the file is two of them. */
    public static final int SLOT_BYTES = 256;

    private static final String FORMAT_ONE = "cas-chain-tip 1";
    private static final String FORMAT = "cas-chain-tip 2";

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
    /** The record the next write overwrites; -1 until this marker has looked at its file. */
    private int nextSlot = -1;
    /** The count of the record read or written last. */
    private long lastCount;

    /** A parsed record: its write count (0 in the one-record format) and tip. */
    private record Entry(long count, Tip tip) {}

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
     * @throws ChainDataException (damaged) when no record of the file parses with a matching check
     * @throws UncheckedIOException when it cannot be read
     */
    public Optional<Tip> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            nextSlot = -1;
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(parse(bytes));
    }

    private Tip parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith(FORMAT_ONE + "\n")) {
            nextSlot = -1;
            lastCount = 0;
            return parseRecord(text, FORMAT_ONE)
                    .orElseThrow(() -> damaged("its check does not match its contents"))
                    .tip();
        }
        if (bytes.length != 2 * SLOT_BYTES) {
            throw damaged("it is not a tip marker of this format (" + bytes.length + " bytes)");
        }
        Optional<Entry> first = parseRecord(new String(bytes, 0, SLOT_BYTES, StandardCharsets.UTF_8), FORMAT);
        Optional<Entry> second = parseRecord(new String(bytes, SLOT_BYTES, SLOT_BYTES, StandardCharsets.UTF_8), FORMAT);
        if (first.isEmpty() && second.isEmpty()) {
            throw damaged("neither of its two records parses with a matching check");
        }
        boolean firstNewer = first.isPresent()
                && (second.isEmpty() || first.get().count() > second.get().count());
        Entry newest = firstNewer ? first.get() : second.get();
        nextSlot = firstNewer ? 1 : 0;
        lastCount = newest.count();
        return newest.tip();
    }

    /**
     * One record: empty when it is blank, cut short, of another format or fails its check. The
     * one-record format has no count line.
     */
    private static Optional<Entry> parseRecord(String record, String format) {
        String[] lines = record.split("\n", -1);
        int counted = format.equals(FORMAT) ? 1 : 0;
        int n = 4 + counted;
        if (lines.length != n + 1 || !lines[n].isBlank() || !lines[0].equals(format)) {
            return Optional.empty();
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < n - 1; i++) {
            body.append(lines[i]).append('\n');
        }
        if (!lines[n - 1].equals("check " + check(body.toString()))) {
            return Optional.empty();
        }
        try {
            String height = lines[1 + counted];
            String hash = lines[2 + counted];
            if ((counted == 1 && !lines[1].startsWith("count "))
                    || !height.startsWith("height ")
                    || !hash.startsWith("hash ")) {
                return Optional.empty();
            }
            long count = counted == 1 ? Long.parseLong(lines[1].substring(6)) : 0;
            return Optional.of(
                    new Entry(count, new Tip(Long.parseLong(height.substring(7)), Hash.fromHex(hash.substring(5)))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private ChainDataException damaged(String why) {
        return ChainDataException.damaged("the tip marker " + file + " is damaged: " + why);
    }

    /**
     * Records {@code tip} durably: overwrites the older of the file's two records and forces the
     * data to the disk, or makes the file anew (atomically) when it is missing, damaged or of the
     * one-record format.
     *
     * @throws UncheckedIOException when the file cannot be written or forced to disk
     */
    public void write(Tip tip) {
        try {
            if (nextSlot < 0) {
                nextSlot = inspect();
            }
            byte[] record = record(lastCount + 1, tip);
            if (nextSlot < 0) {
                byte[] whole = new byte[2 * SLOT_BYTES];
                java.util.Arrays.fill(whole, (byte) ' ');
                System.arraycopy(record, 0, whole, 0, SLOT_BYTES);
                replace(whole);
                nextSlot = 1;
                lastCount++;
                return;
            }
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(record);
                long at = (long) nextSlot * SLOT_BYTES;
                while (b.hasRemaining()) {
                    at += c.write(b, at);
                }
                c.force(false);
            }
            nextSlot ^= 1;
            lastCount++;
        } catch (IOException e) {
            nextSlot = -1;
            throw new UncheckedIOException("cannot write the tip marker " + file, e);
        }
    }

    /** The record to overwrite next in the file as it is; -1 when it must be made anew. */
    private int inspect() {
        try {
            read();
            return nextSlot;
        } catch (RuntimeException e) {
            lastCount = 0;
            return -1;
        }
    }

    private static byte[] record(long count, Tip tip) {
        String body = FORMAT + "\ncount " + count + "\nheight " + tip.height() + "\nhash "
                + tip.hash().hex() + "\n";
        byte[] text = (body + "check " + check(body) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] slot = new byte[SLOT_BYTES];
        java.util.Arrays.fill(slot, (byte) ' ');
        System.arraycopy(text, 0, slot, 0, text.length);
        return slot;
    }

    /** Replaces the whole file atomically and durably: temporary file, fsync, rename, folder fsync. */
    private void replace(byte[] bytes) throws IOException {
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
