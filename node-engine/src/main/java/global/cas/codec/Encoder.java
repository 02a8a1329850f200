package global.cas.codec;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/** Writes the canonical encoding into a growing buffer. Not thread-safe; use one per object. */
public final class Encoder {
    private byte[] buf;
    private int size;

    public Encoder() {
        this(128);
    }

    public Encoder(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public Encoder u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public Encoder u32(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public Encoder u64(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[size++] = (byte) (v >>> s);
        }
        return this;
    }

    /** Unsigned LEB128 of a non-negative value, minimal length. */
    public Encoder varint(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("varint must not be negative: " + v);
        }
        ensure(10);
        while ((v & ~0x7fL) != 0) {
            buf[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    public Encoder fixed(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** Length-prefixed bytes. */
    public Encoder bytes(byte[] b) {
        varint(b.length);
        return fixed(b);
    }

    public Encoder string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public Encoder hash(Hash h) {
        return fixed(h.bytes());
    }

    public Encoder address(Address a) {
        return fixed(a.bytes());
    }

    public Encoder publicKey(PublicKey k) {
        return fixed(k.bytes());
    }

    public Encoder signature(Signature s) {
        return fixed(s.bytes());
    }

    /** A length-prefixed list, elements written in the list's order. */
    public <T> Encoder list(List<T> items, BiConsumer<Encoder, T> writer) {
        varint(items.size());
        for (T t : items) {
            writer.accept(this, t);
        }
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }
}
