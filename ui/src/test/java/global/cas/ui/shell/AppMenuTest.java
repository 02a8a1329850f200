package global.cas.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.node.NodeModel;
import global.cas.ui.settings.SettingsController;
import global.cas.ui.settings.SettingsModel;
import global.cas.ui.settings.UiSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The menu bar: File, View and Help, in the window's language, with the screens' shortcuts. */
@ExtendWith(ApplicationExtension.class)
class AppMenuTest {
    @TempDir
    static Path dir;

    private Messages messages;
    private MainWindow window;
    private final AtomicInteger opened = new AtomicInteger();
    private final ObservableList<Path> recent = FXCollections.observableArrayList(Path.of("/tmp/a.wallet"));

    @Start
    void start(Stage stage) {
        messages = new Messages(UiLanguage.ENGLISH);
        SettingsModel settings = new SettingsModel(
                messages, UiSettings.defaults(Locale.ENGLISH), dir.resolve("s.json"), Runnable::run, () -> false);
        NodeAccess access = new NodeAccess(new CompletableFuture<>());
        global.cas.ui.settings.PeerListModel peers =
                new global.cas.ui.settings.PeerListModel(access, messages, new FxExecutor());
        ViewLoader loader = new ViewLoader(messages, type -> new SettingsController(settings, peers, messages));
        NodeModel node = new NodeModel(access, new global.cas.ui.node.NodeEventBridge(new FxExecutor()));
        window = new MainWindow(
                loader,
                node,
                List.of(new Screen(
                        "settings",
                        "nav.settings",
                        "/global/cas/ui/settings/settings.fxml",
                        KeyCombination.keyCombination("Shortcut+8"))));
        window.installMenu(new MenuActions() {
            @Override
            public void openWallet() {
                opened.incrementAndGet();
            }

            @Override
            public void newWallet() {}

            @Override
            public ObservableList<Path> recentWallets() {
                return recent;
            }

            @Override
            public void openRecent(Path wallet) {
                opened.incrementAndGet();
            }

            @Override
            public void about() {}

            @Override
            public void quit() {}
        });
        stage.setScene(new Scene(window.root(), 900, 600));
        stage.show();
    }

    private MenuBar bar(FxRobot robot) {
        return robot.lookup("#menu-bar").queryAs(MenuBar.class);
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream()
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName(
            "File, View and Help: View lists each screen with its shortcut, File the recent wallets, and the menus follow the language")
    void menus(FxRobot robot) throws Exception {
        MenuBar bar = bar(robot);
        assertThat(bar.getMenus()).extracting(Menu::getText).containsExactly("File", "View", "Help");
        Menu view = bar.getMenus().get(1);
        assertThat(item(view, "menu-view-settings").getAccelerator())
                .isEqualTo(KeyCombination.keyCombination("Shortcut+8"));
        Menu file = bar.getMenus().get(0);
        Menu recentMenu = (Menu) item(file, "menu-recent");
        assertThat(recentMenu.getItems()).extracting(MenuItem::getText).containsExactly("/tmp/a.wallet");
        robot.interact(() -> recentMenu.getItems().get(0).fire());
        robot.interact(() -> item(file, "menu-open").fire());
        assertThat(opened.get()).isEqualTo(2);

        robot.interact(() -> messages.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED));
        assertThat(bar(robot).getMenus()).extracting(Menu::getText).containsExactly("文件", "查看", "帮助");

        robot.interact(
                () -> item(bar(robot).getMenus().get(2), "menu-shortcuts").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Shortcut+8").tryQuery().isPresent()
                        || robot.lookup(KeyCombination.keyCombination("Shortcut+8")
                                        .getDisplayText())
                                .tryQuery()
                                .isPresent())
                .as("the shortcuts dialog lists the screen's shortcut")
                .isTrue();
    }
}
