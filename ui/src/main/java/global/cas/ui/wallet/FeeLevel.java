package global.cas.ui.wallet;

import global.cas.ledger.Amounts;

/** The fee rates offered when sending, as multiples of the chain's minimum fee per byte. */
public enum FeeLevel {
    MINIMUM(1),
    NORMAL(2),
    FAST(5);

    private final long multiple;

    FeeLevel(long multiple) {
        this.multiple = multiple;
    }

    /** Base units per byte at this level on a chain whose minimum is {@code minFeePerByte}. */
    public long rate(long minFeePerByte) {
        return Amounts.multiply(minFeePerByte, multiple);
    }

    public long multiple() {
        return multiple;
    }

    /** The key of this level's name in the wallet bundle. */
    public String messageKey() {
        return "wallet.fee." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
