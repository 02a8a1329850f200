package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import java.util.List;

/**
 * G5: the signer's ballot in election {@code election}: each chosen candidate's share of its
 * weight in basis points. A later ballot replaces the earlier one; no shares withdraws the vote
 * (G2). The governance module checks that the shares sum to 10,000 and name no candidate twice.
 */
public record ElectionBallot(long election, List<Share> shares) implements GovernanceAction {
    public static final int TAG = 5;

    /** The most candidates one ballot may name. */
    public static final int MAX_SHARES = 100;

    public record Share(Address candidate, int basisPoints) {}

    public ElectionBallot {
        shares = List.copyOf(shares);
    }

    /** Whether this ballot withdraws the signer's vote. */
    public boolean withdraws() {
        return shares.isEmpty();
    }

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "election_ballot";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.u64(election);
        e.list(shares, (enc, s) -> enc.address(s.candidate()).u32(s.basisPoints()));
    }

    static ElectionBallot read(Decoder d) {
        long election = d.u64();
        return new ElectionBallot(election, d.list(MAX_SHARES, x -> new Share(x.address(), x.u32())));
    }
}
