package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import java.util.Optional;

/**
 * G20: a committee member asks that the committee reserve pay {@code amount} to {@code recipient}
 * for one of its two purposes: {@link #OPERATIONS} (the infrastructure's operating costs, the memo
 * saying what for) or {@link #LIQUIDITY} (liquidity for the token issuance {@code issuance}, on its
 * issuer's request, T12). Asking approves it; it is paid, by the governance module, in the block
 * where more than half of all seated members approved it ({@link ReserveSpendApproval}). Named by
 * the transaction's id.
 */
public record ReserveSpend(int purpose, Address recipient, long amount, String memo, Optional<Hash> issuance)
        implements GovernanceAction {
    public static final int TAG = 13;
    public static final int OPERATIONS = 0;
    public static final int LIQUIDITY = 1;
    public static final int MAX_MEMO = 2_000;

    public ReserveSpend {
        memo = memo == null ? "" : memo;
        issuance = issuance == null ? Optional.empty() : issuance;
    }

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "reserve_spend";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.u8(purpose).address(recipient).u64(amount).string(memo);
        e.u8(issuance.isPresent() ? 1 : 0);
        issuance.ifPresent(e::hash);
    }

    static ReserveSpend read(Decoder d) {
        int purpose = d.u8();
        Address to = d.address();
        long amount = d.u64();
        String memo = d.string(MAX_MEMO);
        int flag = d.u8();
        if (flag > 1) {
            throw Decoder.malformed("a reserve spend names an issuance (1) or none (0)");
        }
        return new ReserveSpend(purpose, to, amount, memo, flag == 1 ? Optional.of(d.hash()) : Optional.empty());
    }
}
