package global.cas.wallet.keys;

import global.cas.crypto.Address;
import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.AEADBadTagException;

/**
 * A keystore file as read by {@link Keystore#open}, still locked: its public metadata (network,
 * accounts, addresses) is available at once, the keys only after {@link #unlock}. A snapshot of
 * the file at the time it was opened. Immutable and thread-safe.
 */
public final class KeystoreFile {
    private final Keystore keystore;
    private final Path path;
    private final KeystoreDocument doc;

    KeystoreFile(Keystore keystore, Path path, KeystoreDocument doc) {
        this.keystore = keystore;
        this.path = path;
        this.doc = doc;
    }

    public Path path() {
        return path;
    }

    /** The public metadata: network, accounts, labels and addresses. Needs no password. */
    public WalletInfo info() {
        return doc.info();
    }

    public Network network() {
        return doc.info().network();
    }

    /** The Argon2id parameters this file was written with. */
    public KdfParams kdfParams() {
        return doc.kdf();
    }

    /**
     * Decrypts the wallet with the wallet password (not the mnemonic passphrase) and checks that the
     * public metadata was not changed and that its addresses belong to its keys.
     *
     * @throws RejectedException {@code WRONG_PASSWORD} ("The wallet password is wrong.") for a wrong
     *     password; {@code MALFORMED} when the file was altered or damaged
     */
    public UnlockedWallet unlock(char[] password) {
        KeystoreCrypto.Keys keys = KeystoreCrypto.derive(password, doc.salt(), doc.kdf());
        boolean unlocked = false;
        try {
            if (!MessageDigest.isEqual(keys.passwordCheck(), doc.passwordCheck())) {
                throw new RejectedException(Reason.WRONG_PASSWORD, "The wallet password is wrong.");
            }
            byte[] plaintext;
            try {
                plaintext = KeystoreCrypto.decrypt(
                        keys.encryptionKey(), doc.nonce(), doc.ciphertext(), doc.associatedData());
            } catch (AEADBadTagException e) {
                throw altered("its sealed part does not match its public part");
            }
            WalletSecret secret = WalletSecret.decode(plaintext);
            HdWallet hd = HdWallet.fromMnemonic(secret.mnemonic(), secret.passphrase());
            for (AccountInfo a : doc.info().accounts()) {
                List<Address> derived = hd.addresses(a.index(), a.derived().size());
                if (!derived.equals(a.derived())) {
                    secret.wipe();
                    throw altered("the addresses of account " + a.index() + " do not belong to its keys");
                }
            }
            UnlockedWallet wallet = new UnlockedWallet(keystore, path, doc, keys.encryptionKey(), secret, hd);
            unlocked = true;
            return wallet;
        } finally {
            if (!unlocked) {
                keys.wipe();
            }
        }
    }

    /**
     * Hands out the next pooled address of {@code account} without the password ({@link
     * Keystore#issueAddress}); reads the file as it is now on disk.
     *
     * @return the file as now written, its new address last in {@code
     *     info().account(account).addresses()}; empty when the pool is used up
     */
    public java.util.Optional<KeystoreFile> issueAddress(int account) throws java.io.IOException {
        return keystore.issueAddress(path, account);
    }

    private RejectedException altered(String why) {
        return new RejectedException(
                Reason.MALFORMED, "The wallet file " + path.getFileName() + " was altered or damaged: " + why + ".");
    }

    @Override
    public String toString() {
        return "KeystoreFile[" + path + ", " + network().id() + ", "
                + doc.info().accounts().size() + " accounts]";
    }
}
