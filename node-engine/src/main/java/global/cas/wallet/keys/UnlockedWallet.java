package global.cas.wallet.keys;

import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An unlocked keystore file: the {@link HdWallet} that signs, the recovery words and mnemonic
 * passphrase (to show them again), and the operations that change the file. Adding an account or
 * an address derives it from the private keys and rewrites the file, re-sealing the public
 * metadata with the key kept in memory since unlocking, so no password is asked again.
 *
 * <p>The <b>wallet password</b> (see {@link #changePassword}) only encrypts the file; the
 * <b>mnemonic passphrase</b> ({@link #passphrase()}) is part of the keys and cannot be changed
 * without changing every address.
 *
 * <p>Thread-safe: methods are synchronized, and each change is written (atomically) before it is
 * visible. Two processes must not change the same file at once: the last write wins. {@link
 * #close()} wipes the key material it can; afterwards every method throws {@link
 * IllegalStateException}.
 */
public final class UnlockedWallet implements AutoCloseable {
    private final Keystore keystore;
    private final Path path;
    private final WalletSecret secret;
    private final HdWallet hd;
    private KeystoreDocument doc;
    private byte[] encryptionKey;
    private boolean closed;

    UnlockedWallet(
            Keystore keystore,
            Path path,
            KeystoreDocument doc,
            byte[] encryptionKey,
            WalletSecret secret,
            HdWallet hd) {
        this.keystore = keystore;
        this.path = path;
        this.doc = doc;
        this.encryptionKey = encryptionKey;
        this.secret = secret;
        this.hd = hd;
    }

    public Path path() {
        return path;
    }

    public synchronized Network network() {
        return doc.info().network();
    }

    /** The public metadata as currently written in the file. */
    public synchronized WalletInfo info() {
        open();
        return doc.info();
    }

    /** The keys of this wallet. */
    public synchronized HdWallet hdWallet() {
        open();
        return hd;
    }

    /** The key pair of address {@code index} of {@code account} (which need not be listed yet). */
    public synchronized KeyPair key(int account, int index) {
        open();
        return hd.key(account, index);
    }

    /** The recovery words, in the language they were created or restored in. */
    public synchronized Mnemonic mnemonic() {
        open();
        return secret.mnemonic();
    }

    /** The mnemonic passphrase ("25th word"), {@code ""} when none was set. */
    public synchronized String passphrase() {
        open();
        return secret.passphrase();
    }

    /**
     * Adds an account with the next number and its first address, and saves the file.
     *
     * @throws IllegalArgumentException for an invalid label ({@link AccountInfo#checkLabel})
     */
    public synchronized AccountInfo addAccount(String label) throws IOException {
        open();
        int index = doc.info().accounts().size();
        AccountInfo account = new AccountInfo(index, label, List.of(hd.address(index, 0)));
        save(doc.info().withAccount(account));
        return account;
    }

    /**
     * Derives the next address of {@code account}, lists it and saves the file.
     *
     * @throws IllegalArgumentException when the wallet has no such account
     */
    public synchronized Address addAddress(int account) throws IOException {
        open();
        AccountInfo a = existing(account);
        Address address = hd.address(account, a.addresses().size());
        save(doc.info().withAccount(a.withAddress(address)));
        return address;
    }

    /**
     * Changes the label of {@code account} and saves the file.
     *
     * @throws IllegalArgumentException when the wallet has no such account or the label is invalid
     */
    public synchronized AccountInfo renameAccount(int account, String label) throws IOException {
        open();
        AccountInfo renamed = existing(account).withLabel(label);
        save(doc.info().withAccount(renamed));
        return renamed;
    }

    /**
     * Re-encrypts the file under a new wallet password, with a new salt and the keystore's current
     * Argon2id parameters (so older files get stronger ones). Keys and addresses do not change.
     *
     * @throws IllegalArgumentException when the password is empty
     */
    public synchronized void changePassword(char[] newPassword) throws IOException {
        open();
        Keystore.requirePassword(newPassword);
        byte[] salt = keystore.randomBytes(KeystoreCrypto.SALT_LENGTH);
        KdfParams kdf = keystore.kdfParams();
        KeystoreCrypto.Keys keys = KeystoreCrypto.derive(newPassword, salt, kdf);
        KeystoreDocument next = keystore.seal(doc.info(), kdf, salt, keys, secret);
        keystore.write(path, next, false);
        Arrays.fill(encryptionKey, (byte) 0);
        encryptionKey = keys.encryptionKey();
        doc = next;
    }

    private void save(WalletInfo info) throws IOException {
        KeystoreCrypto.Keys keys = new KeystoreCrypto.Keys(encryptionKey, doc.passwordCheck());
        KeystoreDocument next = keystore.seal(info, doc.kdf(), doc.salt(), keys, secret);
        keystore.write(path, next, false);
        doc = next;
    }

    private AccountInfo existing(int account) {
        return doc.info()
                .account(account)
                .orElseThrow(() -> new IllegalArgumentException("the wallet has no account " + account));
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("the wallet was locked again (closed)");
        }
    }

    /** Forgets the file key and wipes the entropy; the wallet must be unlocked again to be used. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Arrays.fill(encryptionKey, (byte) 0);
            secret.wipe();
        }
    }

    @Override
    public String toString() {
        return "UnlockedWallet[" + path + "]";
    }
}
