package global.cas.ui.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PingTextTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0.0",
        "349, 0.3",
        "350, 0.4",
        "1000, 1.0",
        "9949, 9.9",
        "9950, 10.0",
        "10000, 10",
        "187499, 187",
        "187500, 188"
    })
    void readable(long micros, String shown) {
        assertThat(PingText.millis(micros)).isEqualTo(shown);
    }
}
