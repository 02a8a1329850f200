package global.cas.ui.wallet;

import global.cas.ui.i18n.Messages;
import global.cas.ui.node.NodeModel;
import global.cas.wallet.WalletEntry;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The overview: balances, the ten newest transactions, and the node's height and sync. Thin. */
public final class OverviewController {
    /** How many transactions the overview lists. */
    static final int RECENT = 10;

    private final WalletModel wallet;
    private final NodeModel node;
    private final Messages messages;
    private final ObservableList<WalletEntry> recentEntries = FXCollections.observableArrayList();
    private final ListChangeListener<WalletEntry> onHistory = c -> updateRecent();

    @FXML
    private Label balance;

    @FXML
    private Label spendable;

    @FXML
    private Label height;

    @FXML
    private Label sync;

    @FXML
    private TableView<WalletEntry> recent;

    @FXML
    private TableColumn<WalletEntry, String> recentTime;

    @FXML
    private TableColumn<WalletEntry, String> recentKind;

    @FXML
    private TableColumn<WalletEntry, String> recentAmount;

    @FXML
    private TableColumn<WalletEntry, String> recentLabel;

    public OverviewController(WalletModel wallet, Messages messages) {
        this.wallet = wallet;
        this.node = wallet.node();
        this.messages = messages;
    }

    @FXML
    void initialize() {
        balance.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> wallet.syncedProperty().get()
                                ? WalletText.cas(
                                        messages, wallet.balanceProperty().get())
                                : "…",
                        wallet.balanceProperty(),
                        wallet.syncedProperty()));
        spendable
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> wallet.syncedProperty().get()
                                ? WalletText.cas(
                                        messages, wallet.spendableProperty().get())
                                : "…",
                        wallet.spendableProperty(),
                        wallet.syncedProperty()));
        height.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> node.heightProperty().get() < 0
                                ? "…"
                                : Long.toString(node.heightProperty().get()),
                        node.heightProperty()));
        sync.textProperty()
                .bind(Bindings.createStringBinding(
                        this::syncSentence,
                        node.readyProperty(),
                        node.failureProperty(),
                        wallet.syncedProperty(),
                        wallet.scannedHeightProperty(),
                        wallet.tipHeightProperty(),
                        node.heightProperty()));

        recentTime.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(WalletText.time(c.getValue().time())));
        recentKind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                WalletText.kind(messages, c.getValue().kind())));
        recentAmount.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(WalletText.signed(c.getValue().net())));
        recentLabel.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> wallet.book()
                        .transactionLabels()
                        .getOrDefault(c.getValue().id(), ""),
                wallet.book().transactionLabels()));
        recent.setItems(recentEntries);
        wallet.history().addListener(new WeakListChangeListener<>(onHistory));
        updateRecent();
    }

    private void updateRecent() {
        var all = wallet.history();
        recentEntries.setAll(all.subList(0, Math.min(RECENT, all.size())));
    }

    private String syncSentence() {
        if (node.failureProperty().get() != null) {
            return messages.get("wallet.sync.nodeFailed");
        }
        if (!node.readyProperty().get()) {
            return messages.get("wallet.sync.nodeStarting");
        }
        if (!wallet.syncedProperty().get()) {
            return messages.get(
                    "wallet.sync.scanning",
                    Long.toString(Math.max(0, wallet.scannedHeightProperty().get())),
                    Long.toString(Math.max(0, wallet.tipHeightProperty().get())));
        }
        return messages.get(
                "wallet.sync.upToDate",
                Long.toString(wallet.scannedHeightProperty().get()));
    }
}
