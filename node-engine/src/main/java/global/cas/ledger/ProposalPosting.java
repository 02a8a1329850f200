package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import java.util.List;

/**
 * G30, G31: the signer posts a proposal: its title, text, kind (the code of {@code
 * global.cas.governance.ProposalKind}), for a {@code parameter} proposal the exact changes, and the
 * length of its referendum in days (G35). The proposal is named by the transaction's id.
 */
public record ProposalPosting(String title, String text, int kind, List<Change> changes, int referendumDays)
        implements GovernanceAction {
    public static final int TAG = 6;
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 32_000;
    public static final int MAX_CHANGES = 32;
    /** A parameter's name, or {@code validator:} and a public key in hex (74 bytes). */
    public static final int MAX_NAME = 80;

    /** One parameter set to a new value. */
    public record Change(String name, long value) {}

    public ProposalPosting {
        changes = List.copyOf(changes);
    }

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "proposal";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.string(title).string(text).u8(kind);
        e.list(changes, (enc, c) -> enc.string(c.name()).u64(c.value()));
        e.u32(referendumDays);
    }

    static ProposalPosting read(Decoder d) {
        String title = d.string(MAX_TITLE);
        String text = d.string(MAX_TEXT);
        int kind = d.u8();
        List<Change> changes = d.list(MAX_CHANGES, x -> new Change(x.string(MAX_NAME), x.u64()));
        return new ProposalPosting(title, text, kind, changes, d.u32());
    }
}
