package global.cas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** U3: varints round-trip and are as short as they can be. */
class VarintPropertyTest {

    @Property(tries = 500)
    @Label("U3: every non-negative long round-trips through a minimal varint")
    void roundTrip(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
        byte[] b = new Encoder().varint(v).toBytes();
        int bits = 64 - Long.numberOfLeadingZeros(v);
        assertThat(b).hasSize(Math.max(1, (bits + 6) / 7));
        Decoder d = new Decoder(b);
        assertThat(d.varint(Long.MAX_VALUE)).isEqualTo(v);
        d.finish();
    }

    @Property(tries = 300)
    @Label("U3: a varint padded with a redundant zero group is MALFORMED")
    void paddedIsRejected(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE >>> 7) long v) {
        byte[] b = new Encoder().varint(v).toBytes();
        byte[] padded = new byte[b.length + 1];
        System.arraycopy(b, 0, padded, 0, b.length);
        padded[b.length - 1] |= (byte) 0x80;
        padded[b.length] = 0;
        try {
            new Decoder(padded).varint(Long.MAX_VALUE);
            throw new AssertionError("accepted a non-minimal varint");
        } catch (global.cas.rejection.RejectedException e) {
            assertThat(e.reason()).isEqualTo(global.cas.rejection.Reason.MALFORMED);
        }
    }
}
