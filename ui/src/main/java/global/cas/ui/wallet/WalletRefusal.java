package global.cas.ui.wallet;

import java.util.List;

/**
 * A refusal the wallet screens make themselves, beside the engine's reason codes: its message is a
 * key of the wallet bundle with arguments, shown translated by {@link WalletText#explain}.
 */
public final class WalletRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The node is still opening its database. */
    public static final String NODE_NOT_READY = "wallet.error.nodeNotReady";

    /** The fee would be larger than the amount sent. */
    public static final String FEE_ABOVE_AMOUNT = "wallet.send.error.feeAboveAmount";

    /** An account name that is blank, too long or holds control characters; arg: the longest. */
    public static final String ACCOUNT_LABEL = "wallet.account.labelInvalid";

    /** Every address derived ahead was handed out: deriving more needs the password. */
    public static final String POOL_EMPTY = "wallet.receive.poolEmpty";

    private final String key;
    private final transient List<Object> args;

    public WalletRefusal(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
