package global.cas.rpc;

import global.cas.rejection.Reason;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code cursor} of a list method: where the next page starts. It is the page's kind
 * (one letter, so a cursor of one method is refused by another) and a position (the last storage id
 * or the next index), in URL-safe Base64. Clients pass back the {@code next} they got and never
 * build one. Stateless.
 */
final class Cursor {
    private static final int BYTES = 1 + Long.BYTES;

    /** Kind of {@code address_outputs} pages: the position is the last storage id returned. */
    static final byte OUTPUTS = 'o';
    /** Kind of {@code chain_block} transaction pages: the position is the next index. */
    static final byte BLOCK_TRANSACTIONS = 'b';
    /** Kind of {@code evidence_list} pages: the position is the last evidence's position returned. */
    static final byte EVIDENCE = 'e';

    private Cursor() {}

    static String encode(byte kind, long position) {
        ByteBuffer b = ByteBuffer.allocate(BYTES).put(kind).putLong(position);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The position in {@code params}' {@code cursor}, if given; a cursor of another kind is refused. */
    static Optional<Long> read(Params params, String method, byte kind) {
        return params.optionalText("cursor").map(text -> {
            byte[] raw;
            try {
                raw = Base64.getUrlDecoder().decode(text.strip());
            } catch (IllegalArgumentException e) {
                raw = new byte[0];
            }
            ByteBuffer b = ByteBuffer.wrap(raw);
            if (raw.length != BYTES || b.get() != kind || b.getLong() < 0) {
                throw Params.invalid(
                        Reason.MALFORMED,
                        "'cursor' is not one " + method
                                + " returned; pass the 'next' of the previous page unchanged, or leave it out for the first page.");
            }
            return b.getLong(1);
        });
    }
}
