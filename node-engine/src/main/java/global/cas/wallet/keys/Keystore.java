package global.cas.wallet.keys;

import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Creates and opens keystore files: a wallet encrypted at rest. The file is JSON; the recovery
 * phrase's entropy, its language and the mnemonic passphrase are encrypted with AES-256-GCM
 * under a key derived from the wallet password with Argon2id (random 16-byte salt, random 12-byte
 * nonce per write); the network and the accounts with their labels and addresses stay readable
 * without the password and are sealed as GCM associated data, so any change to them is detected
 * at unlock. Every write goes to a temporary file that is flushed and atomically renamed, so a
 * crash never leaves half a wallet.
 *
 * <p>Two secrets, two roles:
 *
 * <ul>
 *   <li>the <b>wallet password</b> only protects the file on this computer; changing it changes
 *       no key and no address, and forgetting it is repaired by restoring from the recovery
 *       words;
 *   <li>the <b>mnemonic passphrase</b> (BIP39's optional "25th word") is part of the keys: the
 *       same words with another passphrase are another wallet, and restoring needs both. It is
 *       kept inside the encrypted part so it can be shown again.
 * </ul>
 *
 * <p>Holds no state besides its configuration (random source, Argon2 parameters for new files);
 * thread-safe. Files written with other Argon2 parameters open all the same, since each file
 * states its own.
 */
public final class Keystore {
    /** The label of the account every new wallet starts with. */
    public static final String FIRST_ACCOUNT_LABEL = "Main";

    /**
     * How many addresses of the first account a restored wallet starts with (the "gap limit" of
     * other wallets): payments to any of them show in its history.
     */
    public static final int RESTORE_ADDRESSES = 20;

    /**
     * How many addresses each account keeps derived ahead of those handed out (the gap limit of
     * other wallets): a locked wallet hands them out without the password, and its history
     * watches them all. Topped up whenever the wallet is unlocked.
     */
    public static final int POOL_SIZE = 20;

    private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final SecureRandom random;
    private final KdfParams kdfParams;
    private final KeystoreJson json = new KeystoreJson();

    /** A keystore that writes new files with {@link KdfParams#DEFAULT}. */
    public Keystore(SecureRandom random) {
        this(random, KdfParams.DEFAULT);
    }

    /**
     * A keystore that writes new files (and re-keys files on a password change) with {@code
     * kdfParams}; tests pass small ones to stay fast.
     */
    public Keystore(SecureRandom random, KdfParams kdfParams) {
        this.random = random;
        this.kdfParams = kdfParams;
    }

    /** The Argon2id parameters for new files. */
    public KdfParams kdfParams() {
        return kdfParams;
    }

    /**
     * Writes a new wallet file with one account, {@value #FIRST_ACCOUNT_LABEL}, holding its first
     * address and a pool of {@value #POOL_SIZE} more derived ahead, and a new random wallet data
     * key in its encrypted part; returns it unlocked.
     *
     * @param mnemonic the recovery words
     * @param passphrase the mnemonic passphrase, {@code ""} for none (changes the keys)
     * @param password the wallet password (encrypts the file only); not kept, the caller may wipe
     *     it
     * @throws java.nio.file.FileAlreadyExistsException when {@code path} exists: a wallet is never
     *     overwritten
     * @throws IllegalArgumentException when the password is empty
     */
    public UnlockedWallet create(Path path, Mnemonic mnemonic, String passphrase, char[] password, Network network)
            throws IOException {
        return create(path, mnemonic, passphrase, password, network, 1);
    }

    /**
     * Writes a wallet file for words used before, possibly on another device: its first account
     * gets the first {@value #RESTORE_ADDRESSES} addresses at once, and the pool of {@value
     * #POOL_SIZE} beyond them, so the wallet's history finds payments to any of them (Ed25519 keys
     * derive only hardened, so addresses cannot be derived later without the password). Otherwise
     * as {@link #create}.
     */
    public UnlockedWallet restore(Path path, Mnemonic mnemonic, String passphrase, char[] password, Network network)
            throws IOException {
        return create(path, mnemonic, passphrase, password, network, RESTORE_ADDRESSES);
    }

    private UnlockedWallet create(
            Path path, Mnemonic mnemonic, String passphrase, char[] password, Network network, int addresses)
            throws IOException {
        requirePassword(password);
        HdWallet hd = HdWallet.fromMnemonic(mnemonic, passphrase);
        List<global.cas.crypto.Address> derived = hd.addresses(0, addresses + POOL_SIZE);
        WalletInfo info = new WalletInfo(
                network,
                List.of(new AccountInfo(
                        0,
                        FIRST_ACCOUNT_LABEL,
                        derived.subList(0, addresses),
                        derived.subList(addresses, derived.size()))));
        WalletSecret secret = WalletSecret.of(mnemonic, passphrase, random);
        byte[] salt = randomBytes(KeystoreCrypto.SALT_LENGTH);
        KeystoreCrypto.Keys keys = KeystoreCrypto.derive(password, salt, kdfParams);
        try {
            KeystoreDocument doc = seal(info, kdfParams, salt, keys, secret);
            write(path, doc, true);
            return new UnlockedWallet(this, path, doc, keys.encryptionKey(), secret, hd);
        } catch (IOException | RuntimeException e) {
            keys.wipe();
            secret.wipe();
            throw e;
        }
    }

    /**
     * Reads a wallet file and checks it, without the password: its public metadata is then
     * available.
     *
     * @throws RejectedException {@code MALFORMED} when the file is not a valid keystore, was written
     *     by a newer version, or was damaged
     * @throws java.nio.file.NoSuchFileException when there is no file
     */
    public KeystoreFile open(Path path) throws IOException {
        return new KeystoreFile(this, path, read(path));
    }

    /**
     * Hands out the next pooled address of {@code account} without the password: it moves from the
     * pool to the addresses handed out, and the file is rewritten (its sealed part does not change,
     * so no key is needed).
     *
     * @return the file as now written, or empty when the account's pool is used up (then the
     *     wallet must be unlocked to derive more) or the wallet has no such account
     * @throws RejectedException {@code MALFORMED} as {@link #open}
     */
    public synchronized java.util.Optional<KeystoreFile> issueAddress(Path path, int account) throws IOException {
        KeystoreDocument doc = read(path);
        java.util.Optional<AccountInfo> a = doc.info().account(account);
        if (a.isEmpty() || a.get().pool().isEmpty()) {
            return java.util.Optional.empty();
        }
        KeystoreDocument next = doc.withInfo(doc.info().withAccount(a.get().withIssued()));
        write(path, next, false);
        return java.util.Optional.of(new KeystoreFile(this, path, next));
    }

    KeystoreDocument read(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new RejectedException(
                    Reason.MALFORMED, "The wallet file " + path.getFileName() + " is damaged: it is far too large.");
        }
        return json.read(bytes, String.valueOf(path.getFileName()));
    }

    /** Seals {@code secret} (given a data key first if it has none) with {@code info} as associated data. */
    KeystoreDocument seal(WalletInfo info, KdfParams kdf, byte[] salt, KeystoreCrypto.Keys keys, WalletSecret secret) {
        secret.addDataKey(random);
        byte[] nonce = randomBytes(KeystoreCrypto.NONCE_LENGTH);
        KeystoreDocument unsealed = new KeystoreDocument(info, kdf, salt, keys.passwordCheck(), nonce, new byte[0]);
        byte[] plaintext = secret.encode();
        byte[] ciphertext = KeystoreCrypto.encrypt(keys.encryptionKey(), nonce, plaintext, unsealed.associatedData());
        Arrays.fill(plaintext, (byte) 0);
        return new KeystoreDocument(info, kdf, salt, keys.passwordCheck(), nonce, ciphertext);
    }

    synchronized void write(Path path, KeystoreDocument doc, boolean mustBeNew) throws IOException {
        AtomicFile.write(path, json.write(doc), mustBeNew);
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static void requirePassword(char[] password) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the wallet password cannot be empty");
        }
    }
}
