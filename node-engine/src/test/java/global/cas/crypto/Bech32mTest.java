package global.cas.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** U2: the Bech32m codec against the test vectors of BIP 350. */
class Bech32mTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "A1LQFN3A",
                "a1lqfn3a",
                "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
                "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
                "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
                "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
                "?1v759aa"
            })
    @DisplayName("U2: every valid Bech32m string of BIP 350 decodes and encodes back to itself (lower case)")
    void bip350Valid(String s) {
        Bech32m.Decoded d = Bech32m.decode(s);
        assertThat(d.hrp()).isEqualTo(s.substring(0, s.lastIndexOf('1')).toLowerCase(Locale.ROOT));
        assertThat(Bech32m.encode(d.hrp(), d.words())).isEqualTo(s.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u00201xj0phk",
                "\u007f1g6xzxy",
                "\u00801vctc34",
                "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
                "qyrz8wqd2c9m",
                "1qyrz8wqd2c9m",
                "y1b0jsk6g",
                "lt1igcx5c0",
                "in1muywd",
                "mm1crxm3i",
                "au1s5cgom",
                "M1VUXWEZ",
                "16plkw9",
                "1p2gdwpf"
            })
    @DisplayName("U2: every invalid Bech32m string of BIP 350 is rejected with an address reason")
    void bip350Invalid(String s) {
        assertThatThrownBy(() -> Bech32m.decode(s))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> assertThat(e.reason()).isIn(Reason.BAD_ADDRESS, Reason.BAD_ADDRESS_CHECKSUM));
    }

    @Test
    @DisplayName("U2: BIP 350's upper-case-HRP checksum case is a checksum failure, not a format one")
    void upperCaseHrpChecksum() {
        assertThatThrownBy(() -> Bech32m.decode("M1VUXWEZ"))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_ADDRESS_CHECKSUM));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "A12UEL5L",
                "a12uel5l",
                "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w"
            })
    @DisplayName("U2: valid Bech32 (BIP 173, not m) strings fail the Bech32m checksum")
    void bech32IsNotBech32m(String s) {
        assertThatThrownBy(() -> Bech32m.decode(s))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_ADDRESS_CHECKSUM));
    }

    @Test
    @DisplayName("U2: a string mixing upper and lower case is rejected")
    void mixedCase() {
        assertThatThrownBy(() -> Bech32m.decode("A1lqfn3a"))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_ADDRESS));
    }

    @Test
    @DisplayName("U2: 8-bit data goes to 5-bit words and back unchanged; non-zero padding is rejected")
    void wordConversion() {
        byte[] data = new byte[19];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37 + 1);
        }
        byte[] words = Bech32m.toWords(data);
        assertThat(words).hasSize(31); // 152 bits + 3 zero padding bits
        assertThat(Bech32m.fromWords(words)).isEqualTo(data);
        byte[] badPadding = words.clone();
        badPadding[badPadding.length - 1] |= 1;
        assertThatThrownBy(() -> Bech32m.fromWords(badPadding))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_ADDRESS));
    }
}
