package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.Amounts;
import global.cas.rejection.RejectedException;
import global.cas.ui.i18n.Messages;
import global.cas.ui.node.NodeModel;
import global.cas.ui.shell.FxExecutor;
import global.cas.wallet.PaymentRequest;
import global.cas.wallet.data.Contact;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Send: the address is checked by its checksum as it is typed, the amount may be "max", the fee
 * rate is a choice whose resulting fee is shown; then a review, the password, and the
 * transaction's id with its confirmation as it happens. Every refusal is shown in the screen and
 * nothing is sent. Thin: {@link WalletModel} quotes, signs and submits.
 */
public final class SendController {
    private final WalletModel wallet;
    private final NodeModel node;
    private final Messages messages;
    private final FxExecutor fx = new FxExecutor();
    private long quoteSequence;

    @FXML
    private TextField to;

    @FXML
    private ComboBox<Contact> contactPick;

    @FXML
    private Label toError;

    @FXML
    private Label toHint;

    @FXML
    private TextField amount;

    @FXML
    private ToggleButton max;

    @FXML
    private Label amountError;

    @FXML
    private Label available;

    @FXML
    private ComboBox<FeeLevel> feeLevel;

    @FXML
    private Label fee;

    @FXML
    private Button review;

    @FXML
    private ProgressIndicator busy;

    @FXML
    private Label sendError;

    @FXML
    private VBox result;

    @FXML
    private TextField txId;

    @FXML
    private Label txStatus;

    public SendController(WalletModel wallet, Messages messages) {
        this.wallet = wallet;
        this.node = wallet.node();
        this.messages = messages;
    }

