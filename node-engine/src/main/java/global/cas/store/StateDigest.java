package global.cas.store;

import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.ledger.LedgerDelta;
import global.cas.ledger.UnspentOutput;
import java.nio.charset.StandardCharsets;

/**
 * An order-independent digest of a set of unspent outputs: the sum, modulo 2^256, of the SHA-256 of
 * each output (domain, storage id, reference, owner, asset, amount). Adding an output and removing
 * it again gives the digest back, so the store keeps it up to date per block from the block's
 * {@link LedgerDelta} (cost: one hash per output created or spent), and a node opening its data
 * recomputes it from the outputs it loads. Any change to a stored unspent output, or one missing or
 * extra, changes the digest.
 *
 * <p>Why not the state root: the header's state root (C6) chains the digests of every block's
 * changes, so only a replay of every block recomputes it; this digest is the tip's state itself.
 * It detects accidental damage, not forgery (whoever can rewrite the database can rewrite the digest
 * beside it). Immutable.
 */
public final class StateDigest {
    private static final byte[] DOMAIN = "CAS unspent".getBytes(StandardCharsets.US_ASCII);

    /** The digest of no outputs. */
    public static final StateDigest EMPTY = new StateDigest(new long[4]);

    /** Four 64-bit limbs, most significant first. */
    private final long[] limbs;

    private StateDigest(long[] limbs) {
        this.limbs = limbs;
    }

    /** The digest stored as {@code hash}'s 32 bytes. */
    public static StateDigest of(Hash hash) {
        byte[] b = hash.bytes();
        long[] l = new long[4];
        for (int i = 0; i < 4; i++) {
            long v = 0;
            for (int j = 0; j < 8; j++) {
                v = (v << 8) | (b[i * 8 + j] & 0xff);
            }
            l[i] = v;
        }
        return new StateDigest(l);
    }

    /** The digest as 32 bytes, for storage. */
    public Hash value() {
        byte[] b = new byte[32];
        for (int i = 0; i < 4; i++) {
            long v = limbs[i];
            for (int j = 7; j >= 0; j--) {
                b[i * 8 + j] = (byte) v;
                v >>>= 8;
            }
        }
        return Hash.of(b);
    }

    public StateDigest plus(UnspentOutput u) {
        return add(of(hash(u)).limbs, false);
    }

    public StateDigest minus(UnspentOutput u) {
        return add(of(hash(u)).limbs, true);
    }

    /** The digest after a block: its created outputs added, its spent outputs removed. */
    public StateDigest after(LedgerDelta delta) {
        StateDigest d = this;
        for (UnspentOutput u : delta.created()) {
            d = d.plus(u);
        }
        for (UnspentOutput u : delta.spent()) {
            d = d.minus(u);
        }
        return d;
    }

    private StateDigest add(long[] other, boolean subtract) {
        long[] r = new long[4];
        long carry = subtract ? 1 : 0; // a - b = a + ~b + 1 (mod 2^256)
        for (int i = 3; i >= 0; i--) {
            long a = limbs[i];
            long b = subtract ? ~other[i] : other[i];
            long s = a + b;
            long c1 = Long.compareUnsigned(s, a) < 0 ? 1 : 0;
            long t = s + carry;
            long c2 = Long.compareUnsigned(t, s) < 0 ? 1 : 0;
            r[i] = t;
            carry = c1 | c2;
        }
        return new StateDigest(r);
    }

    private static Hash hash(UnspentOutput u) {
        Encoder e = new Encoder(96);
        e.fixed(DOMAIN).u64(u.storageId());
        u.ref().encode(e);
        u.output().encode(e);
        return Hash.sha256(e.toBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateDigest d && java.util.Arrays.equals(limbs, d.limbs);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(limbs);
    }

    @Override
    public String toString() {
        return value().hex();
    }
}
