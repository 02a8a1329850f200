package global.cas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveWeightTest {
    @Test
    @DisplayName("G2: selling after the opening removes weight")
    void selling() {
        assertThat(LiveWeight.of(1_000, 400)).isEqualTo(400);
    }

    @Test
    @DisplayName("G2: buying after the opening adds no weight")
    void buying() {
        assertThat(LiveWeight.of(1_000, 5_000)).isEqualTo(1_000);
    }

    @Test
    @DisplayName("G2: the weight is never negative")
    void neverNegative() {
        assertThat(LiveWeight.of(-5, 10)).isZero();
        assertThat(LiveWeight.of(0, 10)).isZero();
    }
}
