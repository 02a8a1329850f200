package global.cas.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Address;
import global.cas.crypto.Network;
import global.cas.wallet.data.DataKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool of addresses derived ahead (handed out by a locked wallet) and the wallet data key
 * kept in the keystore's secret.
 */
class AddressPoolTest {
    private static final KdfParams FAST = new KdfParams(1, 64, 1);
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    private final Keystore keystore = new Keystore(new SecureRandom(), FAST);
    private final Mnemonic mnemonic = Mnemonic.generate(WordList.load(Language.ENGLISH), new SecureRandom());
    private final HdWallet hd = HdWallet.fromMnemonic(mnemonic, "");

    @TempDir
    Path dir;

    private Path created() throws IOException {
        try (UnlockedWallet w = keystore.create(dir.resolve("w.wallet"), mnemonic, "", PASSWORD, Network.DEVNET)) {
            return w.path();
        }
    }

    @Test
    @DisplayName("a new wallet derives a pool of 20 addresses ahead; a locked wallet hands them out in order without"
            + " the password until the pool is used up")
    void lockedWalletHandsOutPooledAddresses() throws IOException {
        Path path = created();
        KeystoreFile file = keystore.open(path);
        AccountInfo first = file.info().accounts().get(0);
        assertThat(first.addresses()).containsExactly(hd.address(0, 0));
        assertThat(first.pool())
                .isEqualTo(hd.addresses(0, 1 + Keystore.POOL_SIZE).subList(1, 1 + Keystore.POOL_SIZE));
        assertThat(file.info().watchedAddresses()).hasSize(1 + Keystore.POOL_SIZE);
        for (int i = 1; i <= Keystore.POOL_SIZE; i++) {
            KeystoreFile after = file.issueAddress(0).orElseThrow();
            List<Address> issued = after.info().accounts().get(0).addresses();
            assertThat(issued).hasSize(i + 1).last().isEqualTo(hd.address(0, i));
            assertThat(keystore.open(path).info()).isEqualTo(after.info());
        }
        assertThat(file.issueAddress(0)).as("pool used up").isEmpty();
        assertThat(file.issueAddress(5)).as("no such account").isEmpty();
        try (UnlockedWallet w = keystore.open(path).unlock(PASSWORD)) {
            assertThat(w.info().accounts().get(0).addresses()).hasSize(1 + Keystore.POOL_SIZE);
            assertThat(w.topUpPool()).isTrue();
            assertThat(w.info().accounts().get(0).pool()).hasSize(Keystore.POOL_SIZE);
            assertThat(w.topUpPool()).as("already full").isFalse();
        }
        KeystoreFile refilled = keystore.open(path);
        assertThat(refilled.info().watchedAddresses()).isEqualTo(hd.addresses(0, 1 + 2 * Keystore.POOL_SIZE));
        assertThat(refilled.issueAddress(0)
                        .orElseThrow()
                        .info()
                        .accounts()
                        .get(0)
                        .addresses())
                .last()
                .isEqualTo(hd.address(0, 1 + Keystore.POOL_SIZE));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");
    }

    @Test
    @DisplayName("a new account gets a pool; an address handed out by the locked wallet survives a save by a wallet"
            + " unlocked before")
    void accountsAndConcurrentHandOut() throws IOException {
        Path path = created();
        try (UnlockedWallet w = keystore.open(path).unlock(PASSWORD)) {
            keystore.open(path).issueAddress(0).orElseThrow();
            AccountInfo savings = w.addAccount("Savings");
            assertThat(savings.pool())
                    .isEqualTo(hd.addresses(1, 1 + Keystore.POOL_SIZE).subList(1, 21));
        }
        KeystoreFile file = keystore.open(path);
        assertThat(file.info().accounts().get(0).addresses()).containsExactly(hd.address(0, 0), hd.address(0, 1));
        assertThat(file.issueAddress(1).orElseThrow().info().accounts().get(1).addresses())
                .containsExactly(hd.address(1, 0), hd.address(1, 1));
        try (UnlockedWallet w = keystore.open(path).unlock(PASSWORD)) {
            assertThat(w.addAddress(0)).isEqualTo(hd.address(0, 2));
            assertThat(w.info().accounts().get(0).pool()).hasSize(Keystore.POOL_SIZE);
        }
    }

    @Test
    @DisplayName("the wallet data key stays the same across unlocks and a password change")
    void dataKeySurvivesPasswordChange() throws IOException {
        Path path = created();
        byte[] key;
        try (UnlockedWallet w = keystore.open(path).unlock(PASSWORD);
                DataKey k = w.dataKey()) {
            key = k.bytes();
            w.changePassword("another password".toCharArray());
        }
        try (UnlockedWallet w = keystore.open(path).unlock("another password".toCharArray());
                DataKey k = w.dataKey()) {
            assertThat(k.bytes()).isEqualTo(key);
        }
    }

    @Test
    @DisplayName("a keystore of format 1 (no pool, no data key) opens; unlocking gives it a data key and a pool,"
            + " and it is then format 2 with the same addresses")
    void formatOneUpgraded() throws IOException {
        Path path = dir.resolve("old.wallet");
        writeFormatOne(path);
        KeystoreFile old = keystore.open(path);
        assertThat(old.info().accounts().get(0).addresses()).isEqualTo(hd.addresses(0, 2));
        assertThat(old.info().accounts().get(0).pool()).isEmpty();
        assertThat(old.issueAddress(0)).isEmpty();
        byte[] key;
        try (UnlockedWallet w = old.unlock(PASSWORD);
                DataKey k = w.dataKey()) {
            key = k.bytes();
            w.topUpPool();
        }
        assertThat(Files.readString(path)).contains("\"version\" : 2");
        try (UnlockedWallet w = keystore.open(path).unlock(PASSWORD);
                DataKey k = w.dataKey()) {
            assertThat(k.bytes()).isEqualTo(key);
            assertThat(w.info().accounts().get(0).addresses()).isEqualTo(hd.addresses(0, 2));
            assertThat(w.info().accounts().get(0).pool()).hasSize(Keystore.POOL_SIZE);
        }
    }

    /** A keystore as version 1 wrote it: two addresses, a secret without data key. */
    private void writeFormatOne(Path path) throws IOException {
        WalletInfo info = new WalletInfo(Network.DEVNET, List.of(new AccountInfo(0, "Main", hd.addresses(0, 2))));
        byte[] salt = new byte[KeystoreCrypto.SALT_LENGTH];
        byte[] nonce = new byte[KeystoreCrypto.NONCE_LENGTH];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(nonce);
        KeystoreCrypto.Keys keys = KeystoreCrypto.derive(PASSWORD, salt, FAST);
        byte[] id = mnemonic.language().id().getBytes(StandardCharsets.US_ASCII);
        byte[] entropy = mnemonic.entropy();
        ByteBuffer secret = ByteBuffer.allocate(1 + 1 + id.length + 1 + entropy.length + 4);
        secret.put((byte) 1)
                .put((byte) id.length)
                .put(id)
                .put((byte) entropy.length)
                .put(entropy)
                .putInt(0);
        KeystoreDocument unsealed = new KeystoreDocument(1, info, FAST, salt, keys.passwordCheck(), nonce, new byte[0]);
        byte[] ct = KeystoreCrypto.encrypt(keys.encryptionKey(), nonce, secret.array(), unsealed.associatedData());
        KeystoreDocument doc = new KeystoreDocument(1, info, FAST, salt, keys.passwordCheck(), nonce, ct);
        Files.write(path, new KeystoreJson().write(doc));
    }
}
