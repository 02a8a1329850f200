package global.cas.records;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A record's key: canonical bytes whose first byte names the record's type within its module.
 * Ordered as unsigned bytes, so every key starting with a prefix sits in one range. Immutable.
 */
public final class RecordKey implements Comparable<RecordKey> {
    /** The longest key a module may use. */
    public static final int MAX_LENGTH = 128;

    private final byte[] bytes;
    private final int hash;

    private RecordKey(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a record key has 1 to " + MAX_LENGTH + " bytes, not " + bytes.length);
        }
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** The key of these bytes (copied). */
    public static RecordKey of(byte[] bytes) {
        return new RecordKey(bytes.clone());
    }

    /** The record type, the first byte. */
    public int type() {
        return bytes[0] & 0xff;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Whether this key starts with {@code prefix}. */
    public boolean startsWith(RecordKey prefix) {
        return bytes.length >= prefix.bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    /**
     * The first key after every key starting with this one (the prefix with its last byte raised,
     * dropping trailing 0xff bytes), or empty when no such key exists.
     */
    public java.util.Optional<RecordKey> prefixEnd() {
        int n = bytes.length;
        while (n > 0 && bytes[n - 1] == (byte) 0xff) {
            n--;
        }
        if (n == 0) {
            return java.util.Optional.empty();
        }
        byte[] end = Arrays.copyOf(bytes, n);
        end[n - 1]++;
        return java.util.Optional.of(new RecordKey(end));
    }

    @Override
    public int compareTo(RecordKey o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
