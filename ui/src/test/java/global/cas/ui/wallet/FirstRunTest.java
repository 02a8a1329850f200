package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.shell.ViewLoader;
import global.cas.wallet.keys.DevnetAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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

/** The first run, against real keystore files (cheap Argon2); no node is needed until the wallet is open. */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {
    @TempDir
    static Path dir;

    private WalletFixture fixture;
    private FirstRunModel model;
    private FirstRunController controller;
    private Path walletFile;

    @Start
    void start(Stage stage) {
        fixture = new WalletFixture(dir, Optional.empty());
        walletFile = dir.resolve("datadir-" + System.nanoTime()).resolve("wallets/default.wallet");
        model = new FirstRunModel(
                fixture.opener, WalletFixture.wordLists(), walletFile, Network.DEVNET, new SecureRandom());
        ViewLoader loader = new ViewLoader(fixture.messages, type -> {
            controller = new FirstRunController(fixture.messages, model);
            return controller;
        });
        stage.setScene(
                new Scene(loader.load("/global/cas/ui/wallet/firstrun.fxml").root(), 1000, 740));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        if (model.result().isDone()) {
            model.result().get().shutdown().get(10, TimeUnit.SECONDS);
        }
        fixture.close();
    }

    private static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n instanceof Label l ? l.getText() : ((TextField) n).getText();
    }

    private static boolean visible(FxRobot robot, String id) {
        for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void setText(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(value));
    }

    private void choosePassword(FxRobot robot) throws Exception {
        setText(robot, "#password", WalletFixture.PASSWORD);
        setText(robot, "#passwordAgain", WalletFixture.PASSWORD);
        robot.clickOn("#finish");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> model.result().isDone());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @DisplayName(
            "create: the 24 words are shown once, a wrong word in the three-word check blocks, the right words continue and the wallet file is written")
    void createWithCheck(FxRobot robot) throws Exception {
        robot.clickOn("#languageNext");
        robot.clickOn("#createWallet");
        List<String> words = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            words.add(text(robot, "#shownWord" + i).replaceFirst("^\\d+\\. ", ""));
        }
        assertThat(robot.lookup("#wordsNext").queryAs(Button.class).isDisabled())
                .as("continue only once written down")
                .isTrue();
        robot.clickOn("#wroteDown");
        robot.clickOn("#wordsNext");
        List<Integer> asked = controller.checkPositions();
        assertThat(asked).hasSize(3).doesNotHaveDuplicates();
        assertThat(text(robot, "#checkLabel1")).isEqualTo("Word #" + (asked.get(0) + 1));

        String wrong = words.get(asked.get(0)).equals("zoo") ? "abandon" : "zoo";
        robot.clickOn("#checkWord1").write(wrong);
        setText(robot, "#checkWord2", words.get(asked.get(1)));
        setText(robot, "#checkWord3", words.get(asked.get(2)));
        robot.clickOn("#checkNext");
        assertThat(text(robot, "#checkError")).isEqualTo(fixture.messages.get("wallet.firstrun.check.wrong"));
        assertThat(robot.lookup("#checkWord1").query().getStyleClass()).contains("word-wrong");
        assertThat(visible(robot, "#finish")).as("the wrong word blocks").isFalse();

        setText(robot, "#checkWord1", words.get(asked.get(0)).toUpperCase(java.util.Locale.ROOT));
        robot.clickOn("#checkNext");
        assertThat(visible(robot, "#finish")).as("the right words continue").isTrue();

        robot.clickOn("#finish");
        assertThat(text(robot, "#passwordError")).isEqualTo(fixture.messages.reason(Reason.EMPTY_PASSWORD));
        setText(robot, "#password", "one");
        setText(robot, "#passwordAgain", "two");
        robot.clickOn("#finish");
        assertThat(text(robot, "#passwordError")).isEqualTo(fixture.messages.reason(Reason.PASSWORD_MISMATCH));
        // U4: a password guessed at once is refused, and its strength is said as it is typed
        for (String weak : List.of("abc", "f")) {
            setText(robot, "#password", weak);
            setText(robot, "#passwordAgain", weak);
            assertThat(text(robot, "#passwordStrength"))
                    .isEqualTo(fixture.messages.get("wallet.password.strength.VERY_WEAK"));
            robot.clickOn("#finish");
            assertThat(text(robot, "#passwordError")).isEqualTo(fixture.messages.reason(Reason.WEAK_PASSWORD));
            assertThat(model.result().isDone()).isFalse();
        }
        setText(robot, "#password", WalletFixture.PASSWORD);
        assertThat(text(robot, "#passwordStrength")).startsWith("Strength: ").doesNotContain("very weak");
        choosePassword(robot);

        WalletModel wallet = model.result().get();
        assertThat(Files.exists(walletFile)).isTrue();
        assertThat(wallet.addresses()).hasSize(1);
        assertThat(text(robot, "#finishStatus")).isEqualTo(fixture.messages.get("wallet.firstrun.done"));
        assertThat(fixture.keystore
                        .open(walletFile)
                        .unlock(WalletFixture.PASSWORD.toCharArray())
                        .mnemonic()
                        .words())
                .isEqualTo(words);
    }

    @Test
    @DisplayName(
            "restore: a misspelled word is marked as it is typed with suggestions, a bad checksum is refused, and the devnet phrase restores its first address")
    void restoreFromWords(FxRobot robot) throws Exception {
        robot.clickOn("#languageNext");
        robot.clickOn("#restoreWallet");
        robot.clickOn("#restoreWord1").write("abandn");
        assertThat(robot.lookup("#restoreWord1").query().getStyleClass()).contains("word-wrong");
        assertThat(text(robot, "#restoreError")).isEqualTo("Word 1 is not in the English word list.");

        setText(robot, "#restoreWord1", "");
        robot.clickOn("#restoreWord1").write("aba");
        assertThat(robot.lookup("#restoreWord1").query().getStyleClass()).doesNotContain("word-wrong");
        List<String> suggested = robot.lookup(".suggestion").queryAllAs(Hyperlink.class).stream()
                .map(Hyperlink::getText)
                .toList();
        assertThat(suggested).contains("abandon");
        robot.clickOn(robot.lookup(".suggestion")
                .match((Hyperlink h) -> h.getText().equals("abandon"))
                .queryAs(Hyperlink.class));
        assertThat(text(robot, "#restoreWord1")).isEqualTo("abandon");
        assertThat(robot.lookup("#restoreWord1").query().getStyleClass()).contains("word-ok");

        // a pasted phrase fills one word per field; the last word changed breaks the checksum
        setText(robot, "#restoreWord1", DevnetAccounts.MNEMONIC.replaceFirst("art$", "abandon"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#restoreWord24")).isEqualTo("abandon");
        robot.clickOn("#restoreNext");
        assertThat(text(robot, "#restoreError"))
                .startsWith(fixture.messages.reason(Reason.BAD_MNEMONIC))
                .contains(fixture.messages.get("wallet.firstrun.restore.checksum"));
        assertThat(visible(robot, "#finish")).isFalse();

        setText(robot, "#restoreWord24", "art");
        robot.clickOn("#restoreNext");
        assertThat(visible(robot, "#finish")).isTrue();
        choosePassword(robot);
        assertThat(model.result().get().addresses().get(0)).isEqualTo(WalletFixture.devnetAddress());
    }

    @Test
    @DisplayName("a restored wallet with a passphrase typed differently twice is refused with its own message")
    void passphraseMismatch(FxRobot robot) {
        robot.clickOn("#languageNext");
        robot.clickOn("#restoreWallet");
        setText(robot, "#restoreWord1", DevnetAccounts.MNEMONIC);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#restoreNext");
        setText(robot, "#password", "pw");
        setText(robot, "#passwordAgain", "pw");
        setText(robot, "#passphrase", "salt");
        setText(robot, "#passphraseAgain", "pepper");
        robot.clickOn("#finish");
        assertThat(text(robot, "#passwordError"))
                .isEqualTo(fixture.messages.get("wallet.firstrun.passphrase.mismatch"));
        assertThat(model.result().isDone()).isFalse();
    }

    @Test
    @DisplayName("choosing 简体中文 switches the first run to Chinese at once, and the choice stays on later steps")
    void switchesLanguage(FxRobot robot) {
        robot.clickOn("#langChinese");
        assertThat(fixture.messages.language()).isEqualTo(UiLanguage.CHINESE_SIMPLIFIED);
        assertThat(robot.lookup("#languageNext").queryAs(Button.class).getText())
                .isEqualTo("下一步");
        robot.clickOn("#languageNext");
        assertThat(robot.lookup("#createWallet").queryAs(Button.class).getText())
                .isEqualTo("创建新钱包");
        robot.clickOn("#restoreWallet");
        robot.clickOn("#restoreWord1").write("abandn");
        assertThat(text(robot, "#restoreError")).isEqualTo("第 1 个词不在英文词表中。");
    }
}
