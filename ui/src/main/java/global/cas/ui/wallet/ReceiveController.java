package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.ledger.Amounts;
import global.cas.rejection.RejectedException;
import global.cas.ui.i18n.Messages;
import global.cas.ui.shell.FxExecutor;
import global.cas.wallet.PaymentRequest;
import global.cas.wallet.keys.AccountInfo;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Receive: the address to give out (selectable, with a QR code and a copy button), optionally as
 * a {@code cas:} payment request with an amount and a message, its label, a new address on request
 * (from the pool derived ahead; only when it is used up does the password unlock the keys to
 * derive more), and the wallet's other addresses. Thin.
 */
public final class ReceiveController {
    private static final int QR_SIZE = 220;

    private final WalletModel wallet;
    private final Messages messages;
    private final FxExecutor fx = new FxExecutor();

    @FXML
    private javafx.scene.control.TextArea address;

    @FXML
    private ImageView qr;

    @FXML
    private TextField requestAmount;

    @FXML
    private TextField requestMessage;

    @FXML
    private Label requestError;

    @FXML
    private TextField addressLabel;

    @FXML
    private Button newAddress;

    @FXML
    private ComboBox<AccountInfo> account;

    @FXML
    private TextField accountName;

    @FXML
    private Button newAccount;

    @FXML
    private Label receiveMessage;

    @FXML
    private ListView<Address> allAddresses;

    // held here and registered weakly: a view reloaded in another language must not stay attached to the model
    private final ChangeListener<Address> onReceiving = (o, a, b) -> {
        selectAccountOf(b);
        allAddresses.getSelectionModel().select(b);
        show(b);
    };
    private final MapChangeListener<Address, String> onLabels = c -> allAddresses.refresh();
    private final MapChangeListener<Address, Long> onBalances = c -> {
        allAddresses.refresh();
        refreshAccountText();
    };
    private final javafx.collections.SetChangeListener<Address> onUsed = c -> allAddresses.refresh();
    // the accounts are replaced when one gains an address: choose the receiving address's again
    private final ListChangeListener<AccountInfo> onAccounts = c -> accountsChanged();

    public ReceiveController(WalletModel wallet, Messages messages) {
        this.wallet = wallet;
        this.messages = messages;
    }

