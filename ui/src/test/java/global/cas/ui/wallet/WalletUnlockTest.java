package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.wallet.data.WalletData;
import global.cas.wallet.data.h2.WalletDataFiles;
import global.cas.wallet.keys.DevnetAccounts;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.WordList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
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

/** Opening a wallet asks for its password (Electrum, Sparrow): asked again when wrong, locked when cancelled. */
@ExtendWith(ApplicationExtension.class)
class WalletUnlockTest {
    @TempDir
    Path dir;

    private WalletFixture fixture;
    private Stage stage;
    private final StackPane root = new StackPane();
    private final AtomicReference<WalletModel> opened = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WalletModel m = opened.get();
        if (m != null) {
            m.shutdown().get(10, TimeUnit.SECONDS);
        }
        fixture.close();
    }

    private Path walletFile() throws Exception {
        Path file = dir.resolve("wallets/default.wallet");
        fixture.keystore
                .create(
                        file,
                        Mnemonic.parse(DevnetAccounts.MNEMONIC, WordList.load(Language.ENGLISH)),
                        "",
                        WalletFixture.PASSWORD.toCharArray(),
                        Network.DEVNET)
                .close();
        return file;
    }

    private CompletableFuture<WalletModel> unlock(FxRobot robot, Path file, Optional<char[]> given) {
        AtomicReference<CompletableFuture<WalletModel>> f = new AtomicReference<>();
        robot.interact(() -> {
            fixture = fixture != null ? fixture : new WalletFixture(dir, Optional.empty());
            f.set(new WalletUnlocker(fixture.messages, fixture.opener)
                    .open(
                            file,
                            stage,
                            given,
                            (Parent view) -> root.getChildren().setAll(view)));
        });
        f.get().thenAccept(opened::set);
        return f.get();
    }

    private static void enterPassword(FxRobot robot, String password) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#promptPassword").tryQuery().isPresent());
        robot.interact(() ->
                robot.lookup("#promptPassword").queryAs(PasswordField.class).setText(password));
        robot.clickOn("#promptOk");
    }

    @Test
    @DisplayName("the wallet opens only with its password: a wrong one is asked again with the error shown, cancel"
            + " leaves it locked with an Unlock button, the right one opens it")
    void asksForThePassword(FxRobot robot) throws Exception {
        robot.interact(() -> fixture = new WalletFixture(dir, Optional.empty()));
        Path file = walletFile();
        CompletableFuture<WalletModel> result = unlock(robot, file, Optional.empty());

        enterPassword(robot, "wrong");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#promptError").tryQuery().isPresent());
        assertThat(robot.lookup("#promptError").queryAs(Label.class).getText())
                .isEqualTo(fixture.messages.reason(Reason.WRONG_PASSWORD));
        assertThat(result).isNotDone();

        robot.clickOn("#promptCancel");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#unlockWallet").tryQuery().isPresent());
        assertThat(result).as("locked, not failed").isNotDone();

        robot.clickOn("#unlockWallet");
        enterPassword(robot, WalletFixture.PASSWORD);
        WalletModel model = result.get(20, TimeUnit.SECONDS);
        assertThat(model.addresses()).hasSize(1);
        assertThat(robot.lookup("#promptPassword").tryQuery()).isEmpty();
    }

    @Test
    @DisplayName("with --password-file the wallet opens unattended; the data file of an older version, in clear, is"
            + " converted to an encrypted one with its labels and contacts")
    void givenPasswordAndMigration(FxRobot robot) throws Exception {
        robot.interact(() -> fixture = new WalletFixture(dir, Optional.empty()));
        Path file = walletFile();
        var alice = global.cas.testing.TestKeys.key(1).address();
        try (WalletData old = WalletDataFiles.openPlain(WalletData.fileFor(file))) {
            old.setAddressLabel(alice, "储蓄 savings");
            old.saveContact(new global.cas.wallet.data.Contact("Alice", alice));
        }
        Path data = dir.resolve("wallets/default.walletdata.mv.db");
        assertThat(Files.readString(data, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("savings");

        WalletModel model = unlock(robot, file, Optional.of(WalletFixture.PASSWORD.toCharArray()))
                .get(20, TimeUnit.SECONDS);
        assertThat(robot.lookup("#promptPassword").tryQuery()).as("no prompt").isEmpty();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.book().contacts().size() == 1);
        assertThat(model.book().addressLabels()).containsEntry(alice, "储蓄 savings");
        assertThat(Files.readString(data, java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("H2encrypt")
                .doesNotContain("savings");
    }

    @Test
    @DisplayName("a damaged wallet data file is refused with WALLET_DATA_DAMAGED and kept as it is")
    void damagedDataRefused(FxRobot robot) throws Exception {
        robot.interact(() -> fixture = new WalletFixture(dir, Optional.empty()));
        Path file = walletFile();
        Path data = dir.resolve("wallets/default.walletdata.mv.db");
        Files.writeString(data, "garbage");
        CompletableFuture<WalletModel> result = unlock(robot, file, Optional.of(WalletFixture.PASSWORD.toCharArray()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, result::isDone);
        assertThat(result).isCompletedExceptionally();
        assertThat(fixture.messages.explain(result.handle((m, e) -> e).get()))
                .isEqualTo(fixture.messages.reason(Reason.WALLET_DATA_DAMAGED));
        assertThat(Files.readString(data)).isEqualTo("garbage");
    }
}
