package global.cas.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.crypto.Address;
import global.cas.crypto.Bytes;
import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {
    /** Small Argon2 parameters so the tests stay fast; one test below uses the defaults. */
    private static final KdfParams FAST = new KdfParams(1, 64, 1);

    private static final WordLists LISTS = WordLists.loadAll();
    private static final String PHRASE =
            "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis"
                    + " maple dilemma loan word shrug inflict delay length";
    private static final String PASSPHRASE = "my-secret-25th-word";
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Keystore keystore = new Keystore(random, FAST);
    private final Mnemonic mnemonic = LISTS.parse(PHRASE);
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("wallet.json");
    }

    private Path created() throws IOException {
        try (UnlockedWallet w = keystore.create(file(), mnemonic, PASSPHRASE, PASSWORD, Network.MAINNET)) {
            return w.path();
        }
    }

    @Test
    @DisplayName("U4: a created wallet reopens with the same words, passphrase, keys and public metadata")
    void roundTrip() throws IOException {
        Path path = created();
        KeystoreFile opened = keystore.open(path);
        HdWallet expected = HdWallet.fromMnemonic(mnemonic, PASSPHRASE);
        assertThat(opened.network()).isEqualTo(Network.MAINNET);
        assertThat(opened.kdfParams()).isEqualTo(FAST);
        assertThat(opened.info().accounts()).singleElement().satisfies(a -> {
            assertThat(a.index()).isZero();
            assertThat(a.label()).isEqualTo(Keystore.FIRST_ACCOUNT_LABEL);
            assertThat(a.addresses()).containsExactly(expected.address(0, 0));
        });
        try (UnlockedWallet w = opened.unlock(PASSWORD)) {
            assertThat(w.mnemonic()).isEqualTo(mnemonic);
            assertThat(w.mnemonic().phrase()).isEqualTo(PHRASE);
            assertThat(w.passphrase()).isEqualTo(PASSPHRASE);
            assertThat(w.key(0, 0)).isEqualTo(expected.key(0, 0));
            assertThat(w.hdWallet().address(2, 5)).isEqualTo(expected.address(2, 5));
            assertThat(w.info()).isEqualTo(opened.info());
        }
    }

    @Test
    @DisplayName("U4: accounts and addresses added while unlocked are saved and listed without the password")
    void accountsAndAddressesPersist() throws IOException {
        HdWallet expected = HdWallet.fromMnemonic(mnemonic, PASSPHRASE);
        try (UnlockedWallet w = keystore.create(file(), mnemonic, PASSPHRASE, PASSWORD, Network.TESTNET)) {
            assertThat(w.addAddress(0)).isEqualTo(expected.address(0, 1));
            AccountInfo savings = w.addAccount("  Savings ");
            assertThat(savings.index()).isEqualTo(1);
            assertThat(savings.label()).isEqualTo("Savings");
            assertThat(w.addAddress(1)).isEqualTo(expected.address(1, 1));
            w.renameAccount(0, "Daily");
            assertThatThrownBy(() -> w.addAddress(7)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> w.addAccount(" ")).isInstanceOf(IllegalArgumentException.class);
        }
        WalletInfo info = keystore.open(file()).info();
        assertThat(info.network()).isEqualTo(Network.TESTNET);
        assertThat(info.accounts()).extracting(AccountInfo::label).containsExactly("Daily", "Savings");
        assertThat(info.account(0).orElseThrow().addresses()).isEqualTo(expected.addresses(0, 2));
        assertThat(info.account(1).orElseThrow().addresses()).isEqualTo(expected.addresses(1, 2));
        assertThat(info.allAddresses()).hasSize(4);
        assertThat(Files.readString(file())).contains(expected.address(1, 1).encode(Network.TESTNET));
        try (UnlockedWallet w = keystore.open(file()).unlock(PASSWORD)) {
            assertThat(w.info()).isEqualTo(info);
        }
    }

    @Test
    @DisplayName(
            "U4: a restored wallet starts with the first 20 addresses of its first account, a created one with one")
    void restoreLooksAhead(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        HdWallet expected = HdWallet.fromMnemonic(mnemonic, PASSPHRASE);
        try (UnlockedWallet restored =
                keystore.restore(dir.resolve("r.wallet"), mnemonic, PASSPHRASE, PASSWORD.clone(), Network.DEVNET)) {
            List<Address> first = restored.info().accounts().get(0).addresses();
            assertThat(first).hasSize(Keystore.RESTORE_ADDRESSES);
            for (int i = 0; i < first.size(); i++) {
                assertThat(first.get(i)).isEqualTo(expected.address(0, i));
            }
            assertThat(restored.addAddress(0))
                    .as("the next one continues after them")
                    .isEqualTo(expected.address(0, 20));
        }
        assertThat(keystore.open(dir.resolve("r.wallet")).info().allAddresses()).hasSize(21);
        try (UnlockedWallet created =
                keystore.create(dir.resolve("c.wallet"), mnemonic, PASSPHRASE, PASSWORD.clone(), Network.DEVNET)) {
            assertThat(created.info().allAddresses()).containsExactly(expected.address(0, 0));
        }
    }

    @Test
    @DisplayName("U4: a wrong password is WRONG_PASSWORD, never a crash or an empty wallet")
    void wrongPassword() throws IOException {
        KeystoreFile opened = keystore.open(created());
        for (String wrong : List.of("correct horse battery stapl", "", "Correct horse battery staple")) {
            assertThatThrownBy(() -> opened.unlock(wrong.toCharArray()))
                    .isInstanceOfSatisfying(RejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
                        assertThat(e.detail()).isEqualTo("The wallet password is wrong.");
                    });
        }
        opened.unlock(PASSWORD).close();
    }

    @Test
    @DisplayName("U4: a ciphertext changed by accident is refused at open (checksum), MALFORMED")
    void damagedCiphertextRefusedAtOpen() throws IOException {
        Path path = created();
        edit(path, false, root -> flipCiphertextByte(root));
        assertMalformed(() -> keystore.open(path), "checksum");
    }

    @Test
    @DisplayName("U4: a ciphertext changed on purpose (checksum recomputed) is refused at unlock, MALFORMED")
    void tamperedCiphertextRefusedAtUnlock() throws IOException {
        Path path = created();
        edit(path, true, root -> flipCiphertextByte(root));
        KeystoreFile opened = keystore.open(path);
        assertMalformed(() -> opened.unlock(PASSWORD), "altered");
    }

    @Test
    @DisplayName("U4: public metadata changed by accident is refused at open, MALFORMED")
    void damagedMetadataRefusedAtOpen() throws IOException {
        Path path = created();
        edit(path, false, root -> ((ObjectNode) root.get("accounts").get(0)).put("label", "Hacked"));
        assertMalformed(() -> keystore.open(path), "checksum");
    }

    @Test
    @DisplayName("U4: an address swapped on purpose (checksum recomputed) is refused at unlock, MALFORMED")
    void tamperedAddressRefusedAtUnlock() throws IOException {
        Path path = created();
        Address attacker = HdWallet.fromMnemonic(Mnemonic.generate(LISTS.get(Language.ENGLISH), random), "")
                .address(0, 0);
        edit(path, true, root -> {
            ArrayNode addresses = (ArrayNode) root.get("accounts").get(0).get("addresses");
            addresses.set(0, attacker.encode(Network.MAINNET));
        });
        KeystoreFile opened = keystore.open(path);
        assertThat(opened.info().allAddresses()).containsExactly(attacker);
        assertMalformed(() -> opened.unlock(PASSWORD), "altered");
    }

    @Test
    @DisplayName("U4: a label or the network changed on purpose (checksum recomputed) is refused at unlock")
    void tamperedLabelOrNetworkRefusedAtUnlock() throws IOException {
        Path path = created();
        byte[] original = Files.readAllBytes(path);
        edit(path, true, root -> ((ObjectNode) root.get("accounts").get(0)).put("label", "Hacked"));
        KeystoreFile relabelled = keystore.open(path);
        assertMalformed(() -> relabelled.unlock(PASSWORD), "altered");

        Files.write(path, original);
        Address a = keystore.open(path).info().allAddresses().get(0);
        edit(path, true, root -> {
            ((ObjectNode) root).put("network", "testnet");
            ((ArrayNode) root.get("accounts").get(0).get("addresses")).set(0, a.encode(Network.TESTNET));
            ArrayNode pool = (ArrayNode) root.get("accounts").get(0).get("pool");
            for (int i = 0; i < pool.size(); i++) {
                pool.set(i, Address.parse(pool.get(i).asText(), Network.MAINNET).encode(Network.TESTNET));
            }
        });
        KeystoreFile renetworked = keystore.open(path);
        assertMalformed(() -> renetworked.unlock(PASSWORD), "altered");
    }

    @Test
    @DisplayName("U4: the file on disk holds neither the words, the entropy, the seed nor the passphrase")
    void noSecretInClear() throws IOException {
        Path path = created();
        byte[] raw = Files.readAllBytes(path);
        String text = new String(raw, StandardCharsets.UTF_8);
        List<String> words = mnemonic.words();
        for (int i = 0; i + 1 < words.size(); i++) {
            assertThat(text).doesNotContain(words.get(i) + " " + words.get(i + 1));
        }
        for (String w : words) {
            if (w.length() >= 5) {
                assertThat(text).doesNotContain(w);
            }
        }
        byte[] entropy = mnemonic.entropy();
        byte[] seed = mnemonic.toSeed(PASSPHRASE);
        byte[] key = HdWallet.fromMnemonic(mnemonic, PASSPHRASE).key(0, 0).seed();
        for (byte[] secret : List.of(entropy, seed, key)) {
            assertThat(text).doesNotContainIgnoringCase(Bytes.hex(secret));
            assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(secret));
            assertThat(indexOf(raw, secret)).isNegative();
        }
        assertThat(text).doesNotContain(PASSPHRASE).doesNotContain(new String(PASSWORD));
    }

    @Test
    @DisplayName("U4: the mnemonic passphrase changes the addresses, the wallet password does not")
    void passphraseVersusPassword() throws IOException {
        Keystore ks = keystore;
        List<Address> a;
        List<Address> b;
        List<Address> c;
        try (UnlockedWallet w = ks.create(dir.resolve("a.json"), mnemonic, "", PASSWORD, Network.MAINNET)) {
            a = w.info().allAddresses();
        }
        try (UnlockedWallet w =
                ks.create(dir.resolve("b.json"), mnemonic, "", "other".toCharArray(), Network.MAINNET)) {
            b = w.info().allAddresses();
        }
        try (UnlockedWallet w = ks.create(dir.resolve("c.json"), mnemonic, "x", PASSWORD, Network.MAINNET)) {
            c = w.info().allAddresses();
        }
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    @DisplayName("U4: a wallet created from Chinese words shows the same words and addresses as its entropy")
    void chineseWalletRoundTrip() throws IOException {
        WordList chinese = LISTS.get(Language.CHINESE_SIMPLIFIED);
        byte[] entropy = Bytes.fromHex("00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210");
        Mnemonic typed = LISTS.parse(
                String.join("", Mnemonic.fromEntropy(chinese, entropy).words()));
        try (UnlockedWallet w = keystore.create(file(), typed, "", PASSWORD, Network.MAINNET)) {
            w.addAddress(0);
        }
        try (UnlockedWallet w = keystore.open(file()).unlock(PASSWORD)) {
            assertThat(w.mnemonic().language()).isEqualTo(Language.CHINESE_SIMPLIFIED);
            assertThat(w.mnemonic().entropy()).isEqualTo(entropy);
            assertThat(w.mnemonic().words()).isEqualTo(typed.words());
            HdWallet fromEntropy = HdWallet.fromMnemonic(Mnemonic.fromEntropy(chinese, entropy), "");
            assertThat(w.info().allAddresses()).isEqualTo(fromEntropy.addresses(0, 2));
        }
    }

    @Test
    @DisplayName("U4: changing the password re-encrypts with a new salt and the keystore's parameters, keys unchanged")
    void changePassword() throws IOException {
        Path path = created();
        KdfParams stronger = new KdfParams(2, 128, 1);
        Keystore upgraded = new Keystore(random, stronger);
        String saltBefore = json.readTree(path.toFile()).get("kdf").get("salt").asText();
        List<Address> before = upgraded.open(path).info().allAddresses();
        try (UnlockedWallet w = upgraded.open(path).unlock(PASSWORD)) {
            w.changePassword("new password".toCharArray());
            w.addAddress(0);
        }
        KeystoreFile reopened = upgraded.open(path);
        assertThat(reopened.kdfParams()).isEqualTo(stronger);
        assertThat(json.readTree(path.toFile()).get("kdf").get("salt").asText()).isNotEqualTo(saltBefore);
        assertThatThrownBy(() -> reopened.unlock(PASSWORD))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD));
        try (UnlockedWallet w = keystore.open(path).unlock("new password".toCharArray())) {
            assertThat(w.info().allAddresses())
                    .startsWith(before.toArray(Address[]::new))
                    .hasSize(2);
            assertThat(w.passphrase()).isEqualTo(PASSPHRASE);
        }
    }

    @Test
    @DisplayName("U4: create never overwrites an existing wallet and rejects an empty password")
    void createIsCareful() throws IOException {
        Path path = created();
        byte[] before = Files.readAllBytes(path);
        assertThatThrownBy(() -> keystore.create(path, mnemonic, "", PASSWORD, Network.MAINNET))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(path)).isEqualTo(before);
        assertThatThrownBy(() -> keystore.create(dir.resolve("x.json"), mnemonic, "", new char[0], Network.MAINNET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    @DisplayName("U4: writes leave no temporary file behind, and the wallet is readable by its owner only")
    void writesAreClean() throws IOException {
        try (UnlockedWallet w = keystore.create(file(), mnemonic, "", PASSWORD, Network.MAINNET)) {
            for (int i = 0; i < 5; i++) {
                w.addAddress(0);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("wallet.json");
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    @DisplayName("U4: a file of a newer format, a non-keystore and garbage are refused as MALFORMED")
    void unreadableFiles() throws IOException {
        Path path = created();
        edit(path, false, root -> ((ObjectNode) root).put("version", 3));
        assertMalformed(() -> keystore.open(path), "newer");

        Files.writeString(path, "{\"hello\": 1}");
        assertMalformed(() -> keystore.open(path), "not a CAS Wallet keystore");
        Files.writeString(path, "not json at all");
        assertMalformed(() -> keystore.open(path), "JSON");
        Files.write(path, new byte[0]);
        assertMalformed(() -> keystore.open(path), "damaged");
    }

    @Test
    @DisplayName("U4: a closed (locked) wallet refuses further use")
    void closedWalletRefusesUse() throws IOException {
        UnlockedWallet w = keystore.create(file(), mnemonic, "", PASSWORD, Network.MAINNET);
        w.close();
        assertThatThrownBy(() -> w.key(0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> w.addAddress(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(w::mnemonic).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName(
            "U4: Argon2id matches values computed independently (Python cryptography) for small and default parameters")
    void argon2KnownAnswers() {
        byte[] pw = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] salt = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
        assertThat(Bytes.hex(KeystoreCrypto.argon2id(pw, salt, new KdfParams(1, 64, 1), 64)))
                .isEqualTo("932ddde99ba6edd4bb940d45243e82dd633bb68fab0560c771adca314967abdd"
                        + "f95f479fbc45d7fef9ba655275fc64e08530c1e5bcd6be5f3d2f628dec3814af");
        assertThat(Bytes.hex(KeystoreCrypto.argon2id(pw, salt, new KdfParams(2, 256, 2), 64)))
                .isEqualTo("d2a7d86876aaa8a91ebd39869b40fc2bd9674137d003264f7a66224a585df75d"
                        + "4915f601e9463f9abb5c0975bc21615fc006d913b1f1a978abf48639da0ab63e");
        assertThat(Bytes.hex(KeystoreCrypto.argon2id(pw, salt, KdfParams.DEFAULT, 64)))
                .isEqualTo("f583c66eb0c983f6be0f1801d34580dba6ce391a35def61fed043c365dc37c52"
                        + "f1c2815097615f218797ed574c7084ed21fd2609b8d0b3706bffd4dec7e6aeb8");
    }

    @Test
    @DisplayName("U4: with the default parameters (Argon2id t=3, m=64 MiB, p=1) a wallet is written and unlocked")
    void defaultParameters() throws IOException {
        Keystore real = new Keystore(random);
        assertThat(real.kdfParams()).isEqualTo(new KdfParams(3, 64 * 1024, 1));
        try (UnlockedWallet w = real.create(file(), mnemonic, PASSPHRASE, PASSWORD, Network.MAINNET)) {
            assertThat(w.info().allAddresses()).hasSize(1);
        }
        JsonNode kdf = json.readTree(file().toFile()).get("kdf");
        assertThat(kdf.get("algorithm").asText()).isEqualTo("argon2id");
        assertThat(kdf.get("iterations").asInt()).isEqualTo(3);
        assertThat(kdf.get("memoryKiB").asInt()).isEqualTo(65536);
        assertThat(kdf.get("parallelism").asInt()).isEqualTo(1);
        try (UnlockedWallet w = real.open(file()).unlock(PASSWORD)) {
            assertThat(w.mnemonic()).isEqualTo(mnemonic);
        }
    }

    // --- helpers ---

    private void flipCiphertextByte(JsonNode root) {
        ObjectNode cipher = (ObjectNode) root.get("cipher");
        byte[] ct = Base64.getDecoder().decode(cipher.get("ciphertext").asText());
        ct[ct.length / 2] ^= 0x01;
        cipher.put("ciphertext", Base64.getEncoder().encodeToString(ct));
    }

    /** Changes the file's JSON; with {@code forge} also recomputes the checksum as an attacker could. */
    private void edit(Path path, boolean forge, Consumer<JsonNode> change) throws IOException {
        JsonNode root = json.readTree(path.toFile());
        change.accept(root);
        if (forge) {
            byte[] bytes = json.writeValueAsBytes(root);
            KeystoreDocument doc = new KeystoreJson().readIgnoringChecksum(bytes, "forged");
            ((ObjectNode) root).put("checksum", Bytes.hex(doc.checksum()));
        }
        json.writeValue(path.toFile(), root);
    }

    private static void assertMalformed(ThrowingCallable call, String inDetail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(e.detail()).contains(inDetail);
        });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
