package global.cas.app.network;

import global.cas.crypto.KeyPair;
import global.cas.wallet.keys.DevnetAccounts;
import global.cas.wallet.keys.HdWallet;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.WordList;

/**
 * The keys of the bundled testnet's validators: account {@value #ACCOUNT}, addresses 0 to {@value
 * #COUNT}−1 ({@code m/44'/2026'/1001'/0'/i'}) of the public test phrase {@link
 * DevnetAccounts#MNEMONIC}, as the devnet's validator is account 1000 of it. Everyone knows them, so
 * the testnet is a network for trying and testing, worth nothing: anyone can run its validators
 * (and sign for them). Immutable; thread-safe.
 */
public final class TestnetValidators {
    /** The account of the test phrase whose first addresses are the testnet validators. */
    public static final int ACCOUNT = 1001;
    /** How many validators the bundled testnet genesis names. */
    public static final int COUNT = 4;

    private final HdWallet wallet;

    public TestnetValidators() {
        this.wallet =
                HdWallet.fromMnemonic(Mnemonic.parse(DevnetAccounts.MNEMONIC, WordList.load(Language.ENGLISH)), "");
    }

    /** Validator {@code i} (0 to {@value #COUNT}−1), in genesis order. */
    public KeyPair key(int i) {
        if (i < 0 || i >= COUNT) {
            throw new IllegalArgumentException("the testnet validators are 0.." + (COUNT - 1) + ", not " + i);
        }
        return wallet.key(ACCOUNT, i);
    }
}
