package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.rejection.Reason;
import global.cas.ui.shell.ViewLoader;
import global.cas.wallet.keys.DevnetAccounts;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
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

/** Backup and security: recovery words behind the password, and changing the password. No node needed. */
@ExtendWith(ApplicationExtension.class)
class SecurityScreenTest {
    @TempDir
    static Path dir;

    private WalletFixture fixture;
    private WalletModel wallet;

    @Start
    void start(Stage stage) {
        fixture = new WalletFixture(dir, Optional.empty());
        wallet = fixture.devnetWallet();
        ViewLoader loader = new ViewLoader(fixture.messages, type -> new SecurityController(wallet, fixture.messages));
        stage.setScene(
                new Scene(loader.load("/global/cas/ui/wallet/security.fxml").root(), 1000, 760));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static int wordsShown(FxRobot robot) {
        return robot.lookup("#words").queryAs(GridPane.class).getChildren().size();
    }

    private void showWith(FxRobot robot, String password) throws Exception {
        robot.clickOn("#showWords");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#promptPassword").tryQuery().isPresent());
        robot.interact(() ->
                robot.lookup("#promptPassword").queryAs(PasswordField.class).setText(password));
        robot.clickOn("#promptOk");
    }

    private void type(FxRobot robot, String current, String next, String again) {
        robot.interact(() -> {
            robot.lookup("#current").queryAs(PasswordField.class).setText(current);
            robot.lookup("#next").queryAs(PasswordField.class).setText(next);
            robot.lookup("#again").queryAs(PasswordField.class).setText(again);
        });
    }

    @Test
    @DisplayName(
            "the recovery words show only after the right password and hide again; a changed password replaces the old one")
    void wordsAndPassword(FxRobot robot) throws Exception {
        showWith(robot, "wrong");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> text(robot, "#wordsError").equals(fixture.messages.reason(Reason.WRONG_PASSWORD)));
        assertThat(wordsShown(robot)).isZero();

        showWith(robot, WalletFixture.PASSWORD);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wordsShown(robot) == 24);
        String[] expected = DevnetAccounts.MNEMONIC.split(" ");
        for (int i = 0; i < 24; i++) {
            assertThat(text(robot, "#word" + (i + 1))).isEqualTo((i + 1) + ". " + expected[i]);
        }
        assertThat(robot.lookup("#passphraseNote").queryAs(Label.class).isVisible())
                .as("this wallet has no mnemonic passphrase")
                .isFalse();
        robot.clickOn("#hideWords");
        assertThat(wordsShown(robot)).isZero();

        type(robot, WalletFixture.PASSWORD, "new pass", "other");
        robot.clickOn("#change");
        assertThat(text(robot, "#passwordMessage")).isEqualTo(fixture.messages.reason(Reason.PASSWORD_MISMATCH));
        type(robot, WalletFixture.PASSWORD, "", "");
        robot.clickOn("#change");
        assertThat(text(robot, "#passwordMessage")).isEqualTo(fixture.messages.reason(Reason.EMPTY_PASSWORD));
        type(robot, WalletFixture.PASSWORD, "abc", "abc");
        robot.clickOn("#change");
        assertThat(text(robot, "#passwordMessage")).isEqualTo(fixture.messages.reason(Reason.WEAK_PASSWORD));
        type(robot, "not it", "new pass 新", "new pass 新");
        robot.clickOn("#change");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> text(robot, "#passwordMessage").equals(fixture.messages.reason(Reason.WRONG_PASSWORD)));

        type(robot, WalletFixture.PASSWORD, "new pass 新", "new pass 新");
        robot.clickOn("#change");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> text(robot, "#passwordMessage").equals(fixture.messages.get("wallet.security.password.changed")));
        assertThat(robot.lookup("#current").queryAs(PasswordField.class).getText())
                .isEmpty();
        // the file on disk now opens with the new password only
        try (var unlocked = fixture.keystore.open(wallet.path()).unlock("new pass 新".toCharArray())) {
            assertThat(unlocked.mnemonic().phrase()).isEqualTo(DevnetAccounts.MNEMONIC);
        }
        showWith(robot, WalletFixture.PASSWORD);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> text(robot, "#wordsError").equals(fixture.messages.reason(Reason.WRONG_PASSWORD)));
        showWith(robot, "new pass 新");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wordsShown(robot) == 24);
    }
}
