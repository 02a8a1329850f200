package global.cas.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Address;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestKeys;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentRequestTest {
    private static final Address ALICE = TestKeys.key(1).address();
    private static final String A = ALICE.encode(Network.DEVNET);

    private static void refused(String text, Reason reason) {
        assertThatThrownBy(() -> PaymentRequest.parse(text, Network.DEVNET))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    @DisplayName("a request with an amount and a Chinese message round-trips through its cas: link")
    void roundTrip() {
        PaymentRequest r =
                new PaymentRequest(ALICE, OptionalLong.of(Amounts.parse("12.5")), Optional.of("房租 3月 & more"));
        String link = r.toText(Network.DEVNET);
        assertThat(link).startsWith("cas:" + A + "?amount=12.5&message=").doesNotContain(" ", "房");
        assertThat(PaymentRequest.parse(link, Network.DEVNET)).isEqualTo(r);
        assertThat(PaymentRequest.isLink(link)).isTrue();
    }

    @Test
    @DisplayName("a request for nothing in particular is the bare address, and a bare address parses as one")
    void bareAddress() {
        assertThat(PaymentRequest.of(ALICE).toText(Network.DEVNET)).isEqualTo(A);
        assertThat(PaymentRequest.parse("  " + A + " ", Network.DEVNET)).isEqualTo(PaymentRequest.of(ALICE));
        assertThat(PaymentRequest.parse("CAS:" + A, Network.DEVNET)).isEqualTo(PaymentRequest.of(ALICE));
        assertThat(PaymentRequest.isLink(A)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "?amount=1&label=rent|100000000|rent",
                "?message=a%2Bb&amount=0.5|50000000|a+b",
                "?amount=2&foo=bar|200000000|",
                "?message=%E7%A7%9F%E9%87%91|0|租金"
            })
    @DisplayName("parameters are read in any order, 'label' stands for the message and unknown ones are skipped")
    void parameters(String query, long units, String message) {
        PaymentRequest r = PaymentRequest.parse("cas:" + A + query, Network.DEVNET);
        assertThat(r.amount()).isEqualTo(units == 0 ? OptionalLong.empty() : OptionalLong.of(units));
        assertThat(r.message()).isEqualTo(Optional.ofNullable(message));
    }

    @Test
    @DisplayName(
            "bad links are refused with a reason: required unknown parameter, bad amount, bad encoding, bad address")
    void refusals() {
        refused("cas:" + A + "?req-escrow=1", Reason.BAD_PAYMENT_REQUEST);
        refused("cas:" + A + "?amount", Reason.BAD_PAYMENT_REQUEST);
        refused("cas:" + A + "?amount=1&amount=2", Reason.BAD_PAYMENT_REQUEST);
        refused("cas:" + A + "?message=%ZZ", Reason.BAD_PAYMENT_REQUEST);
        refused("cas:" + A + "?message=" + "x".repeat(201), Reason.BAD_PAYMENT_REQUEST);
        refused("cas:" + A + "?amount=1,5", Reason.MALFORMED);
        refused("cas:" + A + "?amount=0", Reason.NON_POSITIVE_AMOUNT);
        refused("cas:" + ALICE.encode(Network.MAINNET), Reason.WRONG_NETWORK);
        refused("cas:" + A.substring(0, A.length() - 1) + (A.endsWith("q") ? "p" : "q"), Reason.BAD_ADDRESS_CHECKSUM);
    }
}
