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
    private final ObservableList<RecentRow> recentEntries = FXCollections.observableArrayList();
    private final ListChangeListener<WalletEntry> onHistory = c -> updateRecent();

    @FXML
    private Label balance;

    @FXML
    private Label spendable;

    @FXML
    private Label staleNote;

    @FXML
    private Label height;

    @FXML
    private Label sync;

    @FXML
    private TableView<RecentRow> recent;

    @FXML
    private TableColumn<RecentRow, String> recentTime;

    @FXML
    private TableColumn<RecentRow, String> recentKind;

    @FXML
    private TableColumn<RecentRow, String> recentAmount;

    @FXML
    private TableColumn<RecentRow, String> recentLabel;

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
        staleNote.textProperty().bind(StaleBalanceNote.text(node.syncProperty(), messages));
        staleNote.visibleProperty().bind(staleNote.textProperty().isNotEmpty());
        staleNote.managedProperty().bind(staleNote.visibleProperty());
        // the block the wallet has read up to, so this row and the sentence below never disagree
        height.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> wallet.scannedHeightProperty().get() < 0
                                ? "…"
                                : messages.number(wallet.scannedHeightProperty().get()),
                        wallet.scannedHeightProperty(),
                        messages.languageProperty()));
        sync.textProperty()
                .bind(Bindings.createStringBinding(
                        this::syncSentence,
                        node.readyProperty(),
                        node.failureProperty(),
                        wallet.syncedProperty(),
                        wallet.scannedHeightProperty(),
                        wallet.tipHeightProperty(),
                        node.heightProperty(),
                        node.syncProperty()));

        recentTime.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                WalletText.time(c.getValue().newest().time())));
        recentKind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().count() > 1
                        ? messages.get("wallet.overview.rewards", c.getValue().count())
                        : WalletText.kind(messages, c.getValue().newest().kind())));
        recentAmount.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(WalletText.signed(c.getValue().net())));
        recentLabel.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().count() > 1
                        ? ""
                        : wallet.activity().label(c.getValue().newest()),
                wallet.book().transactionLabels(),
                wallet.book().addressLabels(),
                wallet.activity().receivingAddressesFound()));
        recent.setItems(recentEntries);
        wallet.history().addListener(new WeakListChangeListener<>(onHistory));
        updateRecent();
    }

    private void updateRecent() {
        recentEntries.setAll(RecentRow.group(wallet.history(), RECENT));
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
                    Math.max(0, wallet.scannedHeightProperty().get()),
                    Math.max(0, wallet.tipHeightProperty().get()));
        }
        if (node.syncProperty().get().behind()) {
            // the wallet has read all the node holds, but the node itself is behind its network
            return messages.get(
                    "wallet.sync.upToNode", wallet.scannedHeightProperty().get());
        }
        return messages.get(
                "wallet.sync.upToDate", wallet.scannedHeightProperty().get());
    }
}
