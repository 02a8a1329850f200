package global.cas.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.shell.ViewLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {
    @TempDir
    static Path dir;

    private Messages messages;
    private SettingsModel model;
    private Path file;
    private StackPane root;

    @Start
    void start(Stage stage) {
        file = dir.resolve("settings-" + System.nanoTime() + ".json");
        messages = new Messages(UiLanguage.ENGLISH);
        model = new SettingsModel(messages, UiSettings.defaults(Locale.ENGLISH), file, Runnable::run, () -> false);
        PeerListModel peers = new PeerListModel(
                new global.cas.ui.shell.NodeAccess(new java.util.concurrent.CompletableFuture<>()),
                messages,
                new global.cas.ui.shell.FxExecutor());
        ViewLoader loader = new ViewLoader(messages, type -> new SettingsController(model, peers, messages));
        root = new StackPane();
        messages.languageProperty()
                .addListener((o, a, b) -> root.getChildren()
                        .setAll(loader.<SettingsController>load("/global/cas/ui/settings/settings.fxml")
                                .root()));
        Parent view = loader.<SettingsController>load("/global/cas/ui/settings/settings.fxml")
                .root();
        root.getChildren().setAll(view);
        model.attach(root);
        stage.setScene(new Scene(root, 800, 500));
        stage.show();
    }

    @Test
    @DisplayName("choosing 简体中文 switches the visible text at once and is saved")
    @SuppressWarnings("unchecked")
    void languageSwitch(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#language").queryAs(ComboBox.class).setValue(UiLanguage.CHINESE_SIMPLIFIED));
        assertThat(robot.lookup(".title-2").queryAs(Label.class).getText()).isEqualTo("设置");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(file));
        assertThat(UiSettings.load(file, Locale.ENGLISH).language()).isEqualTo(UiLanguage.CHINESE_SIMPLIFIED);
    }

    @Test
    @DisplayName("the dark theme and a larger text size apply to the window")
    @SuppressWarnings("unchecked")
    void themeAndScale(FxRobot robot) {
        robot.interact(() -> robot.lookup("#theme").queryAs(ComboBox.class).setValue(Theme.DARK));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        robot.interact(() -> model.settingsProperty().set(model.settings().withTextScale(150)));
        assertThat(root.getStyle()).contains("19.5px");
        assertThat(UiSettings.load(file, Locale.ENGLISH).textScalePercent()).isEqualTo(150);
    }

    @Test
    @DisplayName("a damaged settings file gives the defaults instead of an error")
    void damagedFile() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{not json");
        assertThat(UiSettings.load(bad, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(UiSettings.defaults(Locale.SIMPLIFIED_CHINESE));
        assertThat(UiSettings.defaults(Locale.SIMPLIFIED_CHINESE).language()).isEqualTo(UiLanguage.CHINESE_SIMPLIFIED);
    }
}
