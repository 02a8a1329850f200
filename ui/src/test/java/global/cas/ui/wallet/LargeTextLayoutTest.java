package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Network;
import global.cas.node.Node;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.node.MiningModel;
import global.cas.ui.node.NodeController;
import global.cas.ui.settings.SettingsController;
import global.cas.ui.settings.SettingsModel;
import global.cas.ui.settings.UiSettings;
import global.cas.ui.shell.MainWindow;
import global.cas.ui.shell.Screen;
import global.cas.ui.shell.ViewLoader;
import global.cas.ui.testing.LayoutInspector;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
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
 * Every screen of the window, in English and Chinese, at 100%, 150% and 200% text in a 1024×700
 * window: no text is drawn cut and no control lies outside what the person can see or scroll to.
 */
@ExtendWith(ApplicationExtension.class)
class LargeTextLayoutTest {
    private static final int WIDTH = 1024;
    private static final int HEIGHT = 700;
    private static final int[] SCALES = {100, 150, 200};

    @TempDir
    static Path dir;

    private static Node node;

    private WalletFixture fixture;
    private WalletModel wallet;
    private MainWindow window;
    private SettingsModel settings;
    private FirstRunModel firstRun;
    private ViewLoader loader;
    private Scene scene;

    @BeforeAll
    static void startNode() {
        node = WalletFixture.startNode(dir);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    static List<Screen> screens() {
        List<Screen> all = new ArrayList<>(WalletScreensTest.screens());
        all.add(new Screen(
                "security",
                "nav.security",
                "/global/cas/ui/wallet/security.fxml",
                KeyCombination.keyCombination("Shortcut+6")));
        all.add(new Screen(
                "node", "nav.node", "/global/cas/ui/node/node.fxml", KeyCombination.keyCombination("Shortcut+7")));
        all.add(new Screen(
                "settings",
                "nav.settings",
                "/global/cas/ui/settings/settings.fxml",
                KeyCombination.keyCombination("Shortcut+8")));
        return all;
    }

    @Start
    void start(Stage stage) {
        fixture = new WalletFixture(dir, Optional.of(node));
        wallet = fixture.devnetWallet();
        var m = fixture.messages;
        MiningModel mining = new MiningModel(fixture.nodeModel);
        settings = new SettingsModel(
                m, UiSettings.defaults(Locale.ENGLISH), dir.resolve("settings.json"), Runnable::run, () -> false);
        firstRun = new FirstRunModel(
                fixture.opener,
                WalletFixture.wordLists(),
                dir.resolve("first-" + System.nanoTime() + ".wallet"),
                Network.DEVNET,
                new SecureRandom());
        loader = fixture.loader(wallet, type -> {
            if (type == NodeController.class) {
                return new NodeController(fixture.nodeModel, mining, m);
            } else if (type == SettingsController.class) {
                return new SettingsController(
                        settings,
                        new global.cas.ui.settings.PeerListModel(
                                fixture.access, m, new global.cas.ui.shell.FxExecutor()),
                        m);
            } else if (type == FirstRunController.class) {
                return new FirstRunController(m, firstRun);
            }
            throw new IllegalArgumentException(type.getName());
        });
        window = new MainWindow(loader, fixture.nodeModel, screens());
        scene = new Scene(window.root(), WIDTH, HEIGHT);
        window.installShortcuts(scene);
        settings.attach(window.root());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    @DisplayName(
            "every screen at 100%, 150% and 200% text, in English and Chinese, at 1024×700: nothing cut, nothing out of reach")
    void nothingCutAtAnyTextSize(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> wallet.syncedProperty().get());
        List<String> problems = new ArrayList<>();
        for (UiLanguage language : List.of(UiLanguage.ENGLISH, UiLanguage.CHINESE_SIMPLIFIED)) {
            for (int scale : SCALES) {
                robot.interact(() -> {
                    settings.settingsProperty()
                            .set(settings.settings().withLanguage(language).withTextScale(scale));
                });
                for (Screen s : screens()) {
                    robot.interact(() -> window.show(s.id()));
                    problems.addAll(inspect(robot, s.id() + " " + language.name() + " " + scale + "%", scale == 100));
                }
                robot.interact(() ->
                        window.showStandalone(loader.<FirstRunController>load("/global/cas/ui/wallet/firstrun.fxml")
                                .root()));
                problems.addAll(inspect(robot, "firstrun " + language.name() + " " + scale + "%", scale == 100));
                robot.interact(() -> window.setScreens(screens(), "overview"));
            }
        }
        assertThat(problems).as("cut or unreachable at large text").isEmpty();
    }

    /** What is cut or out of reach; at normal text size also every table that needs to scroll sideways. */
    private List<String> inspect(FxRobot robot, String where, boolean normalSize) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    List<LayoutInspector.Problem> found =
                            new ArrayList<>(LayoutInspector.inspect(scene.getRoot(), WIDTH, HEIGHT));
                    if (normalSize) {
                        found.addAll(LayoutInspector.sidewaysTables(scene.getRoot()));
                    }
                    return found.stream().map(p -> where + ": " + p).toList();
                })
                .get(10, TimeUnit.SECONDS);
    }
}
