package global.cas.ui.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.shell.MainWindow;
import global.cas.ui.shell.NodeAccess;
import global.cas.ui.shell.Screen;
import global.cas.ui.shell.ViewLoader;
import global.cas.ui.testing.Reveal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
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

/** The node screen against a real node producing 100 ms blocks on H2. */
@ExtendWith(ApplicationExtension.class)
class NodeScreenTest {
    @TempDir
    static Path dir;

    private Node node;
    private NodeAccess access;
    private Messages messages;
    private MiningModel mining;

    @Start
    void start(Stage stage) {
        node = Node.start(
                new NodeConfig(
                        dir.resolve("n" + System.nanoTime()),
                        TestChain.params(),
                        Optional.of(TestChain.validator()),
                        1000,
                        100),
                H2ChainStore::open);
        access = new NodeAccess(CompletableFuture.completedFuture(node));
        NodeEventBridge bridge = new NodeEventBridge(new FxExecutor());
        node.subscribe(bridge);
        NodeModel model = new NodeModel(access, bridge);
        mining = new MiningModel(model);
        messages = new Messages(UiLanguage.ENGLISH);
        ViewLoader loader = new ViewLoader(messages, type -> {
            if (type == NodeController.class) {
                return new NodeController(model, mining, messages);
            }
            throw new IllegalArgumentException(type.getName());
        });
        MainWindow window = new MainWindow(
                loader,
                model,
                List.of(new Screen(
                        "node",
                        "nav.node",
                        "/global/cas/ui/node/node.fxml",
                        KeyCombination.keyCombination("Shortcut+6"))));
        // Lower than the screen: mining is below the fold, reached by scrolling as a person would.
        stage.setScene(new Scene(window.root(), 1000, 450));
        stage.show();
    }

    @AfterEach
    void stop() {
        mining.stop();
        access.close();
        node.close();
    }

    private static long number(FxRobot robot, String id) {
        String t = robot.lookup(id).queryAs(Label.class).getText();
        return t.matches("\\d+") ? Long.parseLong(t) : -1;
    }

    @Test
    @DisplayName("the node screen follows the chain as blocks are committed, and the status bar shows the height")
    void followsTheChain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> number(robot, "#height") >= 3);
        assertThat(robot.lookup("#syncText").queryAs(Label.class).getText()).contains("this node makes the blocks");
        assertThat(robot.lookup("#status-node").queryAs(Label.class).getText()).startsWith("Height ");
        assertThat(robot.lookup("#peers").queryAs(Label.class).getText()).contains("joins no network");
        javafx.scene.control.TableView<?> table = robot.lookup("#peerTable").queryTableView();
        assertThat(table.getItems().size()).isZero();
    }

    @Test
    @DisplayName("S5: CPU mining from the screen finds proofs that the node puts into blocks, and counts the rewards")
    void minesBlocks(FxRobot robot) throws Exception {
        String address = TestKeys.key(50).address().encode(node.params().network());
        robot.clickOn(Reveal.scrolledTo(robot, "#mineAddress")).write(address);
        robot.clickOn(Reveal.scrolledTo(robot, "#startMining"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> number(robot, "#blocksMined") >= 1);
        assertThat(node.balance(TestKeys.key(50).address(), global.cas.ledger.AssetId.CAS))
                .isPositive();
        robot.clickOn(Reveal.scrolledTo(robot, "#stopMining"));
    }

    @Test
    @DisplayName("a mistyped reward address is refused with the translated reason, and nothing starts")
    void badAddress(FxRobot robot) {
        String address = TestKeys.key(50).address().encode(node.params().network());
        String typo = address.substring(0, address.length() - 1) + (address.endsWith("q") ? "p" : "q");
        robot.clickOn(Reveal.scrolledTo(robot, "#mineAddress")).write(typo);
        robot.clickOn(Reveal.scrolledTo(robot, "#startMining"));
        assertThat(robot.lookup("#mineAddressError").queryAs(Label.class).getText())
                .isEqualTo(messages.reason(global.cas.rejection.Reason.BAD_ADDRESS_CHECKSUM));
        assertThat(mining.runningProperty().get()).isFalse();
    }

    @Test
    @DisplayName("switching to Chinese reloads the screen in Chinese without a restart")
    void switchesLanguage(FxRobot robot) {
        robot.interact(() -> messages.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED));
        assertThat(robot.lookup("#nav-node")
                        .queryAs(javafx.scene.control.ToggleButton.class)
                        .getText())
                .isEqualTo("节点");
        assertThat(robot.lookup("#startMining")
                        .queryAs(javafx.scene.control.Button.class)
                        .getText())
                .isEqualTo("开始挖矿");
    }
}
