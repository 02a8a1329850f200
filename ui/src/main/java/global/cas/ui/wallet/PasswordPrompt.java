package global.cas.ui.wallet;

import global.cas.ui.i18n.Messages;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the wallet password in a small dialog that does not block: the typed password goes to
 * a callback as a {@code char[]} (the receiver wipes it), and the field is cleared. FX thread.
 */
public final class PasswordPrompt {
    private final Messages messages;

    public PasswordPrompt(Messages messages) {
        this.messages = messages;
    }

    /**
     * Shows the prompt above {@code owner} with the explanation {@code purposeKey}; {@code
     * onPassword} runs only when the person confirms a non-empty password.
     */
    public Dialog<char[]> ask(Window owner, String purposeKey, Consumer<char[]> onPassword) {
        return ask(owner, purposeKey, java.util.Optional.empty(), onPassword, () -> {});
    }

    /**
     * Shows the prompt with an error line under the field ({@code error}, e.g. that the password
     * just tried was wrong: the password is then asked again in place); {@code onCancel} runs when
     * the person closes it without a password.
     */
    public Dialog<char[]> ask(
            Window owner,
            String purposeKey,
            java.util.Optional<String> error,
            Consumer<char[]> onPassword,
            Runnable onCancel) {
        Dialog<char[]> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("wallet.password.title"));
        dialog.setHeaderText(messages.get(purposeKey));
        PasswordField field = new PasswordField();
        field.setId("promptPassword");
        field.setPromptText(messages.get("wallet.password.prompt"));
        Label hint = new Label(messages.get("wallet.password.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        VBox box = new VBox(8, field);
        error.ifPresent(text -> {
            Label wrong = new Label(text);
            wrong.setId("promptError");
            wrong.setWrapText(true);
            wrong.setMaxWidth(380);
            wrong.getStyleClass().add("wallet-error");
            box.getChildren().add(wrong);
        });
        box.getChildren().add(hint);
        dialog.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(messages.get("wallet.dialog.unlock"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("wallet.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().lookupButton(ok).setId("promptOk");
        dialog.getDialogPane().lookupButton(cancel).setId("promptCancel");
        dialog.getDialogPane()
                .lookupButton(ok)
                .disableProperty()
                .bind(field.textProperty().isEmpty());
        dialog.setResultConverter(b -> b == ok ? field.getText().toCharArray() : null);
        dialog.setOnHidden(e -> {
            field.clear();
            char[] password = dialog.getResult();
            if (password != null) {
                onPassword.accept(password);
            } else {
                onCancel.run();
            }
        });
        dialog.show();
        Platform.runLater(field::requestFocus);
        return dialog;
    }
}
