package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;

/** G20: a committee member approves the reserve spend {@code spend} another member asked for. */
public record ReserveSpendApproval(Hash spend) implements GovernanceAction {
    public static final int TAG = 14;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "reserve_spend_approval";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.hash(spend);
    }

    static ReserveSpendApproval read(Decoder d) {
        return new ReserveSpendApproval(d.hash());
    }
}
