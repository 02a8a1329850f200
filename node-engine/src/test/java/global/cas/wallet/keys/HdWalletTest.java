package global.cas.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Address;
import global.cas.crypto.Bytes;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HdWalletTest {
    private static final WordLists LISTS = WordLists.loadAll();
    private static final Mnemonic ABANDON_ART = LISTS.parse("abandon ".repeat(23) + "art");

    @Test
    @DisplayName("U4: the CAS path is m/44'/2026'/account'/0'/index', 2026 being CAS's coin type")
    void casPath() {
        assertThat(DerivationPath.CAS_COIN_TYPE).isEqualTo(2026);
        assertThat(DerivationPath.cas(1, 2)).hasToString("m/44'/2026'/1'/0'/2'");
        assertThat(HdWallet.path(0, 0)).isEqualTo(DerivationPath.parse("m/44'/2026'/0'/0'/0'"));
    }

    @Test
    @DisplayName("U4: key(account, index) is the SLIP-0010 key at the CAS path of the BIP39 seed")
    void keyFollowsThePath() {
        byte[] seed = ABANDON_ART.toSeed("");
        HdWallet w = HdWallet.fromSeed(seed);
        for (int[] ai : new int[][] {{0, 0}, {0, 1}, {3, 17}}) {
            KeyPair expected =
                    Slip10.derivePath(seed, DerivationPath.cas(ai[0], ai[1])).keyPair();
            assertThat(w.key(ai[0], ai[1])).isEqualTo(expected);
        }
        assertThat(HdWallet.fromMnemonic(ABANDON_ART, "").key(0, 0)).isEqualTo(w.key(0, 0));
    }

    @Test
    @DisplayName("U4: derived addresses match values computed independently (Python hashlib + cryptography)")
    void knownAddresses() {
        HdWallet w = HdWallet.fromMnemonic(ABANDON_ART, "");
        assertThat(w.key(0, 0).publicKey().hex())
                .isEqualTo("aeb0c6650880d06d9a467d72bd8961cfece9693eec7102cf4758c8f0fd6952b5");
        assertThat(w.address(0, 0).hex()).isEqualTo("b9daa29204c809d03b70c1b6fd0348e5559ee321");
        assertThat(w.address(0, 1).hex()).isEqualTo("da9a66d3f0472005afd436116494f84b0d1f5a5f");
        assertThat(w.address(1, 0).hex()).isEqualTo("c1912c5294acf5253855f1e67d95f9035263b9b5");
    }

    @Test
    @DisplayName("U4: the mnemonic passphrase changes every key: same words, other passphrase, other wallet")
    void passphraseChangesTheKeys() {
        HdWallet plain = HdWallet.fromMnemonic(ABANDON_ART, "");
        HdWallet withPassphrase = HdWallet.fromMnemonic(ABANDON_ART, "TREZOR");
        assertThat(withPassphrase.address(0, 0).hex()).isEqualTo("a60ab2bae2f7785937a8820cc91e2f9b9311006f");
        assertThat(withPassphrase.address(0, 0)).isNotEqualTo(plain.address(0, 0));
    }

    @Test
    @DisplayName("U4: accounts and indices give distinct addresses, and addresses(account, n) lists them in order")
    void accountsAndIndices() {
        HdWallet w = HdWallet.fromMnemonic(ABANDON_ART, "");
        Set<Address> all = new HashSet<>();
        for (int account = 0; account < 3; account++) {
            List<Address> list = w.addresses(account, 5);
            assertThat(list).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(list.get(i)).isEqualTo(w.address(account, i));
            }
            all.addAll(list);
        }
        assertThat(all).hasSize(15);
        assertThat(w.addresses(0, 0)).isEmpty();
        assertThatThrownBy(() -> w.key(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.key(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("U4: a derived key signs, and its address encodes for each network")
    void derivedKeySigns() {
        KeyPair k = HdWallet.fromMnemonic(ABANDON_ART, "").key(0, 0);
        byte[] msg = "pay 1 CAS".getBytes(StandardCharsets.UTF_8);
        assertThat(k.publicKey().verify(msg, k.sign(msg))).isTrue();
        assertThat(k.address().encode(Network.MAINNET)).startsWith("cas1");
        assertThat(Address.parse(k.address().encode(Network.TESTNET), Network.TESTNET))
                .isEqualTo(k.address());
    }

    @Test
    @DisplayName("U4: a Chinese phrase restores the same addresses as its entropy in Chinese, not as in English")
    void chineseRestoreMatchesEntropy() {
        byte[] entropy = Bytes.fromHex("00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210");
        WordList chinese = LISTS.get(Language.CHINESE_SIMPLIFIED);
        Mnemonic fromEntropy = Mnemonic.fromEntropy(chinese, entropy);
        Mnemonic restored = LISTS.parse(String.join("", fromEntropy.words()));
        assertThat(restored.entropy()).isEqualTo(entropy);
        HdWallet a = HdWallet.fromMnemonic(fromEntropy, "");
        HdWallet b = HdWallet.fromMnemonic(restored, "");
        assertThat(b.addresses(0, 3)).isEqualTo(a.addresses(0, 3));
        HdWallet english = HdWallet.fromMnemonic(Mnemonic.fromEntropy(LISTS.get(Language.ENGLISH), entropy), "");
        assertThat(english.address(0, 0)).isNotEqualTo(a.address(0, 0));
    }

    @Test
    @DisplayName("U4: toString shows nothing secret")
    void toStringHidesKeys() {
        HdWallet w = HdWallet.fromMnemonic(ABANDON_ART, "");
        assertThat(w.toString()).doesNotContain(Bytes.hex(w.key(0, 0).seed()));
    }
}
