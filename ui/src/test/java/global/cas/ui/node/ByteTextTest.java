package global.cas.ui.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteTextTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0 B",
        "999, 999 B",
        "1000, 1.0 kB",
        "4749, 4.7 kB",
        "999949, 999.9 kB",
        "999950, 1.0 MB",
        "53700000, 53.7 MB",
        "1234567890, 1.2 GB"
    })
    void readable(long bytes, String shown) {
        assertThat(ByteText.of(bytes)).isEqualTo(shown);
    }
}
