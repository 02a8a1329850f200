package global.cas.wallet.keys;

import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.wallet.data.DataKey;
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
     * Adds an account with the next number, its first address and a pool of {@value
     * Keystore#POOL_SIZE} derived ahead, and saves the file.
     *
     * @throws IllegalArgumentException for an invalid label ({@link AccountInfo#checkLabel})
     */
    public synchronized AccountInfo addAccount(String label) throws IOException {
        open();
        int index = doc.info().accounts().size();
        List<Address> derived = hd.addresses(index, 1 + Keystore.POOL_SIZE);
        AccountInfo account = new AccountInfo(index, label, derived.subList(0, 1), derived.subList(1, derived.size()));
        save(doc.info().withAccount(account));
        return account;
    }

    /**
     * Hands out the next address of {@code account}: the first of its pool, or a newly derived one
     * when the pool is used up; tops the pool up again and saves the file.
     *
     * @throws IllegalArgumentException when the wallet has no such account
     */
    public synchronized Address addAddress(int account) throws IOException {
        open();
        AccountInfo a = existing(account);
        if (a.pool().isEmpty()) {
            a = a.withPooled(List.of(hd.address(account, a.addresses().size())));
        }
        AccountInfo issued = topUp(a.withIssued());
        save(doc.info().withAccount(issued));
        return issued.addresses().get(issued.addresses().size() - 1);
    }

    /**
     * Derives addresses ahead until every account has a pool of {@value Keystore#POOL_SIZE}, and
     * saves the file if anything was added. Done whenever the wallet is unlocked, so a locked
     * wallet can hand out addresses ({@link KeystoreFile#issueAddress}).
     *
     * @return true when the file was rewritten
     */
    public synchronized boolean topUpPool() throws IOException {
        open();
        WalletInfo info = doc.info();
        WalletInfo next = info;
        for (AccountInfo a : info.accounts()) {
            next = next.withAccount(topUp(a));
        }
        if (next.equals(info)) {
            return false;
        }
        save(next);
        return true;
    }

    private AccountInfo topUp(AccountInfo a) {
        int missing = Keystore.POOL_SIZE - a.pool().size();
        if (missing <= 0) {
            return a;
        }
        int from = a.derived().size();
        List<Address> more = new java.util.ArrayList<>(missing);
        for (int i = 0; i < missing; i++) {
            more.add(hd.address(a.index(), from + i));
        }
        return a.withPooled(more);
    }

    /**
     * The key of the wallet's data file, kept in the encrypted part of the keystore. A keystore of
     * an older version has none: one is made now and the file re-sealed with it. The caller closes
     * the returned copy.
     */
    public synchronized DataKey dataKey() throws IOException {
        open();
        java.util.Optional<DataKey> key = secret.dataKey();
        if (key.isPresent()) {
            return key.get();
        }
        save(doc.info());
        return secret.dataKey().orElseThrow(() -> new IllegalStateException("sealing adds a data key"));
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

    /**
     * Re-seals the file with {@code info}. An address handed out from the pool by another caller
     * since this wallet was unlocked ({@link Keystore#issueAddress}, which needs no key) is kept:
     * of each account the larger number of addresses handed out wins.
     */
    private void save(WalletInfo info) throws IOException {
        info = keepIssued(info);
        KeystoreCrypto.Keys keys = new KeystoreCrypto.Keys(encryptionKey, doc.passwordCheck());
        KeystoreDocument next = keystore.seal(info, doc.kdf(), doc.salt(), keys, secret);
        keystore.write(path, next, false);
        doc = next;
    }

    private WalletInfo keepIssued(WalletInfo info) {
        KeystoreDocument onDisk;
        try {
            onDisk = keystore.read(path);
        } catch (IOException | RuntimeException e) {
            return info;
        }
        WalletInfo out = info;
        for (AccountInfo a : info.accounts()) {
            java.util.Optional<AccountInfo> there = onDisk.info().account(a.index());
            if (there.isPresent()
                    && there.get().addresses().size() > a.addresses().size()
                    && a.derived()
                            .subList(
                                    0,
                                    Math.min(
                                            a.derived().size(),
                                            there.get().derived().size()))
                            .equals(there.get()
                                    .derived()
                                    .subList(
                                            0,
                                            Math.min(
                                                    a.derived().size(),
                                                    there.get().derived().size())))) {
                out = out.withAccount(a.withIssued(there.get().addresses().size()));
            }
        }
        return out;
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
