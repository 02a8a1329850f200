package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;

/**
 * A transaction: one of a closed set of kinds, each with its own validation and application. New
 * kinds (governance, tokens) are added as new permitted records and new cases in the rule
 * switches. Every kind carries a chain id and an expiry height (L4).
 *
 * <p>The id is SHA-256 of the signed body (everything but the witnesses), so a signature cannot
 * change the id (U3). The wire form is a kind tag followed by the kind's fields.
 */
public sealed interface Transaction permits Transfer, MiningProof {
    /** Largest encoded transaction accepted anywhere. */
    int MAX_BYTES = 100_000;

    String chainId();

    /** Last block height at which this transaction may be included (L4). */
    long expiryHeight();

    /** The hash of the signed body. */
    Hash id();

    /** The canonical body that the id hashes and witnesses sign. */
    byte[] body();

    /** The full wire encoding, witnesses included. */
    byte[] encoded();

    default int size() {
        return encoded().length;
    }

    /** Decodes a whole transaction, rejecting oversize, truncated, malformed or trailing bytes. */
    static Transaction decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new RejectedException(
                    Reason.OVERSIZE,
                    "A transaction may have at most " + MAX_BYTES + " bytes, this one has " + bytes.length + ".");
        }
        Decoder d = new Decoder(bytes);
        Transaction tx = read(d);
        d.finish();
        return tx;
    }

    static Transaction read(Decoder d) {
        int kind = d.u8();
        return switch (kind) {
            case Transfer.KIND -> Transfer.read(d);
            case MiningProof.KIND -> MiningProof.read(d);
            default -> throw Decoder.malformed("unknown transaction kind " + kind);
        };
    }

    static void write(Encoder e, Transaction tx) {
        e.fixed(tx.encoded());
    }
}
