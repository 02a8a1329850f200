package global.cas.governance;

import static global.cas.governance.Fixtures.cas;
import static org.assertj.core.api.Assertions.assertThat;

import global.cas.params.GovernanceParams;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SupportLatchTest {
    private final GovernanceParams p = GovernanceParams.defaults();
    private static final long DAY = 86_400_000L;

    @Test
    @DisplayName("G33: support of exactly 100,000 CAS asks nothing, one unit more makes a response due in 14 days")
    void responseThreshold() {
        SupportLatch l = SupportLatch.none().observe(cas(100_000), 1_000, p);
        assertThat(l.responseDue()).isFalse();
        assertThat(l.responseDeadline(p)).isEmpty();
        l = l.observe(cas(100_000) + 1, 5_000, p);
        assertThat(l.responseDue()).isTrue();
        assertThat(l.referendumOpened()).isFalse();
        assertThat(l.responseDueSince()).hasValue(5_000);
        assertThat(l.responseDeadline(p)).hasValue(5_000 + 14 * DAY);
    }

    @Test
    @DisplayName("G34: support of exactly 100,000,000 CAS opens no referendum, one unit more does")
    void referendumThreshold() {
        SupportLatch l = SupportLatch.none().observe(cas(100_000_000), 10, p);
        assertThat(l.referendumOpened()).isFalse();
        assertThat(l.responseDue()).isTrue();
        l = l.observe(cas(100_000_000) + 1, 20, p);
        assertThat(l.referendumOpened()).isTrue();
        assertThat(l.referendumSince()).hasValue(20);
        assertThat(l.responseDueSince()).hasValue(10);
    }

    @Test
    @DisplayName("G32: once crossed, the thresholds stay latched even if support falls to zero")
    void latched() {
        SupportLatch l = SupportLatch.none()
                .observe(cas(200_000_000), 7, p)
                .observe(0, 100, p)
                .observe(cas(300_000_000), 200, p);
        assertThat(l.responseDueSince()).hasValue(7);
        assertThat(l.referendumSince()).hasValue(7);
    }

    @Test
    @DisplayName("G33: a response on the deadline is on time; none by then is overdue")
    void overdue() {
        SupportLatch l = SupportLatch.none().observe(cas(100_001), 0, p);
        long deadline = 14 * DAY;
        assertThat(l.overdue(deadline, OptionalLong.empty(), p)).isFalse();
        assertThat(l.overdue(deadline + 1, OptionalLong.empty(), p)).isTrue();
        assertThat(l.overdue(deadline + 1_000 * DAY, OptionalLong.of(deadline), p))
                .isFalse();
        assertThat(SupportLatch.none().overdue(Long.MAX_VALUE, OptionalLong.empty(), p))
                .isFalse();
    }

    @Test
    @DisplayName("G33: a late response is shown as overdue forever")
    void lateForever() {
        SupportLatch l = SupportLatch.none().observe(cas(100_001), 0, p);
        long late = 14 * DAY + 1;
        assertThat(l.overdue(late, OptionalLong.of(late), p)).isTrue();
        assertThat(l.overdue(late + 10_000 * DAY, OptionalLong.of(late), p)).isTrue();
    }
}
