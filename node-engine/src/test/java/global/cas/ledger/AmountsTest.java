package global.cas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** U1: amounts are longs of base units, 10^8 to the CAS, with checked arithmetic and exact text. */
class AmountsTest {

    private static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    @DisplayName("U1: 1 CAS is 10^8 base units")
    void unit() {
        assertThat(Amounts.UNITS_PER_CAS).isEqualTo(100_000_000L);
        assertThat(Amounts.cas(5_000_000_000L)).isEqualTo(500_000_000_000_000_000L);
    }

    @Test
    @DisplayName("U1: overflowing addition, subtraction and multiplication reject with AMOUNT_OVERFLOW")
    void checkedOverflow() {
        assertThat(Amounts.add(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
        rejected(() -> Amounts.add(Long.MAX_VALUE, 1), Reason.AMOUNT_OVERFLOW);
        rejected(() -> Amounts.add(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2 + 1), Reason.AMOUNT_OVERFLOW);
        assertThat(Amounts.subtract(0, Long.MAX_VALUE)).isEqualTo(-Long.MAX_VALUE);
        rejected(() -> Amounts.subtract(Long.MIN_VALUE, 1), Reason.AMOUNT_OVERFLOW);
        rejected(() -> Amounts.multiply(Long.MAX_VALUE / 2, 3), Reason.AMOUNT_OVERFLOW);
        rejected(() -> Amounts.cas(92_233_720_369L), Reason.AMOUNT_OVERFLOW);
        assertThat(Amounts.cas(92_233_720_368L)).isEqualTo(9_223_372_036_800_000_000L);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 100000000",
        "12.5, 1250000000",
        "0.00000001, 1",
        "0.1, 10000000",
        "3000000000, 300000000000000000",
        "92233720368.54775807, 9223372036854775807",
        "' 7.25 ', 725000000",
        "00001.10000000, 110000000"
    })
    @DisplayName("U1: Amounts.parse is exact decimal to base units")
    void parse(String text, long units) {
        assertThat(Amounts.parse(text)).isEqualTo(units);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "1.", ".5", "-1", "+1", "1e3", "1,5", "0.000000001", "1.5.0", "١٢", "NaN", "123456789012"})
    @DisplayName("U1: Amounts.parse refuses anything that is not plain decimal digits with at most 8 decimals")
    void parseMalformed(String text) {
        rejected(() -> Amounts.parse(text), Reason.MALFORMED);
    }

    @Test
    @DisplayName("U1: Amounts.parse refuses zero and values above Long.MAX_VALUE base units")
    void parseBounds() {
        rejected(() -> Amounts.parse("0"), Reason.NON_POSITIVE_AMOUNT);
        rejected(() -> Amounts.parse("0.00000000"), Reason.NON_POSITIVE_AMOUNT);
        rejected(() -> Amounts.parse("92233720368.54775808"), Reason.AMOUNT_OVERFLOW);
        rejected(() -> Amounts.parse("99999999999.99999999"), Reason.AMOUNT_OVERFLOW);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1, 0.00000001",
        "100000000, 1",
        "1250000000, 12.5",
        "10000000, 0.1",
        "-150000000, -1.5",
        "9223372036854775807, 92233720368.54775807",
        "-9223372036854775808, -92233720368.54775808"
    })
    @DisplayName("U1: Amounts.format is exact, trims trailing zeros and never uses floating point")
    void format(long units, String text) {
        assertThat(Amounts.format(units)).isEqualTo(text);
    }

    @Test
    @DisplayName("U1: format then parse gives back every positive amount exactly")
    void roundTrip() {
        long[] samples = {
            1, 9, 10, 99_999_999, 100_000_000, 100_000_001, 123_456_789_012_345L, Long.MAX_VALUE, 0x1234_5678_9abcL
        };
        for (long v : samples) {
            assertThat(Amounts.parse(Amounts.format(v))).isEqualTo(v);
        }
    }

    @Test
    @DisplayName("U1: format writes ASCII digits whatever the default locale")
    void formatIgnoresLocale() {
        Locale saved = Locale.getDefault(Locale.Category.FORMAT);
        try {
            for (String tag : new String[] {"ar-EG", "th-TH-u-nu-thai", "hi-IN-u-nu-deva", "zh-CN"}) {
                Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(tag));
                assertThat(Amounts.format(105_000_000L)).as(tag).isEqualTo("1.05");
                assertThat(Amounts.format(1)).as(tag).isEqualTo("0.00000001");
            }
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, saved);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|0",
                "1|0.00000001",
                "99900000000|999",
                "100000000000|1,000",
                "-100000000000|-1,000",
                "9999923249995600|99,999,232.499956",
                "-9223372036854775808|-92,233,720,368.54775808",
                "9223372036854775807|92,233,720,368.54775807"
            })
    @DisplayName("U1: amounts for reading group the whole part by threes and keep every decimal")
    void grouped(long units, String text) {
        assertThat(Amounts.formatGrouped(units)).isEqualTo(text);
        assertThat(Amounts.formatGrouped(units).replace(",", "")).isEqualTo(Amounts.format(units));
    }
}
