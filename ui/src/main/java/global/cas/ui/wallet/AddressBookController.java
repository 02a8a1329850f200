package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.rejection.RejectedException;
import global.cas.ui.i18n.Messages;
import global.cas.wallet.data.Contact;
import global.cas.wallet.data.Labels;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The address book: saved contacts (name and address), added, renamed and removed here, picked from Send. Thin. */
public final class AddressBookController {
    private final WalletModel wallet;
    private final Messages messages;

    @FXML
    private TableView<Contact> contacts;

    @FXML
    private TableColumn<Contact, String> colName;

    @FXML
    private TableColumn<Contact, String> colAddress;

    @FXML
    private TextField name;

    @FXML
    private TextField address;

    @FXML
    private Label addressError;

    @FXML
    private Button remove;

    @FXML
    private Label bookError;

    public AddressBookController(WalletModel wallet, Messages messages) {
        this.wallet = wallet;
        this.messages = messages;
    }

    @FXML
    void initialize() {
        colName.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        colAddress.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().address().encode(wallet.network())));
        contacts.setItems(wallet.book().contacts());
        contacts.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                name.setText(b.name());
                address.setText(b.address().encode(wallet.network()));
            }
        });
        remove.disableProperty()
                .bind(contacts.getSelectionModel().selectedItemProperty().isNull());
        address.textProperty().addListener((o, a, b) -> {
            bookError.setText("");
            parse();
        });
        name.textProperty().addListener((o, a, b) -> bookError.setText(""));
    }

    private Address parse() {
        String text = address.getText().strip();
        if (text.isEmpty()) {
            addressError.setText("");
            return null;
        }
        try {
            Address a = Address.parse(text, wallet.network());
            addressError.setText("");
            return a;
        } catch (RejectedException e) {
            addressError.setText(messages.reason(e.reason()));
            return null;
        }
    }

    @FXML
    void save() {
        if (name.getText().isBlank()) {
            bookError.setText(messages.get("wallet.book.nameMissing"));
            return;
        }
        Address a = parse();
        if (a == null) {
            if (address.getText().isBlank()) {
                addressError.setText(messages.get("wallet.send.to.missing"));
            }
            return;
        }
        Contact c;
        try {
            c = new Contact(name.getText(), a);
        } catch (IllegalArgumentException e) {
            bookError.setText(messages.get("wallet.label.invalid", Integer.toString(Labels.MAX_LENGTH)));
            return;
        }
        wallet.book().saveContact(c);
        clear();
    }

    @FXML
    void remove() {
        Contact selected = contacts.getSelectionModel().getSelectedItem();
        if (selected != null) {
            wallet.book().removeContact(selected.address());
            clear();
        }
    }

    @FXML
    void clear() {
        contacts.getSelectionModel().clearSelection();
        name.clear();
        address.clear();
        addressError.setText("");
        bookError.setText("");
    }
}
