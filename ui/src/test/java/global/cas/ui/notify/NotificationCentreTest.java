package global.cas.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The centre's rules, FX-free, with a fake clock: bursts merged, a few on screen, history, unread, desktop hand-over. */
class NotificationCentreTest {
    private static final String MINED = "wallet.notify.mined";
    private static final String RECEIVED = "wallet.notify.received";
    private static final long CAS = 100_000_000L;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final NoticePolicy policy =
            new NoticePolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(8), 3, 100);

    private NotificationCentre centre(boolean desktopAlerts) {
        return new NotificationCentre(clock, policy, desktopAlerts);
    }

    @Test
    @DisplayName("six blocks mined within the burst window make one entry of six, their rewards added")
    void burstMerged() {
        NotificationCentre c = centre(true);
        for (int h = 12; h <= 17; h++) {
            c.post(new Notice(MINED, 25 * CAS, h), true);
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(c.history()).hasSize(1);
        NoticeEntry e = c.history().getFirst();
        assertThat(e.count()).isEqualTo(6);
        assertThat(e.amount()).isEqualTo(150 * CAS);
        assertThat(e.firstHeight()).isEqualTo(12);
        assertThat(e.lastHeight()).isEqualTo(17);
        assertThat(c.onScreen()).containsExactly(e);
    }

    @Test
    @DisplayName("topics are merged apart, and a quiet spell longer than the window starts a new entry")
    void topicsAndQuiet() {
        NotificationCentre c = centre(true);
        c.post(new Notice(MINED, 25 * CAS, 1), true);
        c.post(new Notice(RECEIVED, 40 * CAS, 1), true);
        c.post(new Notice(RECEIVED, 2 * CAS, 2), true);
        clock.advance(Duration.ofSeconds(11));
        c.post(new Notice(MINED, 25 * CAS, 3), true);
        assertThat(c.history())
                .extracting(NoticeEntry::topic, NoticeEntry::count, NoticeEntry::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MINED, 1, 25 * CAS),
                        org.assertj.core.groups.Tuple.tuple(RECEIVED, 2, 42 * CAS),
                        org.assertj.core.groups.Tuple.tuple(MINED, 1, 25 * CAS));
    }

    @Test
    @DisplayName("a steady stream merges for at most the longest burst, then starts a new entry")
    void longestBurst() {
        NotificationCentre c = centre(true);
        for (int i = 0; i < 40; i++) {
            c.post(new Notice(MINED, CAS, i), true);
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(c.history()).extracting(NoticeEntry::count).containsExactly(10, 30);
    }

    @Test
    @DisplayName(
            "at most three entries are on screen, the newest; they hide after their time; one pushed off stays off")
    void fewOnScreen() {
        NotificationCentre c = centre(true);
        for (int i = 0; i < 5; i++) {
            c.post(new Notice("topic" + i, 0, -1), true);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(c.onScreen()).extracting(NoticeEntry::topic).containsExactly("topic4", "topic3", "topic2");
        assertThat(c.history()).hasSize(5);
        clock.advance(Duration.ofSeconds(5)); // topic2 was posted 8 s ago
        c.tick();
        assertThat(c.onScreen()).extracting(NoticeEntry::topic).containsExactly("topic4", "topic3");
        c.dismiss(c.onScreen().getFirst().id());
        assertThat(c.onScreen()).extracting(NoticeEntry::topic).containsExactly("topic3");
        clock.advance(Duration.ofSeconds(10));
        c.tick();
        assertThat(c.onScreen()).isEmpty();
    }

    @Test
    @DisplayName(
            "what arrives in the background is unread until the history is opened, and not on screen when the desktop shows it")
    void background() {
        NotificationCentre c = centre(true);
        c.post(new Notice(RECEIVED, CAS, 5), true);
        assertThat(c.unread()).isZero();
        c.post(new Notice(MINED, CAS, 6), false);
        c.post(new Notice(MINED, CAS, 7), false);
        assertThat(c.unread()).isEqualTo(1);
        assertThat(c.onScreen()).extracting(NoticeEntry::topic).containsExactly(RECEIVED);
        AtomicInteger changes = new AtomicInteger();
        c.addListener(changes::incrementAndGet);
        c.markAllRead();
        assertThat(c.unread()).isZero();
        assertThat(changes.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("the desktop is told once per burst, after it went quiet, with the final count")
    void desktopOncePerBurst() {
        NotificationCentre c = centre(true);
        c.post(new Notice(MINED, CAS, 1), false);
        clock.advance(Duration.ofSeconds(3));
        assertThat(c.tick()).isEmpty();
        c.post(new Notice(MINED, CAS, 2), false);
        clock.advance(Duration.ofSeconds(3));
        assertThat(c.tick()).isEmpty();
        c.post(new Notice(MINED, CAS, 3), false);
        clock.advance(Duration.ofSeconds(11));
        assertThat(c.tick())
                .singleElement()
                .satisfies(e -> assertThat(e.count()).isEqualTo(3));
        clock.advance(Duration.ofSeconds(11));
        assertThat(c.tick()).isEmpty();
    }

    @Test
    @DisplayName("without desktop notifications, background notices go on screen in the window instead")
    void fallback() {
        NotificationCentre c = centre(false);
        c.post(new Notice(MINED, CAS, 1), false);
        assertThat(c.onScreen()).hasSize(1);
        assertThat(c.unread()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(11));
        assertThat(c.tick()).isEmpty();
    }

    @Test
    @DisplayName("the history keeps the newest hundred; Clear all empties it")
    void historyBounded() {
        NotificationCentre c = centre(true);
        for (int i = 0; i < 130; i++) {
            c.post(new Notice("t" + i, 0, -1), true);
        }
        assertThat(c.history()).hasSize(100);
        assertThat(c.history().getFirst().topic()).isEqualTo("t129");
        assertThat(c.history().getLast().topic()).isEqualTo("t30");
        c.clear();
        assertThat(c.history()).isEmpty();
        assertThat(c.onScreen()).isEmpty();
    }

    @Test
    @DisplayName("amounts add up exactly: a sum that would overflow starts a new entry, never a wrong sum")
    void overflow() {
        NotificationCentre c = centre(true);
        c.post(new Notice(RECEIVED, Long.MAX_VALUE, 1), true);
        c.post(new Notice(RECEIVED, 1, 2), true);
        assertThat(c.history()).extracting(NoticeEntry::amount).containsExactly(1L, Long.MAX_VALUE);
    }
}
