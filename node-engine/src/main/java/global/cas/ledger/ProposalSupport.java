package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;

/** G32: the signer supports proposal {@code proposal}, or withdraws its support. */
public record ProposalSupport(Hash proposal, boolean withdraw) implements GovernanceAction {
    public static final int TAG = 7;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "proposal_support";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.hash(proposal).u8(withdraw ? 1 : 0);
    }

    static ProposalSupport read(Decoder d) {
        Hash p = d.hash();
        int w = d.u8();
        if (w > 1) {
            throw Decoder.malformed("a support's withdraw flag is 0 or 1");
        }
        return new ProposalSupport(p, w == 1);
    }
}
