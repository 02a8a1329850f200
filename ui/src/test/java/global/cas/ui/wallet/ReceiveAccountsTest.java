package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.ui.shell.ViewLoader;
import global.cas.wallet.keys.AccountInfo;
import global.cas.wallet.keys.DevnetAccounts;
import global.cas.wallet.keys.HdWallet;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.WordList;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
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

/** Accounts on the Receive screen: a new account, and new addresses in the account chosen. No node needed. */
@ExtendWith(ApplicationExtension.class)
class ReceiveAccountsTest {
    @TempDir
    static Path dir;

    private WalletFixture fixture;
    private WalletModel wallet;
    private final HdWallet keys =
            HdWallet.fromMnemonic(Mnemonic.parse(DevnetAccounts.MNEMONIC, WordList.load(Language.ENGLISH)), "");

    @Start
    void start(Stage stage) {
        fixture = new WalletFixture(dir, Optional.empty());
        wallet = fixture.devnetWallet();
        ViewLoader loader = new ViewLoader(fixture.messages, type -> new ReceiveController(wallet, fixture.messages));
        stage.setScene(
                new Scene(loader.load("/global/cas/ui/wallet/receive.fxml").root(), 1100, 900));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String shownAddress(FxRobot robot) {
        return robot.lookup("#address")
                .queryAs(javafx.scene.control.TextInputControl.class)
                .getText();
    }

    private void enterPassword(FxRobot robot, String password) throws Exception {
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#promptPassword").tryQuery().isPresent());
        robot.interact(() ->
                robot.lookup("#promptPassword").queryAs(PasswordField.class).setText(password));
        robot.clickOn("#promptOk");
    }

    @Test
    @DisplayName(
            "U4: a new account gets its first address and becomes the one chosen; New address then derives in it; a bad name is refused")
    void accounts(FxRobot robot) throws Exception {
        robot.interact(
                () -> robot.lookup("#accountName").queryAs(TextField.class).setText("   "));
        robot.clickOn("#newAccount");
        assertThat(text(robot, "#receiveMessage"))
                .isEqualTo(fixture.messages.get(
                        WalletRefusal.ACCOUNT_LABEL, Integer.toString(AccountInfo.MAX_LABEL_LENGTH)));
        assertThat(robot.lookup("#promptPassword").tryQuery()).isEmpty();

        robot.interact(
                () -> robot.lookup("#accountName").queryAs(TextField.class).setText("储蓄"));
        robot.clickOn("#newAccount");
        enterPassword(robot, "wrong");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> text(robot, "#receiveMessage").equals(fixture.messages.reason(Reason.WRONG_PASSWORD)));
        assertThat(wallet.accounts()).hasSize(1);

        robot.clickOn("#newAccount");
        enterPassword(robot, WalletFixture.PASSWORD);
        String savingsFirst = keys.address(1, 0).encode(Network.DEVNET);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> shownAddress(robot).equals(savingsFirst));
        assertThat(wallet.accounts()).extracting(AccountInfo::label).containsExactly("Main", "储蓄");
        assertThat(robot.lookup("#account")
                        .<ComboBox<AccountInfo>>query()
                        .getValue()
                        .index())
                .isEqualTo(1);

        robot.clickOn("#newAddress");
        String savingsSecond = keys.address(1, 1).encode(Network.DEVNET);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> shownAddress(robot).equals(savingsSecond));
        assertThat(robot.lookup("#account")
                        .<ComboBox<AccountInfo>>query()
                        .getValue()
                        .index())
                .as("still the account chosen")
                .isEqualTo(1);
        assertThat(wallet.addresses()).containsExactly(keys.address(0, 0), keys.address(1, 0), keys.address(1, 1));
        assertThat(robot.lookup("#promptPassword").tryQuery())
                .as("from the pool: no password")
                .isEmpty();
        // the keystore on disk has them too
        assertThat(fixture.keystore.open(wallet.path()).info().allAddresses()).hasSize(3);
    }

    @Test
    @DisplayName("New address from a locked wallet comes from the pool without the password; once the pool is used"
            + " up it asks once, and the pool is full again")
    void newAddressFromPoolWithoutPassword(FxRobot robot) throws Exception {
        robot.clickOn("#newAddress");
        String second = keys.address(0, 1).encode(Network.DEVNET);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> shownAddress(robot).equals(second));
        assertThat(robot.lookup("#promptPassword").tryQuery()).isEmpty();
        assertThat(text(robot, "#receiveMessage")).isEqualTo(fixture.messages.get("wallet.receive.new.done"));
        assertThat(wallet.addresses()).containsExactly(keys.address(0, 0), keys.address(0, 1));

        // hand out the rest of the pool (as another 'New address' would)
        for (int i = 2; i <= Keystore.POOL_SIZE; i++) {
            fixture.keystore.open(wallet.path()).issueAddress(0).orElseThrow();
        }
        robot.clickOn("#newAddress");
        enterPassword(robot, WalletFixture.PASSWORD);
        String next = keys.address(0, Keystore.POOL_SIZE + 1).encode(Network.DEVNET);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> shownAddress(robot).equals(next));
        AccountInfo main =
                fixture.keystore.open(wallet.path()).info().accounts().get(0);
        assertThat(main.addresses()).hasSize(Keystore.POOL_SIZE + 2);
        assertThat(main.pool()).hasSize(Keystore.POOL_SIZE);

        robot.clickOn("#newAddress");
        String after = keys.address(0, Keystore.POOL_SIZE + 2).encode(Network.DEVNET);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> shownAddress(robot).equals(after));
        assertThat(robot.lookup("#promptPassword").tryQuery()).isEmpty();
    }
}
