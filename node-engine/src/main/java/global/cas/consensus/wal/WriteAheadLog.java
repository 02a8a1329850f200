package global.cas.consensus.wal;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.DoubleSignGuard;
import global.cas.rejection.RejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The consensus write-ahead log. A record is {@code length (u32) || CRC-32C (u32) || kind (u8) ||
 * body}: a height started ({@code u64}), a message this validator signed (fsynced before {@link
 * #signed} returns), a message received (with, for a proposal, whether its block was valid; not
 * synced: losing it costs at most a re-gossip). When a height starts and the log is above {@link
 * #ROTATE_BYTES}, it is rewritten to hold only that height's start and the last signed message.
 * Not thread-safe: the consensus driver's thread owns it.
 */
public final class WriteAheadLog implements DoubleSignGuard.SignedLog {
    /** The size above which a new height starts a fresh log. */
    public static final long ROTATE_BYTES = 4L << 20;

    private static final int HEIGHT = 1;
    private static final int SIGNED = 2;
    private static final int RECEIVED = 3;
    private static final int MAX_RECORD = ConsensusMessage.MAX_BYTES + 16;

    /** A record read back. */
    public sealed interface Entry {
        record HeightStarted(long height) implements Entry {}

        record Signed(ConsensusMessage message) implements Entry {}

        record Received(ConsensusMessage message, boolean valid) implements Entry {}
    }

    /** What the log held: its entries in order, and whether a torn last record was dropped. */
    public record Replay(List<Entry> entries, boolean tornTailDropped) {
        /** The last message this validator signed, if any. */
        public Optional<ConsensusMessage> lastSigned() {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i) instanceof Entry.Signed s) {
                    return Optional.of(s.message());
                }
            }
            return Optional.empty();
        }

        /**
         * The entries of {@code height}: from its first start (a restart starts it again) to the
         * start of another height, without the start markers; none if it never started.
         */
        public List<Entry> ofHeight(long height) {
            List<Entry> of = new ArrayList<>();
            boolean in = false;
            for (Entry e : entries) {
                if (e instanceof Entry.HeightStarted h) {
                    if (h.height() != height && in) {
                        break;
                    }
                    in |= h.height() == height;
                } else if (in) {
                    of.add(e);
                }
            }
            return List.copyOf(of);
        }

        /** The last height started, or 0. */
        public long lastHeightStarted() {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i) instanceof Entry.HeightStarted h) {
                    return h.height();
                }
            }
            return 0;
        }
    }

    /** The log holds a damaged record before its end: what was signed cannot be known. */
    public static final class DamagedLogException extends RuntimeException {
        DamagedLogException(String message) {
            super(message);
        }
    }

    private final WalStorage storage;
    private ConsensusMessage lastSigned;
    private long lastStarted;

    public WriteAheadLog(WalStorage storage) {
        this.storage = storage;
    }

    /**
     * Reads the log back. A last record cut short (a crash while writing it) is dropped and the
     * log rewritten without it; a damaged record followed by others is refused.
     *
     * @throws DamagedLogException when a record before the end is damaged
     */
    public Replay replay() {
        byte[] all;
        try {
            all = storage.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the consensus write-ahead log", e);
        }
        List<Entry> entries = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(all);
        int goodEnd = 0;
        boolean torn = false;
        while (b.remaining() > 0) {
            int start = b.position();
            Optional<Entry> e = readRecord(b);
            if (e.isEmpty()) {
                if (!onlyZerosOrShort(all, start)) {
                    throw new DamagedLogException("The consensus write-ahead log is damaged at byte " + start + " of "
                            + all.length + ", before its end: what this validator signed cannot be known, so it does"
                            + " not sign. Move the file aside only if this validator has not signed at the current"
                            + " height.");
                }
                torn = true;
                break;
            }
            entries.add(e.get());
            goodEnd = b.position();
        }
        if (torn) {
            byte[] kept = java.util.Arrays.copyOf(all, goodEnd);
            try {
                storage.replace(kept);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot rewrite the consensus write-ahead log", ex);
            }
        }
        Replay r = new Replay(List.copyOf(entries), torn);
        lastSigned = r.lastSigned().orElse(null);
        lastStarted = r.lastHeightStarted();
        return r;
    }

    /**
     * Whether the bytes from {@code start} are a record cut short: a length that runs past the end
     * (the write stopped inside it) or nothing but zeros (a file system that extended the file
     * before the data arrived).
     */
    private static boolean onlyZerosOrShort(byte[] all, int start) {
        if (all.length - start < 8) {
            return true;
        }
        int length = ByteBuffer.wrap(all, start, 4).getInt();
        if (length > 0 && length <= MAX_RECORD && start + 8L + length > all.length) {
            // a length running past the end is a tear only if nothing whole follows it: a flipped
            // bit in an earlier record's length must not make the records after it (fsynced
            // signatures among them) look like the tail of a crash
            return !wholeRecordAfter(all, start + 1);
        }
        for (int i = start; i < all.length; i++) {
            if (all[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a record with a matching checksum starts anywhere from {@code from} on. */
    private static boolean wholeRecordAfter(byte[] all, int from) {
        ByteBuffer b = ByteBuffer.wrap(all);
        for (int o = from; o + 8 <= all.length; o++) {
            int length = b.getInt(o);
            if (length < 1 || length > MAX_RECORD || o + 8L + length > all.length) {
                continue;
            }
            CRC32C c = new CRC32C();
            c.update(all, o + 8, length);
            if ((int) c.getValue() == b.getInt(o + 4)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Entry> readRecord(ByteBuffer b) {
        if (b.remaining() < 8) {
            return Optional.empty();
        }
        int length = b.getInt();
        int crc = b.getInt();
        if (length < 1 || length > MAX_RECORD || length > b.remaining()) {
            return Optional.empty();
        }
        byte[] body = new byte[length];
        b.get(body);
        CRC32C c = new CRC32C();
        c.update(body);
        if ((int) c.getValue() != crc) {
            return Optional.empty();
        }
        try {
            Decoder d = new Decoder(body);
            int kind = d.u8();
            Entry e = switch (kind) {
                case HEIGHT -> new Entry.HeightStarted(d.u64());
                case SIGNED -> new Entry.Signed(ConsensusMessage.decode(d.bytes(ConsensusMessage.MAX_BYTES)));
                case RECEIVED -> {
                    boolean valid = d.u8() == 1;
                    yield new Entry.Received(ConsensusMessage.decode(d.bytes(ConsensusMessage.MAX_BYTES)), valid);
                }
                default -> null;
            };
            if (e == null) {
                return Optional.empty();
            }
            d.finish();
            return Optional.of(e);
        } catch (RejectedException ex) {
            return Optional.empty();
        }
    }

    private static byte[] frame(byte[] body) {
        CRC32C c = new CRC32C();
        c.update(body);
        ByteBuffer b = ByteBuffer.allocate(8 + body.length);
        b.putInt(body.length).putInt((int) c.getValue()).put(body);
        return b.array();
    }

    private void write(byte[] body, boolean sync) {
        try {
            storage.append(frame(body), sync);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the consensus write-ahead log", e);
        }
    }

    /**
     * Records that {@code height} starts; when the log grew above {@link #ROTATE_BYTES} and the
     * height is new (not started again after a restart), starts a fresh log holding the last signed
     * message and this start.
     */
    public void heightStarted(long height) {
        byte[] marker = new Encoder(9).u8(HEIGHT).u64(height).toBytes();
        boolean fresh = height > lastStarted;
        lastStarted = Math.max(lastStarted, height);
        try {
            if (fresh && storage.size() > ROTATE_BYTES) {
                java.io.ByteArrayOutputStream rotated = new java.io.ByteArrayOutputStream();
                if (lastSigned != null) {
                    rotated.writeBytes(frame(signedBody(lastSigned)));
                }
                rotated.writeBytes(frame(marker));
                storage.replace(rotated.toByteArray());
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the consensus write-ahead log", e);
        }
        write(marker, false);
    }

    private static byte[] signedBody(ConsensusMessage m) {
        byte[] msg = m.encode();
        return new Encoder(msg.length + 8).u8(SIGNED).bytes(msg).toBytes();
    }

    /** Appends a message this validator signed and fsyncs: it is durable before it is sent. */
    @Override
    public void signed(ConsensusMessage message) {
        write(signedBody(message), true);
        lastSigned = message;
    }

    /** Appends a message received from a peer (not synced). */
    public void received(ConsensusMessage message, boolean valid) {
        byte[] msg = message.encode();
        write(
                new Encoder(msg.length + 8)
                        .u8(RECEIVED)
                        .u8(valid ? 1 : 0)
                        .bytes(msg)
                        .toBytes(),
                false);
    }
}
