package global.cas.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.p2p.PersistentPeers;
import global.cas.rejection.Reason;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.shell.NodeAccess;
import global.cas.ui.shell.ViewLoader;
import global.cas.ui.testing.Reveal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings, peers to keep connected: against a real node (a devnet running no network). */
@ExtendWith(ApplicationExtension.class)
class PeerSettingsTest {
    @TempDir
    static Path dir;

    private Node node;
    private NodeAccess access;
    private Messages messages;
    private Path dataDir;

    @Start
    void start(Stage stage) {
        dataDir = dir.resolve("n" + System.nanoTime());
        node = Node.start(
                new NodeConfig(dataDir, TestChain.params(), Optional.of(TestChain.validator()), 1000, 100),
                H2ChainStore::open);
        access = new NodeAccess(CompletableFuture.completedFuture(node));
        messages = new Messages(UiLanguage.ENGLISH);
        SettingsModel settings = new SettingsModel(
                messages,
                UiSettings.defaults(Locale.ENGLISH),
                dataDir.resolve("settings.json"),
                Runnable::run,
                () -> false);
        PeerListModel peers = new PeerListModel(access, messages, new FxExecutor());
        ViewLoader loader = new ViewLoader(messages, type -> new SettingsController(settings, peers, messages));
        ScrollPane frame = new ScrollPane(loader.<SettingsController>load("/global/cas/ui/settings/settings.fxml")
                .root());
        frame.setFitToWidth(true);
        stage.setScene(new Scene(frame, 900, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        access.close();
        node.close();
    }

    private String outcome(FxRobot robot) {
        return robot.lookup("#peerOutcome").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private ListView<String> list(FxRobot robot) {
        return robot.lookup("#peers").queryAs(ListView.class);
    }

    @Test
    @DisplayName("a mistyped peer is refused with the translated reason; nothing is added or saved")
    void mistypedRefused(FxRobot robot) throws Exception {
        robot.clickOn(Reveal.scrolledTo(robot, "#peerAddress")).write("192.168.1.20");
        robot.clickOn(Reveal.scrolledTo(robot, "#addPeer"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !outcome(robot).isEmpty());
        assertThat(outcome(robot)).isEqualTo(messages.reason(Reason.BAD_PEER_ADDRESS));
        assertThat(robot.lookup("#peerOutcome").queryAs(Label.class).getStyleClass())
                .contains("danger");
        assertThat(list(robot).getItems()).isEmpty();
        assertThat(dataDir.resolve(PersistentPeers.FILE_NAME)).doesNotExist();
    }

    @Test
    @DisplayName(
            "a peer added is saved in the data folder, listed, and said to be dialled from the next start; removed, it is gone")
    void addAndRemove(FxRobot robot) throws Exception {
        robot.clickOn(Reveal.scrolledTo(robot, "#peerAddress")).write("10.0.0.7:26656");
        robot.clickOn(Reveal.scrolledTo(robot, "#addPeer"));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !list(robot).getItems().isEmpty());
        assertThat(list(robot).getItems()).containsExactly("10.0.0.7:26656");
        assertThat(outcome(robot)).isEqualTo(messages.get("settings.peers.nextStart", "10.0.0.7:26656"));
        assertThat(Files.readString(dataDir.resolve(PersistentPeers.FILE_NAME))).contains("10.0.0.7:26656");
        assertThat(node.persistentPeers()).containsExactly("10.0.0.7:26656");

        robot.interact(() -> list(robot).getSelectionModel().select(0));
        robot.clickOn(Reveal.scrolledTo(robot, "#removePeer"));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> list(robot).getItems().isEmpty());
        assertThat(node.persistentPeers()).isEmpty();
        assertThat(robot.lookup("#removePeer").queryAs(Button.class).isDisabled())
                .isTrue();
    }
}
