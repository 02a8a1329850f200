package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import global.cas.ledger.Amounts;
import global.cas.node.Node;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.node.MiningModel;
import global.cas.ui.notify.DesktopAlerts;
import global.cas.ui.notify.NoticeEntry;
import global.cas.ui.notify.NotificationView;
import global.cas.ui.shell.MainWindow;
import global.cas.ui.shell.ViewLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wallet's announcements through the real notification centre in the main window, over a real
 * node: payments received and blocks mined by the CPU miner arrive merged. With {@code
 * -Dscreenshots.dir=…} it also writes {@code notifications-en.png} and {@code -zh.png} there (the
 * history list open over the overview).
 */
@ExtendWith(ApplicationExtension.class)
class WalletNotificationsTest {
    @TempDir
    static Path dir;

    private static Node node;

    private WalletFixture fixture;
    private WalletModel payer;
    private WalletModel payee;
    private NotificationView notices;
    private Scene scene;

    @BeforeAll
    static void startNode() {
        node = WalletFixture.startNode(dir);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        fixture = new WalletFixture(dir, Optional.of(node));
        var m = fixture.messages;
        notices = NotificationView.forDesktop(m, u -> WalletText.cas(m, u), DesktopAlerts.none());
        fixture.alsoNotify = new DesktopNotifier(notices);
        payer = fixture.devnetWallet();
        payee = fixture.newWallet();
        ViewLoader loader = fixture.loader(payee);
        MainWindow window = new MainWindow(loader, fixture.nodeModel, WalletScreensTest.screens());
        window.placeNotifications(notices.bell(), notices.overlay());
        scene = new Scene(window.root(), 1100, 720);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        notices.stop();
        fixture.close();
    }

    @Test
    @DisplayName("three payments and a run of mined blocks arrive as two merged entries, not one toast each")
    void realBursts(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> payer.syncedProperty().get() && payee.syncedProperty().get());
        long fee = node.params().minFeePerByte();
        // one after the other: each spends the change of the one before, once it is in a block
        long expected = 0;
        for (String amount : List.of("12.5", "20", "7.5")) {
            payer.send(
                            SendRequest.amount(payee.receivingAddressProperty().get(), Amounts.parse(amount), fee),
                            WalletFixture.PASSWORD.toCharArray())
                    .get(10, TimeUnit.SECONDS);
            long now = expected += Amounts.parse(amount);
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> payee.balanceProperty().get() == now
                            && payer.spendableProperty().get()
                                    == payer.balanceProperty().get());
        }
        MiningModel mining = new MiningModel(fixture.nodeModel);
        robot.interact(() -> mining.start(1, payee.receivingAddressProperty().get()));
        try {
            WaitForAsyncUtils.waitFor(
                    60,
                    TimeUnit.SECONDS,
                    () -> payee.history().stream()
                                    .filter(e -> e.kind() == global.cas.wallet.WalletEntry.Kind.MINED)
                                    .count()
                            >= 3);
        } finally {
            robot.interact(mining::stop);
        }
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> fixture.notified.stream()
                                .filter(e -> e.kind() == global.cas.wallet.WalletEntry.Kind.MINED)
                                .count()
                        >= 3);
        robot.interact(() -> notices.setHistoryOpen(true));
        @SuppressWarnings("unchecked")
        ListView<NoticeEntry> list = robot.lookup("#notify-history").queryAs(ListView.class);
        List<NoticeEntry> entries = List.copyOf(list.getItems());
        assertThat(entries).extracting(NoticeEntry::topic).contains(DesktopNotifier.MINED, DesktopNotifier.RECEIVED);
        NoticeEntry received = entries.stream()
                .filter(e -> e.topic().equals(DesktopNotifier.RECEIVED))
                .findFirst()
                .orElseThrow();
        assertThat(notices.summary(received)).isEqualTo("3 payments received, 40 CAS");
        NoticeEntry mined = entries.getFirst();
        assertThat(mined.topic()).isEqualTo(DesktopNotifier.MINED);
        assertThat(mined.count()).isGreaterThanOrEqualTo(3);
        assertThat(robot.lookup(".notify-toast").queryAll()).hasSizeLessThanOrEqualTo(3);

        String shots = System.getProperty("screenshots.dir");
        if (shots != null) {
            shoot(robot, Path.of(shots).resolve("notifications-en.png"));
            robot.interact(() -> fixture.messages.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED));
            robot.interact(() -> notices.setHistoryOpen(true));
            WaitForAsyncUtils.waitForFxEvents();
            shoot(robot, Path.of(shots).resolve("notifications-zh.png"));
        }
    }

    private void shoot(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
