package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;

/**
 * G35: the signer's vote in the referendum of proposal {@code proposal}: {@code choice} 0 yes, 1
 * no, 2 abstain, or {@link #WITHDRAW}. A later vote replaces the earlier one (G2).
 */
public record ReferendumBallot(Hash proposal, int choice) implements GovernanceAction {
    public static final int TAG = 8;
    public static final int WITHDRAW = 3;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "referendum_ballot";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.hash(proposal).u8(choice);
    }

    static ReferendumBallot read(Decoder d) {
        Hash p = d.hash();
        int c = d.u8();
        if (c > WITHDRAW) {
            throw Decoder.malformed("a referendum choice is 0 (yes), 1 (no), 2 (abstain) or 3 (withdraw)");
        }
        return new ReferendumBallot(p, c);
    }
}
