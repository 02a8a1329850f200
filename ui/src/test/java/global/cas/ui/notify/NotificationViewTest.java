package global.cas.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import global.cas.testing.FakeClock;
import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.wallet.DesktopNotifier;
import global.cas.ui.wallet.WalletText;
import global.cas.wallet.WalletEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The notification centre on screen, with the program's AtlantaFX theme applied. */
@ExtendWith(ApplicationExtension.class)
class NotificationViewTest {
    private static final long CAS = 100_000_000L;

    /** What JavaFX's CSS engine complains about (it logs through java.util.logging as "javafx.css"). */
    static final class CssComplaints extends Handler {
        private final Logger logger = Logger.getLogger("javafx.css");
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        CssComplaints() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
        }

        List<String> texts() {
            return records.stream()
                    .map(r -> r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()))
                    .toList();
        }
    }

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final CssComplaints css = new CssComplaints();
    private final List<String[]> desktop = new CopyOnWriteArrayList<>();
    private Messages messages;
    private NotificationView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        messages = new Messages(UiLanguage.ENGLISH);
        DesktopAlerts recorder = new DesktopAlerts() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public void show(String title, String body) {
                desktop.add(new String[] {title, body});
            }
        };
        view = new NotificationView(
                // toasts stay 30 s here, so that separate bursts (10 s apart) can be on screen together
                new NotificationCentre(
                        clock,
                        new NoticePolicy(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(30), 3, 100),
                        true),
                messages,
                u -> WalletText.cas(messages, u),
                recorder,
                clock);
        BorderPane window = new BorderPane(new Label("content"));
        window.setTop(view.bell());
        stage.setScene(new Scene(new StackPane(window, view.overlay()), 1000, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        css.close();
        view.stop();
    }

    private static WalletEntry mined(long height) {
        return new WalletEntry(global.cas.crypto.Hash.ZERO, height, 0, WalletEntry.Kind.MINED, 25 * CAS, 0, List.of());
    }

    private List<Region> toasts(FxRobot robot) {
        return robot.lookup(".notify-toast").queryAllAs(Region.class).stream().toList();
    }

    @Test
    @DisplayName("a toast has its panel under the AtlantaFX themes, and the CSS engine reports nothing")
    void themedPanel(FxRobot robot) {
        for (var theme : List.of(new PrimerLight(), new PrimerDark())) {
            robot.interact(() -> {
                Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
                view.post(new Notice(DesktopNotifier.RECEIVED, 40 * CAS, 9), true);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Region toast = toasts(robot).getFirst();
            assertThat(toast.getBackground()).as("the toast's panel").isNotNull();
            assertThat(toast.getBackground().getFills()).isNotEmpty();
            assertThat(toast.getBackground().getFills().getLast().getFill())
                    .isNotEqualTo(javafx.scene.paint.Color.TRANSPARENT);
            robot.interact(() -> view.setHistoryOpen(true));
            Region panel = robot.lookup("#notify-panel").queryAs(Region.class);
            assertThat(panel.getBackground()).as("the history's panel").isNotNull();
            robot.interact(() -> view.setHistoryOpen(false));
        }
        assertThat(css.texts()).as("CSS complaints").isEmpty();
    }

    @Test
    @DisplayName("six blocks mined in a burst show as ONE toast, '6 blocks mined, 150 CAS'; at most three on screen")
    void burstOneToast(FxRobot robot) {
        DesktopNotifier wallet = new DesktopNotifier(view);
        robot.interact(() -> {
            for (int h = 12; h <= 17; h++) {
                view.post(DesktopNotifier.notice(mined(h)), true);
                clock.advance(Duration.ofSeconds(1));
            }
        });
        assertThat(toasts(robot)).hasSize(1);
        assertThat(robot.lookup(".notify-toast .notify-summary")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("6 blocks mined, 150 CAS");
        assertThat(robot.lookup(".notify-toast .notify-detail")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Blocks 12–17");
        // four separate bursts: only the newest three stay on screen
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(11));
                view.post(new Notice(DesktopNotifier.RECEIVED, CAS, 20 + i), true);
            }
        });
        assertThat(toasts(robot)).hasSize(3);
        assertThat(wallet.unreadProperty().get()).isZero();
    }

    @Test
    @DisplayName("plurals read right in both languages: 1 block / 2 blocks, 1 笔 / 2 笔")
    void plurals(FxRobot robot) {
        NoticeEntry one =
                new NoticeEntry(1, DesktopNotifier.MINED, 1, 25 * CAS, 7, 7, clock.instant(), clock.instant(), false);
        NoticeEntry two =
                new NoticeEntry(2, DesktopNotifier.MINED, 2, 50 * CAS, 7, 8, clock.instant(), clock.instant(), false);
        NoticeEntry paid1 = new NoticeEntry(
                3, DesktopNotifier.RECEIVED, 1, 12 * CAS + CAS / 2, 9, 9, clock.instant(), clock.instant(), false);
        NoticeEntry paid3 = new NoticeEntry(
                4, DesktopNotifier.RECEIVED, 3, 40 * CAS, 9, 11, clock.instant(), clock.instant(), false);
        assertThat(view.summary(one)).isEqualTo("1 block mined, 25 CAS");
        assertThat(view.summary(two)).isEqualTo("2 blocks mined, 50 CAS");
        assertThat(view.summary(paid1)).isEqualTo("Payment received, 12.5 CAS");
        assertThat(view.summary(paid3)).isEqualTo("3 payments received, 40 CAS");
        assertThat(view.detail(one)).isEqualTo("Block 7");
        assertThat(view.detail(two)).isEqualTo("Blocks 7–8");
        robot.interact(() -> messages.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED));
        assertThat(view.summary(one)).isEqualTo("挖出 1 个区块，25 CAS");
        assertThat(view.summary(two)).isEqualTo("挖出 2 个区块，50 CAS");
        assertThat(view.summary(paid1)).isEqualTo("收到 1 笔付款，12.5 CAS");
        assertThat(view.summary(paid3)).isEqualTo("收到 3 笔付款，40 CAS");
        assertThat(view.detail(two)).isEqualTo("区块 7–8");
    }

    @Test
    @DisplayName(
            "background payments count on the bell and go to the desktop once the burst is over; the list marks them read")
    void backgroundAndHistory(FxRobot robot) {
        robot.interact(() -> {
            view.post(new Notice(DesktopNotifier.RECEIVED, 30 * CAS, 5), false);
            view.post(new Notice(DesktopNotifier.RECEIVED, 10 * CAS, 6), false);
        });
        assertThat(toasts(robot)).isEmpty();
        assertThat(view.unreadProperty().get()).isEqualTo(1);
        assertThat(robot.lookup("#notify-badge").queryAs(Label.class).getText()).isEqualTo("1");
        robot.interact(() -> {
            clock.advance(Duration.ofSeconds(11));
            view.tick();
        });
        assertThat(desktop)
                .singleElement()
                .satisfies(d -> assertThat(d).containsExactly("2 payments received, 40 CAS", "Blocks 5–6"));

        robot.clickOn("#notify-bell");
        assertThat(robot.lookup("#notify-panel").query().isVisible()).isTrue();
        assertThat(view.unreadProperty().get()).isZero();
        assertThat(robot.lookup("#notify-badge").query().isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        ListView<NoticeEntry> list = robot.lookup("#notify-history").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(1);
        // the JDK writes a narrow no-break space before PM
        assertThat(view.time(list.getItems().getFirst()).replace('\u202f', ' ')).isEqualTo("12:00 PM");
        robot.clickOn("#notify-clear");
        assertThat(list.getItems()).isEmpty();
        Node clear = robot.lookup("#notify-clear").query();
        assertThat(((Button) clear).isDisabled()).isTrue();
    }
}
