package global.cas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Bytes;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** U3: the canonical encoding's primitives and its refusal of non-canonical bytes. */
class CodecTest {

    private static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] encode(Consumer<Encoder> c) {
        Encoder e = new Encoder(1);
        c.accept(e);
        return e.toBytes();
    }

    @Test
    @DisplayName("U3: fixed-width integers are big-endian")
    void bigEndian() {
        assertThat(Bytes.hex(encode(e -> e.u8(0xab).u32(0x01020304).u64(0x0a0b0c0d0e0f1011L))))
                .isEqualTo("ab010203040a0b0c0d0e0f1011");
        Decoder d = new Decoder(Bytes.fromHex("ab010203040a0b0c0d0e0f1011"));
        assertThat(d.u8()).isEqualTo(0xab);
        assertThat(d.u32()).isEqualTo(0x01020304);
        assertThat(d.u64()).isEqualTo(0x0a0b0c0d0e0f1011L);
        d.finish();
    }

    @Test
    @DisplayName("U3: varints are minimal unsigned LEB128 (boundaries)")
    void varintBoundaries() {
        assertThat(Bytes.hex(encode(e -> e.varint(0)))).isEqualTo("00");
        assertThat(Bytes.hex(encode(e -> e.varint(127)))).isEqualTo("7f");
        assertThat(Bytes.hex(encode(e -> e.varint(128)))).isEqualTo("8001");
        assertThat(Bytes.hex(encode(e -> e.varint(300)))).isEqualTo("ac02");
        assertThat(Bytes.hex(encode(e -> e.varint(Long.MAX_VALUE)))).isEqualTo("ffffffffffffffff7f");
        for (long v : new long[] {0, 1, 127, 128, 16383, 16384, Integer.MAX_VALUE, Long.MAX_VALUE}) {
            Decoder d = new Decoder(encode(e -> e.varint(v)));
            assertThat(d.varint(Long.MAX_VALUE)).isEqualTo(v);
            d.finish();
        }
        assertThatThrownBy(() -> new Encoder().varint(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("U3: a non-minimal varint is MALFORMED")
    void nonMinimalVarint() {
        rejected(() -> new Decoder(Bytes.fromHex("8000")).varint(1000), Reason.MALFORMED);
        rejected(() -> new Decoder(Bytes.fromHex("ff00")).varint(1000), Reason.MALFORMED);
        rejected(() -> new Decoder(Bytes.fromHex("818000")).varint(100_000), Reason.MALFORMED);
    }

    @Test
    @DisplayName("U3: a varint longer than ten bytes or above 64 bits is MALFORMED; above 2^63-1 is OVERSIZE")
    void varintTooLong() {
        rejected(() -> new Decoder(Bytes.fromHex("ffffffffffffffffff7f")).varint(Long.MAX_VALUE), Reason.MALFORMED);
        rejected(() -> new Decoder(Bytes.fromHex("ffffffffffffffffff8001")).varint(Long.MAX_VALUE), Reason.MALFORMED);
        rejected(() -> new Decoder(Bytes.fromHex("ffffffffffffffffff01")).varint(Long.MAX_VALUE), Reason.OVERSIZE);
    }

    @Test
    @DisplayName("U3: a length above its limit is OVERSIZE")
    void oversizeLength() {
        byte[] b = encode(e -> e.bytes(new byte[11]));
        rejected(() -> new Decoder(b).bytes(10), Reason.OVERSIZE);
        assertThat(new Decoder(b).bytes(11)).hasSize(11);
        byte[] list = encode(e -> e.list(List.of(1, 2, 3), Encoder::u8));
        rejected(() -> new Decoder(list).list(2, Decoder::u8), Reason.OVERSIZE);
        assertThat(new Decoder(list).list(3, Decoder::u8)).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("U3: running out of bytes anywhere is TRUNCATED")
    void truncated() {
        rejected(() -> new Decoder(new byte[0]).u8(), Reason.TRUNCATED);
        rejected(() -> new Decoder(new byte[3]).u32(), Reason.TRUNCATED);
        rejected(() -> new Decoder(new byte[7]).u64(), Reason.TRUNCATED);
        rejected(() -> new Decoder(Bytes.fromHex("80")).varint(1000), Reason.TRUNCATED);
        rejected(() -> new Decoder(Bytes.fromHex("05aabbcc")).bytes(10), Reason.TRUNCATED);
        rejected(() -> new Decoder(new byte[31]).hash(), Reason.TRUNCATED);
        rejected(() -> new Decoder(new byte[19]).address(), Reason.TRUNCATED);
        rejected(() -> new Decoder(new byte[63]).signature(), Reason.TRUNCATED);
    }

    @Test
    @DisplayName("U3: bytes left after the object are MALFORMED")
    void trailing() {
        Decoder d = new Decoder(Bytes.fromHex("0102"));
        d.u8();
        assertThat(d.remaining()).isEqualTo(1);
        rejected(d::finish, Reason.MALFORMED);
    }

    @Test
    @DisplayName("U3: text is length-prefixed UTF-8; invalid UTF-8 is MALFORMED")
    void utf8() {
        byte[] b = encode(e -> e.string("币 CAS"));
        assertThat(Bytes.hex(b)).isEqualTo("07e5b88120434153");
        assertThat(new Decoder(b).string(64)).isEqualTo("币 CAS");
        rejected(() -> new Decoder(Bytes.fromHex("02c328")).string(64), Reason.MALFORMED);
        rejected(() -> new Decoder(Bytes.fromHex("03eda080")).string(64), Reason.MALFORMED);
    }

    @Test
    @DisplayName("U3: the encoder grows its buffer without changing what was written")
    void growth() {
        Encoder e = new Encoder(16);
        for (int i = 0; i < 1000; i++) {
            e.u32(i);
        }
        byte[] b = e.toBytes();
        assertThat(b).hasSize(4000);
        assertThat(e.size()).isEqualTo(4000);
        Decoder d = new Decoder(b);
        for (int i = 0; i < 1000; i++) {
            assertThat(d.u32()).isEqualTo(i);
        }
        d.finish();
    }
}
