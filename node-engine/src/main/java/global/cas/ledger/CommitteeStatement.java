package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;

/**
 * G12: a committee member drafts a statement (0 support, 1 advocacy, 2 reservation, 3 opposition,
 * 4 condemnation) about a proposal ({@code aboutProposal}, by id) or a participant (an address, in
 * the last 20 bytes of {@code subject}), with text; drafting approves it. It is published once more
 * than half of all seated members approved it ({@link StatementApproval}). Named by the
 * transaction's id.
 */
public record CommitteeStatement(int kind, boolean aboutProposal, Hash subject, String text)
        implements GovernanceAction {
    public static final int TAG = 11;
    public static final int MAX_TEXT = 16_000;
    public static final int KINDS = 5;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "committee_statement";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.u8(kind).u8(aboutProposal ? 1 : 0).hash(subject).string(text);
    }

    static CommitteeStatement read(Decoder d) {
        int kind = d.u8();
        int about = d.u8();
        if (kind >= KINDS || about > 1) {
            throw Decoder.malformed("a statement's kind is 0 to 4 and its subject a proposal (1) or a participant (0)");
        }
        return new CommitteeStatement(kind, about == 1, d.hash(), d.string(MAX_TEXT));
    }
}
