package global.cas.consensus;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;
import java.nio.charset.StandardCharsets;

/**
 * The proposer's signed proposal of a block hash for a height and round. {@code polRound} is the
 * round in which more than two thirds prevoted this block (a proof of lock, so locked validators
 * may prevote it again), or -1. The block itself travels beside it. Immutable.
 */
public record Proposal(long height, int round, Hash value, int polRound, int proposer, Signature signature) {
    private static final byte[] DOMAIN = "CAS proposal".getBytes(StandardCharsets.US_ASCII);

    public Proposal {
        if (height < 1 || round < 0 || proposer < 0 || polRound < -1 || polRound >= round) {
            throw new IllegalArgumentException("a proposal has height >= 1, round >= 0, -1 <= polRound < round");
        }
        if (value.equals(Vote.NIL)) {
            throw new IllegalArgumentException("a proposal names a block");
        }
    }

    public static byte[] signBytes(String chainId, long height, int round, Hash value, int polRound) {
        Encoder e = new Encoder(96);
        e.fixed(DOMAIN).string(chainId).u64(height).u32(round).hash(value).u32(polRound);
        return e.toBytes();
    }

    public static Proposal sign(
            KeyPair key, String chainId, long height, int round, Hash value, int polRound, int proposer) {
        return new Proposal(
                height, round, value, polRound, proposer, key.sign(signBytes(chainId, height, round, value, polRound)));
    }

    public boolean verify(String chainId, PublicKey key) {
        return key.verify(signBytes(chainId, height, round, value, polRound), signature);
    }

    public void encode(Encoder e) {
        e.u64(height).u32(round).hash(value).u32(polRound).u32(proposer).signature(signature);
    }

    public static Proposal decode(Decoder d) {
        long height = d.u64();
        int round = d.u32();
        Hash value = d.hash();
        int polRound = d.u32();
        int proposer = d.u32();
        Signature signature = d.signature();
        try {
            return new Proposal(height, round, value, polRound, proposer, signature);
        } catch (IllegalArgumentException e) {
            throw Decoder.malformed(e.getMessage());
        }
    }
}