    @FXML
    void initialize() {
        allAddresses.setItems(wallet.addresses());
        allAddresses.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Address a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setText(null);
                } else {
                    String label = wallet.book().addressLabels().get(a);
                    String owner = wallet.accounts().stream()
                            .filter(acc -> acc.addresses().contains(a))
                            .findFirst()
                            .map(acc -> accountName(acc))
                            .orElse("");
                    String row = messages.get(
                            "wallet.receive.address.row",
                            owner,
                            a.encode(wallet.network()),
                            messages.get(
                                    wallet.activity().usedAddresses().contains(a)
                                            ? "wallet.receive.address.used"
                                            : "wallet.receive.address.unused"),
                            WalletText.cas(
                                    messages, wallet.activity().balances().getOrDefault(a, 0L)));
                    setText(label == null ? row : row + " · " + label);
                }
            }
        });
        allAddresses.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                show(b);
            }
        });
        account.setItems(wallet.accounts());
        account.setConverter(Converters.showing(a -> messages.get(
                "wallet.receive.account.row",
                accountName(a),
                a.index(),
                WalletText.cas(messages, wallet.activity().accountBalance(a)))));
        wallet.activity().balances().addListener(new javafx.collections.WeakMapChangeListener<>(onBalances));
        wallet.activity().usedAddresses().addListener(new javafx.collections.WeakSetChangeListener<>(onUsed));
        selectAccountOf(wallet.receivingAddressProperty().get());
        wallet.accounts().addListener(new WeakListChangeListener<>(onAccounts));
        requestAmount.textProperty().addListener((o, a, b) -> showRequest());
        requestMessage.textProperty().addListener((o, a, b) -> showRequest());
        wallet.receivingAddressProperty().addListener(new WeakChangeListener<>(onReceiving));
        wallet.book().addressLabels().addListener(new WeakMapChangeListener<>(onLabels));
        Address current = wallet.receivingAddressProperty().get();
        allAddresses.getSelectionModel().select(current);
        show(current);
    }

    /** Redraws the chosen account's text (its balance changed). */
    private void refreshAccountText() {
        AccountInfo chosen = account.getValue();
        var converter = account.getConverter();
        account.setConverter(null);
        account.setConverter(converter);
        account.setValue(chosen);
    }

    private Address shown() {
        Address selected = allAddresses.getSelectionModel().getSelectedItem();
        return selected != null ? selected : wallet.receivingAddressProperty().get();
    }

    private void show(Address a) {
        addressLabel.setText(wallet.book().addressLabels().getOrDefault(a, ""));
        showRequest();
    }

    /**
     * Shows the shown address as a payment request: the bare address, or a {@code cas:} link
     * when an amount or a message is asked (a wrong amount is explained and left out).
     */
    private void showRequest() {
        Address a = shown();
        if (a == null) {
            return;
        }
        OptionalLong units = OptionalLong.empty();
        requestError.setText("");
        String typed = requestAmount.getText().strip();
        if (!typed.isEmpty()) {
            try {
                units = OptionalLong.of(Amounts.parse(typed));
            } catch (RejectedException e) {
                requestError.setText(WalletText.amountProblem(messages, e));
            }
        }
        String note = requestMessage.getText().strip();
        if (note.codePointCount(0, note.length()) > PaymentRequest.MAX_MESSAGE) {
            requestError.setText(
                    messages.get("wallet.receive.request.tooLong", Integer.toString(PaymentRequest.MAX_MESSAGE)));
            note = "";
        }
        String text = new PaymentRequest(a, units, Optional.of(note)).toText(wallet.network());
        address.setText(text);
        qr.setImage(QrCode.image(text, QR_SIZE));
        say("", false);
    }

    @FXML
    void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(address.getText());
        Clipboard.getSystemClipboard().setContent(content);
        say(
                messages.get(
                        PaymentRequest.isLink(address.getText())
                                ? "wallet.receive.copied.request"
                                : "wallet.receive.copied"),
                false);
    }

    @FXML
    void saveLabel() {
        try {
            wallet.book().labelAddress(shown(), addressLabel.getText());
            say(messages.get("wallet.receive.label.saved"), false);
        } catch (IllegalArgumentException e) {
            say(messages.get("wallet.label.invalid", Integer.toString(global.cas.wallet.data.Labels.MAX_LENGTH)), true);
        }
    }

    @FXML
    void newAddress() {
        AccountInfo in = account.getValue();
        int index = in == null ? 0 : in.index();
        // from the addresses derived ahead, without the password; only an empty pool asks for it
        newAddress.setDisable(true);
        wallet.newAddress(index)
                .whenCompleteAsync(
                        (a, error) -> {
                            newAddress.setDisable(false);
                            if (error == null) {
                                say(messages.get("wallet.receive.new.done"), false);
                            } else if (poolEmpty(error)) {
                                deriveNewAddress(index);
                            } else {
                                say(WalletText.explain(messages, error), true);
                            }
                        },
                        fx);
    }

    private static boolean poolEmpty(Throwable error) {
        Throwable t = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        return t instanceof WalletRefusal r && r.key().equals(WalletRefusal.POOL_EMPTY);
    }

    private void deriveNewAddress(int index) {
        new PasswordPrompt(messages).ask(address.getScene().getWindow(), "wallet.password.forNewAddress", password -> {
            newAddress.setDisable(true);
            say(messages.get("wallet.receive.deriving"), false);
            wallet.newAddress(index, password)
                    .whenCompleteAsync(
                            (a, error) -> {
                                newAddress.setDisable(false);
                                if (error != null) {
                                    say(WalletText.explain(messages, error), true);
                                } else {
                                    say(messages.get("wallet.receive.new.done"), false);
                                }
                            },
                            fx);
        });
    }

    private void accountsChanged() {
        selectAccountOf(wallet.receivingAddressProperty().get());
        allAddresses.refresh();
    }

    /** Chooses, for New address, the account that holds {@code a} (the receiving address). */
    private void selectAccountOf(Address a) {
        for (AccountInfo acc : wallet.accounts()) {
            if (acc.addresses().contains(a)) {
                account.getSelectionModel().select(acc);
                return;
            }
        }
        account.getSelectionModel().select(0);
    }

    /** The account's name; the first account's default name in the person's language. */
    private String accountName(AccountInfo a) {
        return a.index() == 0 && a.label().equals(global.cas.wallet.keys.Keystore.FIRST_ACCOUNT_LABEL)
                ? messages.get("wallet.account.main")
                : a.label();
    }

    @FXML
    void newAccount() {
        String name = accountName.getText().strip();
        try {
            AccountInfo.checkLabel(name);
        } catch (IllegalArgumentException e) {
            say(messages.get(WalletRefusal.ACCOUNT_LABEL, Integer.toString(AccountInfo.MAX_LABEL_LENGTH)), true);
            return;
        }
        new PasswordPrompt(messages).ask(address.getScene().getWindow(), "wallet.password.forNewAccount", password -> {
            newAccount.setDisable(true);
            say(messages.get("wallet.receive.deriving"), false);
            wallet.newAccount(name, password)
                    .whenCompleteAsync(
                            (added, error) -> {
                                newAccount.setDisable(false);
                                if (error != null) {
                                    say(WalletText.explain(messages, error), true);
                                } else {
                                    accountName.clear();
                                    say(messages.get("wallet.receive.account.done", added.label()), false);
                                }
                            },
                            fx);
        });
    }

    private void say(String text, boolean error) {
        receiveMessage.setText(text);
        receiveMessage.getStyleClass().removeAll("wallet-error", "wallet-ok");
        receiveMessage.getStyleClass().add(error ? "wallet-error" : "wallet-ok");
    }

    /** The address shown, as text. */
    String shownAddress() {
        return address.getText();
    }
}
