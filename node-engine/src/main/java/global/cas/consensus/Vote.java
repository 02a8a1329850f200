package global.cas.consensus;

import global.cas.chain.DoubleSignEvidence;
import global.cas.chain.Precommit;
import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;

/**
 * A signed prevote or precommit of one validator (named by its index in the set of the height) for
 * a block hash, or for nothing ({@link #NIL}). A precommit signs exactly what a {@link Precommit} of
 * a commit signs, so the precommits gossiped are the commit stored with the block (C3). The
 * timestamp (milliseconds) is what the block time is the median of (C5). Immutable.
 */
public record Vote(
        VoteType type, long height, int round, Hash value, long timestamp, int validator, Signature signature) {
    /** The value of a vote for no block. */
    public static final Hash NIL = Hash.ZERO;

    /** Encoded size: type, height, round, value, timestamp, validator, signature. */
    public static final int ENCODED_BYTES = 1 + 8 + 4 + Hash.LENGTH + 8 + 4 + 64;

    public Vote {
        if (height < 1 || round < 0 || validator < 0) {
            throw new IllegalArgumentException(
                    "a vote has a height of 1 or more, a round and a validator of 0 or more");
        }
    }

    public boolean isNil() {
        return value.equals(NIL);
    }

    /**
     * What the validator signs: the chain's canonical vote encoding ({@link
     * global.cas.chain.VoteKind#signBytes}), so a vote's signature also checks as evidence on chain
     * (C4).
     */
    public static byte[] signBytes(String chainId, VoteType type, long height, int round, Hash value, long timestamp) {
        return type.kind().signBytes(chainId, height, round, value, timestamp);
    }

    public static Vote sign(
            KeyPair key,
            String chainId,
            VoteType type,
            long height,
            int round,
            Hash value,
            long timestamp,
            int validator) {
        Signature s = key.sign(signBytes(chainId, type, height, round, value, timestamp));
        return new Vote(type, height, round, value, timestamp, validator, s);
    }

    public boolean verify(String chainId, PublicKey key) {
        return key.verify(signBytes(chainId, type, height, round, value, timestamp), signature);
    }

    /** This precommit as it is kept in a commit. */
    public Precommit precommit() {
        if (type != VoteType.PRECOMMIT) {
            throw new IllegalStateException("only a precommit goes in a commit");
        }
        return new Precommit(validator, timestamp, signature);
    }

    /**
     * The evidence on chain (C4) that this vote and {@code other}, the same validator's for the same
     * slot and another value, are a double sign.
     *
     * @throws IllegalArgumentException when they are not of one slot or vote for one value
     */
    public DoubleSignEvidence evidenceWith(Vote other) {
        if (!sameSlot(other) || value.equals(other.value)) {
            throw new IllegalArgumentException(this + " and " + other + " are no double sign");
        }
        return DoubleSignEvidence.of(
                height,
                round,
                type.kind(),
                validator,
                new DoubleSignEvidence.Signed(value, timestamp, signature),
                new DoubleSignEvidence.Signed(other.value, other.timestamp, other.signature));
    }

    /** Whether {@code other} is the same validator's vote of the same kind, height and round. */
    public boolean sameSlot(Vote other) {
        return type == other.type && height == other.height && round == other.round && validator == other.validator;
    }

    public void encode(Encoder e) {
        e.u8(type.code())
                .u64(height)
                .u32(round)
                .hash(value)
                .u64(timestamp)
                .u32(validator)
                .signature(signature);
    }

    public static Vote decode(Decoder d) {
        int code = d.u8();
        VoteType type = VoteType.ofCode(code).orElseThrow(() -> Decoder.malformed("unknown vote type " + code));
        long height = d.u64();
        int round = d.u32();
        Hash value = d.hash();
        long timestamp = d.u64();
        int validator = d.u32();
        Signature signature = d.signature();
        if (height < 1 || round < 0 || validator < 0) {
            throw Decoder.malformed("vote height, round or validator out of range");
        }
        return new Vote(type, height, round, value, timestamp, validator, signature);
    }

    @Override
    public String toString() {
        return type + "(h" + height + " r" + round + " v" + validator + " "
                + (isNil() ? "nil" : value.hex().substring(0, 8)) + ")";
    }
}
