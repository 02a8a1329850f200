package global.cas.ui.wallet;

import global.cas.crypto.Network;
import global.cas.ui.i18n.Messages;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Shows what a send will do (recipient, amount, fee, total) and asks to go on; does not block. FX thread. */
public final class ReviewDialog {
    private final Messages messages;

    public ReviewDialog(Messages messages) {
        this.messages = messages;
    }

    /** Shows the review; {@code onConfirm} runs only when the person confirms. */
    public Dialog<Boolean> show(
            Window owner, Quote quote, Network network, java.util.Optional<String> contact, Runnable onConfirm) {
        Dialog<Boolean> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("wallet.review.title"));
        dialog.setHeaderText(messages.get("wallet.review.header"));
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        String to = quote.request().to().encode(network);
        row(
                grid,
                0,
                "wallet.review.to",
                "reviewTo",
                contact.map(name -> messages.get("wallet.review.contact", name, to))
                        .orElse(to));
        row(grid, 1, "wallet.review.amount", "reviewAmount", WalletText.cas(messages, quote.amount()));
        row(
                grid,
                2,
                "wallet.review.fee",
                "reviewFee",
                messages.get(
                        "wallet.review.fee.value",
                        WalletText.cas(messages, quote.fee()),
                        Integer.toString(quote.size()),
                        Long.toString(quote.request().feePerByte())));
        row(grid, 3, "wallet.review.total", "reviewTotal", WalletText.cas(messages, quote.total()));
        int r = 4;
        for (StakeRisk risk : quote.risks()) {
            Label warning = new Label(
                    switch (risk.kind()) {
                        case SEAT ->
                            messages.get(
                                    "wallet.review.risk.seat",
                                    risk.address().encode(network),
                                    WalletText.cas(messages, risk.after()),
                                    WalletText.cas(messages, risk.minimum()));
                        case CANDIDACY ->
                            messages.get(
                                    "wallet.review.risk.candidacy",
                                    risk.address().encode(network),
                                    WalletText.cas(messages, risk.after()),
                                    WalletText.cas(messages, risk.minimum()));
                        case VOTE_WEIGHT ->
                            messages.get(
                                    "wallet.review.risk.weight",
                                    risk.address().encode(network),
                                    WalletText.cas(messages, risk.weightLost()));
                    });
            warning.setId("reviewRisk" + (r - 4));
            warning.setWrapText(true);
            warning.setMaxWidth(700);
            warning.getStyleClass().add("wallet-error");
            grid.add(warning, 0, r++, 2, 1);
        }
        dialog.getDialogPane().setContent(grid);
        ButtonType send = new ButtonType(messages.get("wallet.review.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("wallet.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(send, cancel);
        dialog.getDialogPane().lookupButton(send).setId("reviewConfirm");
        dialog.getDialogPane().lookupButton(cancel).setId("reviewCancel");
        dialog.setResultConverter(b -> b == send);
        dialog.setOnHidden(e -> {
            if (Boolean.TRUE.equals(dialog.getResult())) {
                onConfirm.run();
            }
        });
        dialog.show();
        return dialog;
    }

    private void row(GridPane grid, int row, String key, String id, String value) {
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(560);
        grid.addRow(row, new Label(messages.get(key)), v);
    }
}
