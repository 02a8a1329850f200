package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C5: block time is the median of the precommits' timestamps and strictly grows. */
class BlockTimeTest {

    @Test
    @DisplayName("C5: the median of an odd count is the middle timestamp, whatever the order")
    void oddMedian() {
        assertThat(BlockTime.median(List.of(5L))).isEqualTo(5);
        assertThat(BlockTime.median(List.of(30L, 10L, 20L))).isEqualTo(20);
        assertThat(BlockTime.median(List.of(1L, 1_000_000L, 2L, 3L, 999_999L))).isEqualTo(3);
    }

    @Test
    @DisplayName("C5: with an even count the lower median is taken, so the time is one of the timestamps")
    void evenMedian() {
        assertThat(BlockTime.median(List.of(10L, 20L))).isEqualTo(10);
        assertThat(BlockTime.median(List.of(40L, 10L, 30L, 20L))).isEqualTo(20);
    }

    @Test
    @DisplayName("C5: a minority of faulty clocks cannot move the median outside the honest timestamps")
    void faultyMinority() {
        List<Long> ts = new ArrayList<>(List.of(1000L, 1001L, 1002L, 1003L, 1004L));
        ts.addAll(List.of(Long.MAX_VALUE, Long.MAX_VALUE, 0L)); // 3 of 8 faulty
        long m = BlockTime.median(ts);
        assertThat(m).isBetween(1000L, 1004L);
    }

    @Test
    @DisplayName("C5: the median does not change its input list")
    void inputUnchanged() {
        List<Long> ts = new ArrayList<>(List.of(3L, 1L, 2L));
        BlockTime.median(ts);
        assertThat(ts).containsExactly(3L, 1L, 2L);
    }

    @Test
    @DisplayName("C5: a commit needs at least one precommit")
    void empty() {
        assertThatThrownBy(() -> BlockTime.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("C5: block time strictly grows: at least one millisecond after the previous block")
    void strictlyGrows() {
        assertThat(BlockTime.next(1000, List.of(900L, 950L, 1200L))).isEqualTo(1001);
        assertThat(BlockTime.next(1000, List.of(1000L))).isEqualTo(1001);
        assertThat(BlockTime.next(1000, List.of(1500L, 1600L, 1700L))).isEqualTo(1600);
        long t = 0;
        for (int i = 0; i < 100; i++) {
            long next = BlockTime.next(t, List.of(t - 10, t - 5, t));
            assertThat(next).isGreaterThan(t);
            t = next;
        }
    }
}
