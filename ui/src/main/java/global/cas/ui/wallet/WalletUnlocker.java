package global.cas.ui.wallet;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.ui.i18n.Messages;
import global.cas.ui.shell.FxExecutor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Opens an existing wallet with its password, as Electrum and Sparrow do: the password comes from
 * the command line ({@code --password-file}, for scripts and screenshots) or from a {@link
 * PasswordPrompt}; a wrong one is asked again in place with the error shown. Cancelling leaves
 * the wallet closed and shows a "wallet locked" view whose Unlock button asks again. FX thread.
 */
public final class WalletUnlocker {
    private final Messages messages;
    private final WalletOpener opener;
    private final FxExecutor fx = new FxExecutor();

    public WalletUnlocker(Messages messages, WalletOpener opener) {
        this.messages = messages;
        this.opener = opener;
    }

    /**
     * Opens {@code keystoreFile}: with {@code given} first when present (wiped; a wrong one falls
     * back to the prompt), else asking above {@code owner}.
     *
     * @param showLocked shows the "wallet locked" view after the person cancelled the prompt
     * @return completes with the open wallet once a password was right; fails for anything but a
     *     wrong password ({@code WALLET_DATA_DAMAGED}, {@code MALFORMED}, {@code IO_ERROR}...)
     */
    public CompletableFuture<WalletModel> open(
            Path keystoreFile, Window owner, Optional<char[]> given, Consumer<Parent> showLocked) {
        Attempt attempt = new Attempt(keystoreFile, owner, showLocked);
        given.ifPresentOrElse(attempt::tryPassword, () -> attempt.ask(Optional.empty()));
        return attempt.result;
    }

    private final class Attempt {
        final CompletableFuture<WalletModel> result = new CompletableFuture<>();
        final Path file;
        final Window owner;
        final Consumer<Parent> showLocked;

        Attempt(Path file, Window owner, Consumer<Parent> showLocked) {
            this.file = file;
            this.owner = owner;
            this.showLocked = showLocked;
        }

        void ask(Optional<String> error) {
            new PasswordPrompt(messages)
                    .ask(owner, "wallet.password.forOpen", error, this::tryPassword, () -> showLocked.accept(locked()));
        }

        void tryPassword(char[] password) {
            opener.open(file, password)
                    .whenCompleteAsync(
                            (model, error) -> {
                                if (error == null) {
                                    result.complete(model);
                                } else if (wrongPassword(error)) {
                                    ask(Optional.of(messages.explain(error)));
                                } else {
                                    result.completeExceptionally(error);
                                }
                            },
                            fx);
        }

        Parent locked() {
            Label title = new Label(messages.get("wallet.locked.title"));
            title.getStyleClass().add("title");
            Label text = new Label(
                    messages.get("wallet.locked.text", file.getFileName().toString()));
            text.setWrapText(true);
            text.setMaxWidth(480);
            Button unlock = new Button(messages.get("wallet.locked.unlock"));
            unlock.setId("unlockWallet");
            unlock.setDefaultButton(true);
            unlock.setOnAction(e -> ask(Optional.empty()));
            VBox box = new VBox(12, title, text, unlock);
            box.setId("walletLocked");
            box.setStyle("-fx-padding: 32;");
            return box;
        }
    }

    static boolean wrongPassword(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RejectedException r) {
                return r.reason() == Reason.WRONG_PASSWORD;
            }
        }
        return false;
    }
}
