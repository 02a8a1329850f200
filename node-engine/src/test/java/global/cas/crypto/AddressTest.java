package global.cas.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestKeys;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** U2: addresses are Bech32m of the first 20 bytes of SHA-256(public key), per network prefix. */
class AddressTest {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private static Reason reasonOf(Runnable r) {
        try {
            r.run();
        } catch (RejectedException e) {
            return e.reason();
        }
        throw new AssertionError("expected a rejection");
    }

    @Test
    @DisplayName("U2: an address is the first 20 bytes of SHA-256 of the Ed25519 public key")
    void derivation() {
        KeyPair k = TestKeys.key(1);
        byte[] digest = Sha256.digest(k.publicKey().bytes());
        assertThat(k.address().bytes()).isEqualTo(Arrays.copyOf(digest, 20));
        assertThat(Address.of(k.publicKey())).isEqualTo(k.address());
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    @DisplayName("U2: an address round-trips through its text form on cas, tcas and dcas")
    void roundTrip(Network network) {
        for (int i = 0; i < 20; i++) {
            Address a = TestKeys.key(i).address();
            String text = a.encode(network);
            assertThat(text).startsWith(network.addressPrefix() + "1");
            assertThat(Address.parse(text, network)).isEqualTo(a);
            assertThat(Address.parse(text.toUpperCase(Locale.ROOT), network)).isEqualTo(a);
            assertThat(Address.parse("  " + text + "\n", network)).isEqualTo(a);
        }
    }

    @Test
    @DisplayName("U2: the prefixes are cas (mainnet), tcas (testnet) and dcas (devnet)")
    void prefixes() {
        assertThat(Network.MAINNET.addressPrefix()).isEqualTo("cas");
        assertThat(Network.TESTNET.addressPrefix()).isEqualTo("tcas");
        assertThat(Network.DEVNET.addressPrefix()).isEqualTo("dcas");
        assertThat(Network.byPrefix("tcas")).contains(Network.TESTNET);
        assertThat(Network.byPrefix("bc")).isEmpty();
    }

    @Test
    @DisplayName("U2: a one-character typo in an address is caught by its checksum")
    void oneCharacterTypo() {
        String text = TestKeys.key(3).address().encode(Network.MAINNET);
        char[] chars = text.toCharArray();
        int start = text.indexOf('1') + 1;
        int checked = 0;
        for (int pos = start; pos < chars.length; pos++) {
            char original = chars[pos];
            for (char c : CHARSET.toCharArray()) {
                if (c == original) {
                    continue;
                }
                chars[pos] = c;
                String typo = new String(chars);
                assertThat(reasonOf(() -> Address.parse(typo, Network.MAINNET)))
                        .as(typo)
                        .isEqualTo(Reason.BAD_ADDRESS_CHECKSUM);
                checked++;
            }
            chars[pos] = original;
        }
        assertThat(checked).isEqualTo((chars.length - start) * 31);
    }

    @Test
    @DisplayName("U2: two swapped neighbouring characters are caught by the checksum")
    void swappedCharacters() {
        String text = TestKeys.key(4).address().encode(Network.DEVNET);
        for (int pos = text.indexOf('1') + 1; pos + 1 < text.length(); pos++) {
            if (text.charAt(pos) == text.charAt(pos + 1)) {
                continue;
            }
            char[] chars = text.toCharArray();
            chars[pos] = text.charAt(pos + 1);
            chars[pos + 1] = text.charAt(pos);
            String typo = new String(chars);
            assertThat(reasonOf(() -> Address.parse(typo, Network.DEVNET)))
                    .as(typo)
                    .isEqualTo(Reason.BAD_ADDRESS_CHECKSUM);
        }
    }

    @Test
    @DisplayName("U2: a valid address of another network is refused with WRONG_NETWORK")
    void wrongNetwork() {
        Address a = TestKeys.key(2).address();
        for (Network from : Network.values()) {
            for (Network to : Network.values()) {
                if (from != to) {
                    String text = a.encode(from);
                    assertThat(reasonOf(() -> Address.parse(text, to))).isEqualTo(Reason.WRONG_NETWORK);
                }
            }
        }
    }

    @Test
    @DisplayName("U2: a well-formed Bech32m string that does not carry 20 bytes is BAD_ADDRESS")
    void wrongLength() {
        String short19 = Bech32m.encode("cas", Bech32m.toWords(new byte[19]));
        String long21 = Bech32m.encode("cas", Bech32m.toWords(new byte[21]));
        assertThat(reasonOf(() -> Address.parse(short19, Network.MAINNET))).isEqualTo(Reason.BAD_ADDRESS);
        assertThat(reasonOf(() -> Address.parse(long21, Network.MAINNET))).isEqualTo(Reason.BAD_ADDRESS);
        assertThat(reasonOf(() -> Address.parse("", Network.MAINNET))).isEqualTo(Reason.BAD_ADDRESS);
        assertThat(reasonOf(() -> Address.parse("cas1", Network.MAINNET))).isEqualTo(Reason.BAD_ADDRESS);
        assertThat(reasonOf(() -> Address.parse("cas1bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", Network.MAINNET)))
                .isEqualTo(Reason.BAD_ADDRESS);
    }

    @Test
    @DisplayName("U2: Address.of refuses anything but 20 bytes, and equal bytes are equal addresses")
    void valueSemantics() {
        assertThatThrownBy(() -> Address.of(new byte[19])).isInstanceOf(IllegalArgumentException.class);
        byte[] b = TestKeys.key(5).address().bytes();
        Address a = Address.of(b);
        b[0] ^= 1;
        assertThat(a)
                .isEqualTo(TestKeys.key(5).address())
                .hasSameHashCodeAs(TestKeys.key(5).address());
        assertThat(a.hex()).hasSize(40);
    }
}
