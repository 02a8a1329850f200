package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;

/** G12: a committee member approves (signs) the drafted statement {@code statement}. */
public record StatementApproval(Hash statement) implements GovernanceAction {
    public static final int TAG = 12;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "statement_approval";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.hash(statement);
    }

    static StatementApproval read(Decoder d) {
        return new StatementApproval(d.hash());
    }
}
