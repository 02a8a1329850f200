package global.cas.wallet.keys;

import global.cas.crypto.KeyPair;
import java.util.ArrayList;
import java.util.List;

/**
 * The devnet's public keys. Everyone knows these words, so they are worth nothing anywhere but on
 * a private devnet: the devnet genesis gives its sale allocation to the first {@link
 * #FAUCET_ACCOUNTS} addresses of account 0, and its only validator is account 1000, address 0.
 * Restoring these words in the wallet gives a person devnet coins to try everything with.
 */
public final class DevnetAccounts {
    /** The BIP39 all-zero-entropy test phrase (24 words). */
    public static final String MNEMONIC =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon "
                    + "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art";

    public static final int FAUCET_ACCOUNTS = 10;
    public static final int VALIDATOR_ACCOUNT = 1000;

    private final HdWallet wallet;

    public DevnetAccounts() {
        this.wallet = HdWallet.fromMnemonic(Mnemonic.parse(MNEMONIC, WordList.load(Language.ENGLISH)), "");
    }

    public KeyPair validatorKey() {
        return wallet.key(VALIDATOR_ACCOUNT, 0);
    }

    public KeyPair faucetKey(int i) {
        if (i < 0 || i >= FAUCET_ACCOUNTS) {
            throw new IllegalArgumentException("devnet faucet keys are 0.." + (FAUCET_ACCOUNTS - 1));
        }
        return wallet.key(0, i);
    }

    public List<KeyPair> faucetKeys() {
        List<KeyPair> out = new ArrayList<>();
        for (int i = 0; i < FAUCET_ACCOUNTS; i++) {
            out.add(faucetKey(i));
        }
        return out;
    }
}