    @FXML
    void initialize() {
        // each message line keeps its room when empty, so the fields never move while typing
        for (TextField f : List.of(to, amount)) {
            // Enter in a field reviews the payment, as the Review button does
            f.setOnAction(e -> review());
            f.textProperty().addListener((o, a, b) -> sendError.setText(""));
        }
        node.readyProperty().addListener((o, a, b) -> requote());
        wallet.spendableProperty().addListener((o, a, b) -> {
            if (!max.isSelected()) {
                checkAmount();
            }
            requote();
        });
        to.setPromptText(messages.get("wallet.send.to.prompt", wallet.network().addressPrefix()));
        to.textProperty().addListener((o, a, b) -> {
            if (PaymentRequest.isLink(b)) {
                // a pasted or scanned cas: link fills in the form; this listener runs again for the address
                Platform.runLater(() -> fillFrom(b));
                return;
            }
            checkAddress();
            requote();
        });
        amount.textProperty().addListener((o, a, b) -> {
            if (!max.isSelected()) {
                checkAmount();
                requote();
            }
        });
        max.selectedProperty().addListener((o, a, b) -> {
            amount.setDisable(b);
            if (b) {
                amountError.setText("");
            } else {
                amount.clear();
            }
            requote();
        });
        feeLevel.getItems().setAll(FeeLevel.values());
        feeLevel.setConverter(Converters.showing(l -> messages.get(l.messageKey(), Long.toString(l.multiple()))));
        feeLevel.setValue(FeeLevel.NORMAL);
        feeLevel.valueProperty().addListener((o, a, b) -> requote());
        available
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "wallet.send.available",
                                WalletText.cas(
                                        messages, wallet.spendableProperty().get())),
                        wallet.spendableProperty()));
        contactPick.setItems(wallet.book().contacts());
        contactPick.setConverter(Converters.showing(Contact::name));
        contactPick.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                to.setText(b.address().encode(wallet.network()));
            }
        });
        fee.setText(messages.get("wallet.send.fee.unknown"));
    }

    // ---------------------------------------------------------------- checks as typed

    /** Fills the form from a {@code cas:} payment request, or says why the link is refused. */
    private void fillFrom(String link) {
        if (!link.equals(to.getText())) {
            return;
        }
        try {
            PaymentRequest r = PaymentRequest.parse(link, wallet.network());
            to.setText(r.address().encode(wallet.network()));
            if (r.amount().isPresent()) {
                max.setSelected(false);
                amount.setText(Amounts.format(r.amount().getAsLong()));
            }
            String from = r.message()
                    .map(m -> messages.get("wallet.send.fromRequest.message", m))
                    .orElseGet(() -> messages.get("wallet.send.fromRequest"));
            toHint.setText(toHint.getText().isEmpty() ? from : toHint.getText() + " · " + from);
        } catch (RejectedException e) {
            toHint.setText("");
            toError.setText(messages.reason(e.reason()));
        }
    }

    /** The typed address, or empty with the translated reason shown under the field. */
    private Optional<Address> checkAddress() {
        toHint.setText("");
        String text = to.getText().strip();
        if (text.isEmpty()) {
            mark(to, "");
            return Optional.empty();
        }
        try {
            Address a = Address.parse(text, wallet.network());
            mark(to, "");
            wallet.book().contacts().stream()
                    .filter(c -> c.address().equals(a))
                    .findFirst()
                    .ifPresent(c -> toHint.setText(messages.get("wallet.send.to.contact", c.name())));
            return Optional.of(a);
        } catch (RejectedException e) {
            mark(to, messages.reason(e.reason()));
            return Optional.empty();
        }
    }

    /** The typed amount in base units, or empty with the reason shown under the field. */
    private Optional<Long> checkAmount() {
        String text = amount.getText().strip();
        if (text.isEmpty()) {
            mark(amount, "");
            return Optional.empty();
        }
        try {
            long units = Amounts.parse(text);
            long spendable = wallet.spendableProperty().get();
            if (units > spendable) {
                mark(amount, messages.get("wallet.send.amount.tooMuch", WalletText.cas(messages, spendable)));
                return Optional.empty();
            }
            mark(amount, "");
            return Optional.of(units);
        } catch (RejectedException e) {
            mark(amount, WalletText.amountProblem(messages, e));
            return Optional.empty();
        }
    }

    /** Shows {@code problem} under {@code field} and marks the field, or clears both when empty. */
    private void mark(TextField field, String problem) {
        Label line = field == amount ? amountError : toError;
        line.setText(problem);
        field.getStyleClass().remove("field-invalid");
        if (!problem.isEmpty()) {
            field.getStyleClass().add("field-invalid");
        }
    }

    private Optional<SendRequest> request() {
        Optional<Address> a = checkAddress();
        if (a.isEmpty() || !node.readyProperty().get()) {
            return Optional.empty();
        }
        long rate = feeLevel.getValue()
                .rate(node.access().ready().join().tipSummary().minFeePerByte());
        if (max.isSelected()) {
            return Optional.of(SendRequest.max(a.get(), rate));
        }
        return checkAmount().map(units -> SendRequest.amount(a.get(), units, rate));
    }

    /** Works out the fee for what is typed now; a later answer replaces an earlier one. */
    private void requote() {
        long sequence = ++quoteSequence;
        Optional<SendRequest> r = request();
        if (r.isEmpty()) {
            fee.setText(messages.get("wallet.send.fee.unknown"));
            return;
        }
        fee.setText(messages.get("wallet.send.fee.working"));
        wallet.quote(r.get())
                .whenCompleteAsync(
                        (q, error) -> {
                            if (sequence != quoteSequence) {
                                return;
                            }
                            if (q == null) {
                                // the form is complete, so say why no fee can be given (e.g. not enough funds)
                                fee.setText(WalletText.explain(messages, error));
                                return;
                            }
                            fee.setText(feeText(q));
                            if (max.isSelected()) {
                                amount.setText(Amounts.format(q.amount()));
                            }
                        },
                        fx);
    }

    private String feeText(Quote q) {
        return messages.get(
                "wallet.send.fee.value",
                WalletText.cas(messages, q.fee()),
                Integer.toString(q.size()),
                Long.toString(q.request().feePerByte()));
    }

    // ---------------------------------------------------------------- review, password, send

    @FXML
    void review() {
        sendError.setText("");
        if (!node.readyProperty().get()) {
            sendError.setText(WalletText.explain(messages, new WalletRefusal(WalletRefusal.NODE_NOT_READY)));
            return;
        }
        Optional<Address> a = checkAddress();
        if (a.isEmpty()) {
            if (to.getText().isBlank()) {
                mark(to, messages.get("wallet.send.to.missing"));
            }
            sendError.setText(messages.get("wallet.send.fix"));
            return;
        }
        if (!max.isSelected() && checkAmount().isEmpty()) {
            if (amount.getText().isBlank()) {
                mark(amount, messages.get("wallet.send.amount.missing"));
            }
            sendError.setText(messages.get("wallet.send.fix"));
            return;
        }
        SendRequest r = request().orElseThrow();
        setBusy(true);
        wallet.quote(r)
                .whenCompleteAsync(
                        (q, error) -> {
                            setBusy(false);
                            if (error != null) {
                                sendError.setText(WalletText.explain(messages, error));
                                return;
                            }
                            fee.setText(feeText(q));
                            new ReviewDialog(messages)
                                    .show(window(), q, wallet.network(), contactName(q), () -> askPassword(r));
                        },
                        fx);
    }

    /** The address book's name for the recipient, if it has one. */
    private Optional<String> contactName(Quote q) {
        return wallet.book().contacts().stream()
                .filter(c -> c.address().equals(q.request().to()))
                .map(Contact::name)
                .findFirst();
    }

    /** Asks the password until it is right (in place), then signs and sends. */
    private void askPassword(SendRequest r) {
        new PasswordPrompt(messages)
                .askUntilRight(window(), "wallet.password.forSend", password -> wallet.send(r, password), outcome -> {
                    setBusy(false);
                    outcome.whenComplete((id, error) -> {
                        if (error != null) {
                            sendError.setText(WalletText.explain(messages, error));
                        } else {
                            sent(id);
                        }
                    });
                });
    }

    private void sent(Hash id) {
        result.setVisible(true);
        result.setManaged(true);
        txId.setText(id.hex());
        ReadOnlyObjectProperty<TxStatus> status = wallet.confirmation(id);
        txStatus.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> WalletText.status(
                                messages, status.get(), node.heightProperty().get()),
                        status,
                        node.heightProperty()));
        contactPick.setValue(null);
        to.clear();
        max.setSelected(false);
        amount.clear();
    }

    private void setBusy(boolean on) {
        busy.setVisible(on);
        review.setDisable(on);
    }

    private Window window() {
        return review.getScene() == null ? null : review.getScene().getWindow();
    }
}
