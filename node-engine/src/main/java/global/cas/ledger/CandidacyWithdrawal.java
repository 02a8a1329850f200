package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;

/** G4: the signer withdraws its candidacy in election {@code election}, before the close. */
public record CandidacyWithdrawal(long election) implements GovernanceAction {
    public static final int TAG = 4;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "candidacy_withdrawal";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.u64(election);
    }

    static CandidacyWithdrawal read(Decoder d) {
        return new CandidacyWithdrawal(d.u64());
    }
}
