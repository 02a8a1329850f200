package global.cas.chain;

import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The two votes of a consensus round and what a validator signs for each: the canonical sign bytes
 * live here, below consensus, so the chain checks a vote's signature in evidence (C4) with exactly
 * the bytes the consensus driver signed ({@code consensus.Vote} signs through this). A precommit
 * signs what a commit's {@link Precommit} signs (C3). The codes are the wire codes of {@code
 * consensus.VoteType}; they are stable.
 */
public enum VoteKind {
    PREVOTE(1),
    PRECOMMIT(2);

    private static final byte[] PREVOTE_DOMAIN = "CAS prevote".getBytes(StandardCharsets.US_ASCII);

    private final int code;

    VoteKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The kind with this code, or empty. */
    public static Optional<VoteKind> ofCode(int code) {
        for (VoteKind k : values()) {
            if (k.code == code) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * What a validator signs for a vote of this kind: the domain of the kind, the chain, height,
     * round, value (a block hash, or zero for nil) and the vote's timestamp.
     */
    public byte[] signBytes(String chainId, long height, int round, Hash value, long timestamp) {
        if (this == PRECOMMIT) {
            return Precommit.signBytes(chainId, height, round, value, timestamp);
        }
        Encoder e = new Encoder(128);
        e.fixed(PREVOTE_DOMAIN)
                .string(chainId)
                .u64(height)
                .u32(round)
                .hash(value)
                .u64(timestamp);
        return e.toBytes();
    }
}
