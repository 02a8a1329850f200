package global.cas.governance;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;

/**
 * Which open vote a tally or ballot belongs to: an election (by number), a proposal's support or
 * a proposal's referendum (by the proposal's id). Immutable.
 *
 * @param kind {@link #ELECTION}, {@link #SUPPORT} or {@link #REFERENDUM}
 * @param subject the election number in the last 8 bytes, or the proposal id
 */
public record VoteId(int kind, Hash subject) {
    public static final int ELECTION = 0;
    public static final int SUPPORT = 1;
    public static final int REFERENDUM = 2;

    public VoteId {
        if (kind < ELECTION || kind > REFERENDUM) {
            throw new IllegalArgumentException("unknown vote kind " + kind);
        }
    }

    public static VoteId election(long number) {
        byte[] b = new byte[Hash.LENGTH];
        for (int i = 0; i < 8; i++) {
            b[Hash.LENGTH - 1 - i] = (byte) (number >>> (8 * i));
        }
        return new VoteId(ELECTION, Hash.of(b));
    }

    public static VoteId support(Hash proposal) {
        return new VoteId(SUPPORT, proposal);
    }

    public static VoteId referendum(Hash proposal) {
        return new VoteId(REFERENDUM, proposal);
    }

    /** The options a tally of this kind counts: candidates elsewhere, 1 for support, 3 for yes/no/abstain. */
    public int options() {
        return switch (kind) {
            case ELECTION -> 0;
            case SUPPORT -> 1;
            default -> 3;
        };
    }

    /** The election number of an election's vote. */
    public long electionNumber() {
        byte[] b = subject.bytes();
        long n = 0;
        for (int i = Hash.LENGTH - 8; i < Hash.LENGTH; i++) {
            n = (n << 8) | (b[i] & 0xff);
        }
        return n;
    }

    /** The vote as the RPC and the command line name it: {@code election:N}, {@code support:ID}, {@code referendum:ID}. */
    public String name() {
        return switch (kind) {
            case ELECTION -> "election:" + electionNumber();
            case SUPPORT -> "support:" + subject.hex();
            default -> "referendum:" + subject.hex();
        };
    }

    public void encode(Encoder e) {
        e.u8(kind).hash(subject);
    }

    public static VoteId decode(Decoder d) {
        int k = d.u8();
        if (k > REFERENDUM) {
            throw Decoder.malformed("unknown vote kind " + k);
        }
        return new VoteId(k, d.hash());
    }
}
