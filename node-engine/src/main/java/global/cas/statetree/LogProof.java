package global.cas.statetree;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.crypto.Sha256;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.List;

/**
 * An RFC 9162 inclusion proof (section 2.1.3): that the entry at {@code index} of an {@link
 * AppendLog} of {@code size} entries is a given leaf hash, checkable against that log's root alone
 * (the root binds the size, so a proof cannot move an entry to another index).
 * Immutable and thread-safe.
 *
 * <p>Encoding (U3, canonical): index and size as varints, then the path hashes, 32 bytes each; their
 * number follows from index and size, so it is not written.
 *
 * @param index the entry's position, from 0
 * @param size the number of entries of the log the proof is against
 * @param path the sibling hashes, leaf side first
 */
public record LogProof(long index, long size, List<Hash> path) {
    private static final byte[] LEAF = {0x00};
    private static final byte[] NODE = {0x01};
    /** Two 9-byte varints and 63 hashes. */
    private static final int MAX_ENCODED_BYTES = 18 + 63 * Hash.LENGTH;

    /** @throws IllegalArgumentException unless {@code 0 <= index < size} and the path has the length they imply */
    public LogProof {
        path = List.copyOf(path);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a log of " + size);
        }
        if (path.size() != pathLength(index, size)) {
            throw new IllegalArgumentException("entry " + index + " of " + size + " has a path of "
                    + pathLength(index, size) + " hashes, not " + path.size());
        }
    }

    /** The number of hashes in the path of entry {@code index} of {@code size}: RFC 9162's loop, counted. */
    static int pathLength(long index, long size) {
        long fn = index;
        long sn = size - 1;
        int n = 0;
        while (sn != 0) {
            if ((fn & 1) == 1 || fn == sn) {
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            }
            fn >>>= 1;
            sn >>>= 1;
            n++;
        }
        return n;
    }

    /** Whether this proves that entry {@link #index} of the log with this root is {@code leafHash}. */
    public boolean verify(Hash root, Hash leafHash) {
        long fn = index;
        long sn = size - 1;
        byte[] r = Sha256.digest(LEAF, leafHash.bytes());
        for (Hash p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Sha256.digest(NODE, p.bytes(), r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = Sha256.digest(NODE, r, p.bytes());
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && AppendLog.boundRoot(size, Hash.of(r)).equals(root);
    }

    /** The canonical encoding. */
    public byte[] encode() {
        Encoder e = new Encoder(20 + path.size() * Hash.LENGTH).varint(index).varint(size);
        path.forEach(e::hash);
        return e.toBytes();
    }

    /**
     * Reads a proof from its canonical encoding.
     *
     * @throws RejectedException {@code OVERSIZE}, {@code TRUNCATED} or {@code MALFORMED} for bytes that
     *     are not the canonical encoding of a proof (an index not below the size, trailing bytes)
     */
    public static LogProof decode(byte[] bytes) {
        if (bytes.length > MAX_ENCODED_BYTES) {
            throw new RejectedException(
                    Reason.OVERSIZE,
                    "A log proof has at most " + MAX_ENCODED_BYTES + " bytes, got " + bytes.length + ".");
        }
        Decoder d = new Decoder(bytes);
        long index = d.varint(Long.MAX_VALUE);
        long size = d.varint(Long.MAX_VALUE);
        if (index >= size) {
            throw Decoder.malformed("log proof index " + index + " is not below its size " + size);
        }
        int n = pathLength(index, size);
        Hash[] path = new Hash[n];
        for (int i = 0; i < n; i++) {
            path[i] = d.hash();
        }
        d.finish();
        return new LogProof(index, size, List.of(path));
    }
}
