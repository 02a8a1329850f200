package global.cas.ui.wallet;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.ui.i18n.Messages;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the wallet password in a small dialog that does not block: the typed password goes to
 * a callback as a {@code char[]} (the receiver wipes it), and the field is cleared. {@link
 * #askUntilRight} keeps the dialog open while the password is tried and asks again in place when
 * it is wrong, as Electrum and Sparrow do. FX thread.
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
        return askUntilRight(
                owner,
                purposeKey,
                password -> {
                    onPassword.accept(password);
                    return CompletableFuture.completedFuture(null);
                },
                r -> {});
    }

    /**
     * Shows the prompt and tries each confirmed password with {@code attempt} while the dialog
     * stays open (busy); a {@code WRONG_PASSWORD} failure is shown under the field, which is
     * cleared for another try. Any other outcome closes the dialog and goes to {@code onDone}
     * (the result, or the failure as a failed future's cause); cancelling closes it with nothing
     * done. {@code attempt} receives a copy it must wipe.
     */
    public <T> Dialog<char[]> askUntilRight(
            Window owner,
            String purposeKey,
            Function<char[], CompletableFuture<T>> attempt,
            Consumer<CompletableFuture<T>> onDone) {
        Parts p = parts(owner, purposeKey);
        Dialog<char[]> dialog = p.dialog();
        PasswordField field = p.field();
        Label error = p.error();
        Button okButton = p.ok();
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        p.box().getChildren().add(busy);
        okButton.disableProperty().bind(field.textProperty().isEmpty().or(busy.visibleProperty()));
        field.textProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                error.setText("");
            }
        });
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            // the dialog stays open until the password is known to be right
            e.consume();
            char[] password = field.getText().toCharArray();
            busy.setVisible(true);
            CompletableFuture<T> outcome;
            try {
                outcome = attempt.apply(password);
            } catch (RuntimeException ex) {
                outcome = CompletableFuture.failedFuture(ex);
            }
            outcome.whenCompleteAsync(
                    (result, failure) -> {
                        busy.setVisible(false);
                        if (failure != null && isWrongPassword(failure)) {
                            field.clear();
                            error.setText(messages.reason(Reason.WRONG_PASSWORD) + " "
                                    + messages.get("wallet.password.again"));
                            field.requestFocus();
                            return;
                        }
                        field.clear();
                        dialog.setResult(null);
                        dialog.close();
                        onDone.accept(
                                failure == null
                                        ? CompletableFuture.completedFuture(result)
                                        : CompletableFuture.failedFuture(failure));
                    },
                    Platform::runLater);
        });
        dialog.setResultConverter(b -> null);
        dialog.setOnHidden(e -> field.clear());
        dialog.show();
        Platform.runLater(field::requestFocus);
        return dialog;
    }

    /**
     * Shows the prompt with {@code error} under the field (e.g. that the password just tried was
     * wrong, so it is asked again); the dialog closes before {@code onPassword} runs, and {@code
     * onCancel} runs when the person closes it without a password.
     */
    public Dialog<char[]> ask(
            Window owner, String purposeKey, Optional<String> error, Consumer<char[]> onPassword, Runnable onCancel) {
        Parts p = parts(owner, purposeKey);
        error.ifPresent(p.error()::setText);
        p.ok().disableProperty().bind(p.field().textProperty().isEmpty());
        p.dialog().setResultConverter(b -> b == p.okType() ? p.field().getText().toCharArray() : null);
        p.dialog().setOnHidden(e -> {
            p.field().clear();
            char[] password = p.dialog().getResult();
            if (password != null) {
                onPassword.accept(password);
            } else {
                onCancel.run();
            }
        });
        p.dialog().show();
        Platform.runLater(p.field()::requestFocus);
        return p.dialog();
    }

    /** The prompt's parts, as both ways of asking build them. */
    private record Parts(
            Dialog<char[]> dialog, PasswordField field, Label error, VBox box, Button ok, ButtonType okType) {}

    private Parts parts(Window owner, String purposeKey) {
        Dialog<char[]> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("wallet.password.title"));
        dialog.setHeaderText(messages.get(purposeKey));
        PasswordField field = new PasswordField();
        field.setId("promptPassword");
        field.setPromptText(messages.get("wallet.password.prompt"));
        Label error = new Label();
        error.setId("promptError");
        error.setWrapText(true);
        error.setMaxWidth(380);
        error.getStyleClass().add("wallet-error");
        error.setStyle("-fx-text-fill: #c62828;");
        Label hint = new Label(messages.get("wallet.password.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        VBox box = new VBox(8, field, error, hint);
        dialog.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(messages.get("wallet.dialog.unlock"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("wallet.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("promptOk");
        dialog.getDialogPane().lookupButton(cancel).setId("promptCancel");
        return new Parts(dialog, field, error, box, okButton, ok);
    }

    /** Whether {@code failure} (or one of its causes) is the keystore's wrong-password refusal. */
    public static boolean isWrongPassword(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RejectedException r && r.reason() == Reason.WRONG_PASSWORD) {
                return true;
            }
        }
        return false;
    }
}
