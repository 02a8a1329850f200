package global.cas.codec;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the canonical encoding. Every read checks bounds: running out of bytes is {@code
 * TRUNCATED}, a length above its limit is {@code OVERSIZE}, a non-minimal varint, bad UTF-8 or
 * trailing bytes are {@code MALFORMED}. Not thread-safe.
 */
public final class Decoder {
    private final byte[] buf;
    private int pos;

    public Decoder(byte[] buf) {
        this.buf = buf;
    }

    private void need(int n) {
        if (n < 0 || buf.length - pos < n) {
            throw new RejectedException(
                    Reason.TRUNCATED,
                    "Expected " + n + " more bytes at offset " + pos + ", found " + (buf.length - pos) + ".");
        }
    }

    public int u8() {
        need(1);
        return buf[pos++] & 0xff;
    }

    public int u32() {
        need(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (buf[pos++] & 0xff);
        }
        return v;
    }

    public long u64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xff);
        }
        return v;
    }

    /** An unsigned LEB128 value that must be minimal and at most {@code max}. */
    public long varint(long max) {
        long v = 0;
        int shift = 0;
        int start = pos;
        while (true) {
            int b = u8();
            if (shift == 63 && (b & 0x7e) != 0) {
                throw malformed("varint too large at offset " + start);
            }
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && pos - start > 1) {
                    throw malformed("non-minimal varint at offset " + start);
                }
                break;
            }
            shift += 7;
            if (shift > 63) {
                throw malformed("varint too long at offset " + start);
            }
        }
        if (v < 0 || v > max) {
            throw new RejectedException(
                    Reason.OVERSIZE, "Length " + Long.toUnsignedString(v) + " exceeds the limit " + max + ".");
        }
        return v;
    }

    public int length(int max) {
        return (int) varint(max);
    }

    public byte[] fixed(int n) {
        need(n);
        byte[] r = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return r;
    }

    public byte[] bytes(int max) {
        return fixed(length(max));
    }

    public String string(int maxBytes) {
        byte[] b = bytes(maxBytes);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("text is not valid UTF-8");
        }
    }

    public Hash hash() {
        return Hash.of(fixed(Hash.LENGTH));
    }

    public Address address() {
        return Address.of(fixed(Address.LENGTH));
    }

    public PublicKey publicKey() {
        return PublicKey.of(fixed(PublicKey.LENGTH));
    }

    public Signature signature() {
        return Signature.of(fixed(Signature.LENGTH));
    }

    public <T> List<T> list(int maxItems, Function<Decoder, T> reader) {
        int n = length(maxItems);
        List<T> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(reader.apply(this));
        }
        return List.copyOf(out);
    }

    public int position() {
        return pos;
    }

    /**
     * The SHA-256 of the bytes read since {@code start}, a {@link #position()} of this decoder. Every
     * value this decoder reads has one encoding only (fixed widths, minimal varints, strict UTF-8),
     * so these bytes are what encoding the values read again would give.
     */
    public Hash sha256Since(int start) {
        if (start < 0 || start > pos) {
            throw new IllegalArgumentException("position " + start + " is not before " + pos);
        }
        return Hash.sha256(Arrays.copyOfRange(buf, start, pos));
    }

    /**
     * A copy of the bytes read since {@code start}, a {@link #position()} of this decoder: the
     * encoding of the values read, which has one form only (see {@link #sha256Since}).
     */
    public byte[] bytesSince(int start) {
        if (start < 0 || start > pos) {
            throw new IllegalArgumentException("position " + start + " is not before " + pos);
        }
        return Arrays.copyOfRange(buf, start, pos);
    }

    public int remaining() {
        return buf.length - pos;
    }

    /** Asserts every byte was consumed. */
    public void finish() {
        if (pos != buf.length) {
            throw malformed((buf.length - pos) + " unexpected bytes after the end of the object");
        }
    }

    public static RejectedException malformed(String detail) {
        return new RejectedException(Reason.MALFORMED, "Malformed data: " + detail + ".");
    }
}
