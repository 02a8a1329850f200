package global.cas.ui.wallet;

import global.cas.rejection.Reason;
import global.cas.ui.i18n.Messages;
import global.cas.ui.shell.FxExecutor;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Backup and security: the recovery words shown again after the wallet password (and hidden again
 * on request or when the screen is left), the wallet password changed, and where the wallet file
 * is. Thin: the model unlocks and writes off the FX thread.
 */
public final class SecurityController {
    private static final int COLUMNS = 4;

    private final WalletModel wallet;
    private final Messages messages;
    private final FxExecutor fx = new FxExecutor();

    @FXML
    private VBox root;

    @FXML
    private Button showWords;

    @FXML
    private Button hideWords;

    @FXML
    private ProgressIndicator wordsBusy;

    @FXML
    private GridPane words;

    @FXML
    private Label passphraseNote;

    @FXML
    private Label wordsError;

    @FXML
    private PasswordField current;

    @FXML
    private PasswordField next;

    @FXML
    private Label nextStrength;

    private StrengthHint strength;

    @FXML
    private PasswordField again;

    @FXML
    private Button change;

    @FXML
    private ProgressIndicator changeBusy;

    @FXML
    private Label passwordMessage;

    @FXML
    private TextField walletFile;

    public SecurityController(WalletModel wallet, Messages messages) {
        this.wallet = wallet;
        this.messages = messages;
    }

    @FXML
    void initialize() {
        strength = new StrengthHint(messages, next, nextStrength);
        wordsError.managedProperty().bind(wordsError.textProperty().isNotEmpty());
        passwordMessage.managedProperty().bind(passwordMessage.textProperty().isNotEmpty());
        walletFile.setText(wallet.path().toString());
        // the words never stay on screen once the person goes elsewhere
        root.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                hideWords();
            }
        });
    }

    @FXML
    void showWords() {
        new PasswordPrompt(messages).ask(root.getScene().getWindow(), "wallet.password.forBackup", password -> {
            showWords.setDisable(true);
            wordsBusy.setVisible(true);
            wordsError.setText("");
            wallet.keys()
                    .recoveryPhrase(password)
                    .whenCompleteAsync(
                            (phrase, error) -> {
                                wordsBusy.setVisible(false);
                                showWords.setDisable(false);
                                if (error != null) {
                                    wordsError.setText(WalletText.explain(messages, error));
                                } else {
                                    display(phrase);
                                }
                            },
                            fx);
        });
    }

    private void display(WalletKeys.RecoveryPhrase phrase) {
        words.getChildren().clear();
        List<String> list = phrase.words();
        int rows = (list.size() + COLUMNS - 1) / COLUMNS;
        for (int i = 0; i < list.size(); i++) {
            Label word = new Label((i + 1) + ". " + list.get(i));
            word.getStyleClass().add("mnemonic-word");
            word.setId("word" + (i + 1));
            // numbered down each column, as the words are written on paper
            words.add(word, i / rows, i % rows);
        }
        setShown(true);
        passphraseNote.setVisible(phrase.hasPassphrase());
        passphraseNote.setManaged(phrase.hasPassphrase());
    }

    @FXML
    void hideWords() {
        words.getChildren().clear();
        setShown(false);
        passphraseNote.setVisible(false);
        passphraseNote.setManaged(false);
    }

    private void setShown(boolean shown) {
        words.setVisible(shown);
        words.setManaged(shown);
        hideWords.setDisable(!shown);
    }

    @FXML
    void changePassword() {
        passwordMessage.getStyleClass().remove("wallet-ok");
        if (!passwordMessage.getStyleClass().contains("wallet-error")) {
            passwordMessage.getStyleClass().add("wallet-error");
        }
        if (next.getText().isEmpty()) {
            passwordMessage.setText(messages.reason(Reason.EMPTY_PASSWORD));
            return;
        }
        if (!next.getText().equals(again.getText())) {
            passwordMessage.setText(messages.reason(Reason.PASSWORD_MISMATCH));
            return;
        }
        if (!strength.acceptable()) {
            passwordMessage.setText(messages.reason(Reason.WEAK_PASSWORD));
            return;
        }
        char[] now = current.getText().toCharArray();
        char[] wanted = next.getText().toCharArray();
        change.setDisable(true);
        changeBusy.setVisible(true);
        passwordMessage.setText(messages.get("wallet.security.password.working"));
        wallet.keys()
                .changePassword(now, wanted)
                .whenCompleteAsync(
                        (done, error) -> {
                            change.setDisable(false);
                            changeBusy.setVisible(false);
                            if (error != null) {
                                passwordMessage.setText(WalletText.explain(messages, error));
                            } else {
                                current.clear();
                                next.clear();
                                again.clear();
                                passwordMessage.getStyleClass().remove("wallet-error");
                                passwordMessage.getStyleClass().add("wallet-ok");
                                passwordMessage.setText(messages.get("wallet.security.password.changed"));
                            }
                        },
                        fx);
    }
}
