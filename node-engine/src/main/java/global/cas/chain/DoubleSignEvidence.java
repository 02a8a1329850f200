package global.cas.chain;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The proof that one validator signed two different votes of one kind for one height and round
 * (C4): the validator's index in the set of that height and both values with the timestamp and
 * signature each vote carried, as {@link VoteKind#signBytes} gave them. Anyone checks it with the
 * validator's key alone. Its canonical form has the smaller value first ({@link #of} orders them);
 * the rules of a block ({@link EvidenceRules}) refuse any other form, so one double sign has one
 * encoding and one {@link #hash}. The record itself holds any values, so that tests and tools can
 * build evidence that does not hold. Immutable.
 */
public record DoubleSignEvidence(long height, int round, VoteKind kind, int validator, Signed first, Signed second) {
    /** At most this many pieces of evidence in one block. */
    public static final int MAX_PER_BLOCK = 64;

    /**
     * A block records evidence of a double sign at most this many heights after it: older evidence
     * is refused, so the record of what was recorded only needs the heights of this window.
     */
    public static final long MAX_AGE_HEIGHTS = 100_000;

    /** Encoded size: kind, height, round, validator, then value, timestamp and signature twice. */
    public static final int ENCODED_BYTES = 1 + 8 + 4 + 4 + 2 * (Hash.LENGTH + 8 + Signature.LENGTH);

    private static final byte[] DOMAIN = "CAS double sign".getBytes(StandardCharsets.US_ASCII);

    /** One of the two votes: the value voted for (zero for nil), its timestamp and its signature. */
    public record Signed(Hash value, long timestamp, Signature signature) {}

    /** What makes evidence the same double sign: one validator's slot. */
    public record Key(long height, int round, VoteKind kind, int validator) {}

    public DoubleSignEvidence {
        if (height < 1 || round < 0 || validator < 0) {
            throw new IllegalArgumentException(
                    "evidence has a height of 1 or more, a round and a validator of 0 or more");
        }
    }

    /** The evidence of two votes, in canonical order (the smaller value first). */
    public static DoubleSignEvidence of(long height, int round, VoteKind kind, int validator, Signed a, Signed b) {
        return a.value().compareTo(b.value()) <= 0
                ? new DoubleSignEvidence(height, round, kind, validator, a, b)
                : new DoubleSignEvidence(height, round, kind, validator, b, a);
    }

    public Key key() {
        return new Key(height, round, kind, validator);
    }

    /** Whether the two values differ and come in canonical order. */
    public boolean canonical() {
        return first.value().compareTo(second.value()) < 0;
    }

    /** Whether both votes are signed by {@code key} for chain {@code chainId}. */
    public boolean verify(String chainId, PublicKey key) {
        return verifies(chainId, key, first) && verifies(chainId, key, second);
    }

    private boolean verifies(String chainId, PublicKey key, Signed s) {
        return key.verify(kind.signBytes(chainId, height, round, s.value(), s.timestamp()), s.signature());
    }

    public void encode(Encoder e) {
        e.u8(kind.code()).u64(height).u32(round).u32(validator);
        for (Signed s : List.of(first, second)) {
            e.hash(s.value()).u64(s.timestamp()).signature(s.signature());
        }
    }

    public byte[] encoded() {
        Encoder e = new Encoder(ENCODED_BYTES);
        encode(e);
        return e.toBytes();
    }

    /**
     * Reads evidence; an unknown kind, a height below 1 or a negative round or validator is
     * malformed. Whether it holds is for {@link EvidenceRules}.
     */
    public static DoubleSignEvidence decode(Decoder d) {
        int code = d.u8();
        VoteKind kind = VoteKind.ofCode(code).orElseThrow(() -> Decoder.malformed("unknown vote kind " + code));
        long height = d.u64();
        int round = d.u32();
        int validator = d.u32();
        Signed first = new Signed(d.hash(), d.u64(), d.signature());
        Signed second = new Signed(d.hash(), d.u64(), d.signature());
        if (height < 1 || round < 0 || validator < 0) {
            throw Decoder.malformed("evidence height, round or validator out of range");
        }
        return new DoubleSignEvidence(height, round, kind, validator, first, second);
    }

    /** Reads evidence that fills {@code bytes} exactly. */
    public static DoubleSignEvidence decode(byte[] bytes) {
        Decoder d = new Decoder(bytes);
        DoubleSignEvidence e = decode(d);
        d.finish();
        return e;
    }

    /** SHA-256("CAS double sign" ‖ encoding): the evidence's id. */
    public Hash hash() {
        return Hash.sha256(DOMAIN, encoded());
    }

    /**
     * The header's evidence hash of {@code evidence}: the Merkle root of their hashes, in block
     * order ({@link BlockHeader#NO_EVIDENCE} for none).
     */
    public static Hash root(List<DoubleSignEvidence> evidence) {
        List<Hash> leaves = new ArrayList<>(evidence.size());
        for (DoubleSignEvidence e : evidence) {
            leaves.add(e.hash());
        }
        return MerkleTree.root(leaves);
    }

    @Override
    public String toString() {
        return "DoubleSign(" + kind + " h" + height + " r" + round + " v" + validator + ")";
    }
}
