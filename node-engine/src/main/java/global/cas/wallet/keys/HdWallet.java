package global.cas.wallet.keys;

import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keys of one recovery phrase plus mnemonic passphrase: key {@code (account, index)} is the
 * SLIP-0010 Ed25519 key at {@code m/44'/2026'/account'/0'/index'} of the BIP39 seed. A wallet has
 * any number of accounts, each with any number of addresses; the network only changes how an
 * address is written, not the keys.
 *
 * <p>The <em>mnemonic passphrase</em> (BIP39's optional "25th word") is an input of the keys:
 * the same words with another passphrase give a different wallet with different addresses, and
 * the funds can only be recovered with both. The <em>wallet password</em> plays no part here; it
 * only encrypts the keystore file on this computer ({@link Keystore}).
 *
 * <p>Holds the private key of the path {@code m/44'/2026'} in memory. Immutable and thread-safe;
 * {@link #toString()} shows nothing secret.
 */
public final class HdWallet {
    private final ExtendedKey coinRoot;

    private HdWallet(ExtendedKey coinRoot) {
        this.coinRoot = coinRoot;
    }

    /** The wallet of {@code mnemonic} with the mnemonic passphrase {@code passphrase} ("" for none). */
    public static HdWallet fromMnemonic(Mnemonic mnemonic, String passphrase) {
        byte[] seed = mnemonic.toSeed(passphrase);
        try {
            return fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The wallet of a 64-byte BIP39 seed. */
    public static HdWallet fromSeed(byte[] seed) {
        ExtendedKey root =
                Slip10.master(seed).deriveHardened(DerivationPath.PURPOSE).deriveHardened(DerivationPath.CAS_COIN_TYPE);
        return new HdWallet(root);
    }

    /**
     * The key pair of address {@code index} of account {@code account}.
     *
     * @throws IllegalArgumentException when either number is negative
     */
    public KeyPair key(int account, int index) {
        check(account, index);
        return coinRoot.deriveHardened(account)
                .deriveHardened(DerivationPath.CAS_CHAIN)
                .deriveHardened(index)
                .keyPair();
    }

    /** The address of {@link #key(int, int)}. */
    public Address address(int account, int index) {
        return key(account, index).address();
    }

    /** The first {@code count} addresses of {@code account}, index 0 first. */
    public List<Address> addresses(int account, int count) {
        check(account, count);
        ExtendedKey chain = coinRoot.deriveHardened(account).deriveHardened(DerivationPath.CAS_CHAIN);
        List<Address> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(chain.deriveHardened(i).keyPair().address());
        }
        return List.copyOf(out);
    }

    /** The derivation path of {@link #key(int, int)}. */
    public static DerivationPath path(int account, int index) {
        return DerivationPath.cas(account, index);
    }

    private static void check(int account, int index) {
        if (account < 0 || index < 0) {
            throw new IllegalArgumentException("account and index are numbers from 0 to 2147483647");
        }
    }

    @Override
    public String toString() {
        return "HdWallet[m/44'/2026']";
    }
}
