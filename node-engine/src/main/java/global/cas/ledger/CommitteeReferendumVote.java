package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;

/**
 * G11: a committee member's internal vote on how the reserve votes in the referendum of {@code
 * proposal}: 0 yes, 1 no, 2 abstain, or {@link #WITHDRAW}; the latest counts until the close.
 */
public record CommitteeReferendumVote(Hash proposal, int choice) implements GovernanceAction {
    public static final int TAG = 9;
    public static final int WITHDRAW = 3;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "committee_referendum_vote";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.hash(proposal).u8(choice);
    }

    static CommitteeReferendumVote read(Decoder d) {
        Hash p = d.hash();
        int c = d.u8();
        if (c > WITHDRAW) {
            throw Decoder.malformed("a committee vote is 0 (yes), 1 (no), 2 (abstain) or 3 (withdraw)");
        }
        return new CommitteeReferendumVote(p, c);
    }
}
