package global.cas.ui.governance;

import global.cas.governance.VoteId;
import global.cas.ui.i18n.Messages;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.wallet.WalletText;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Asks where to save the voter's ballot receipt (G38) and writes it, saying where or why not. FX thread. */
final class ReceiptPrompt {
    private ReceiptPrompt() {}

    static void save(GovernanceModel model, Messages messages, Window owner, VoteId vote, Label result) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(messages.get("gov.receipt.save"));
        chooser.setInitialFileName("receipt-"
                + vote.name()
                        .replace(':', '-')
                        .substring(0, Math.min(vote.name().length(), 24))
                + ".json");
        java.io.File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        model.saveReceipt(vote, f.toPath())
                .whenCompleteAsync(
                        (path, failure) -> result.setText(
                                failure == null
                                        ? messages.get("gov.receipt.saved", path.toString())
                                        : WalletText.explain(messages, failure)),
                        new FxExecutor());
    }
}
