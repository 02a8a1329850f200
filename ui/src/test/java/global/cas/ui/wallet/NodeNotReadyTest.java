package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.ui.shell.ViewLoader;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The wallet screens while the node is still opening its database (here: forever). */
@ExtendWith(ApplicationExtension.class)
class NodeNotReadyTest {
    @TempDir
    static Path dir;

    private WalletFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new WalletFixture(dir, Optional.empty());
        WalletModel wallet = fixture.devnetWallet();
        ViewLoader loader = new ViewLoader(
                fixture.messages,
                type -> type == SendController.class
                        ? new SendController(wallet, fixture.messages)
                        : new OverviewController(wallet, fixture.messages));
        stage.setScene(new Scene(
                new HBox(
                        loader.load("/global/cas/ui/wallet/send.fxml").root(),
                        loader.load("/global/cas/ui/wallet/overview.fxml").root()),
                1260,
                700));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    @DisplayName("before the node is ready, Review says so and nothing is sent; the overview says the node is starting")
    void refusesUntilReady(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#to").queryAs(TextField.class).setText(WalletFixture.otherAddress(44));
            robot.lookup("#amount").queryAs(TextField.class).setText("1");
        });
        assertThat(robot.lookup("#toError").queryAs(Label.class).getText())
                .as("the address is still checked")
                .isEmpty();
        robot.clickOn("#review");
        assertThat(robot.lookup("#sendError").queryAs(Label.class).getText())
                .isEqualTo(fixture.messages.get(WalletRefusal.NODE_NOT_READY));
        assertThat(robot.lookup("#reviewConfirm").tryQuery()).isEmpty();
        assertThat(robot.lookup("#sync").queryAs(Label.class).getText())
                .isEqualTo(fixture.messages.get("wallet.sync.nodeStarting"));
        assertThat(robot.lookup("#balance").queryAs(Label.class).getText()).isEqualTo("…");
    }
}
