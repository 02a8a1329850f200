package global.cas.ui.wallet;

import global.cas.crypto.Hash;
import global.cas.ui.i18n.Messages;
import global.cas.ui.shell.FxExecutor;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.Labels;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.stage.FileChooser;

/**
 * The history as a sortable, filterable table with editable labels, and its export to CSV (UTF-8
 * with BOM, written in the background by {@link TransactionCsv}). Thin.
 */
public final class TransactionsController {
    private final WalletModel wallet;
    private final Messages messages;
    private final FxExecutor fx = new FxExecutor();
    private FilteredList<WalletEntry> filtered;
    private SortedList<WalletEntry> sorted;
    private final MapChangeListener<Hash, String> onLabels = c -> refilter();

    @FXML
    private TextField filter;

    @FXML
    private TableView<WalletEntry> table;

    @FXML
    private TableColumn<WalletEntry, Long> colTime;

    @FXML
    private TableColumn<WalletEntry, WalletEntry.Kind> colKind;

    @FXML
    private TableColumn<WalletEntry, Long> colAmount;

    @FXML
    private TableColumn<WalletEntry, Long> colFee;

    @FXML
    private TableColumn<WalletEntry, String> colCounterparty;

    @FXML
    private TableColumn<WalletEntry, String> colLabel;

    @FXML
    private TableColumn<WalletEntry, Long> colConfirmations;

    @FXML
    private Label exportStatus;

    /** Which blocks the history cannot list, when the node pruned them before this wallet read them. */
    @FXML
    private Label gapNotice;

    @FXML
    private javafx.scene.layout.GridPane details;

    @FXML
    private TextField detailId;

    @FXML
    private Label detailBlock;

    @FXML
    private Label detailCounterparties;

    // held here and registered weakly: a view reloaded in another language must not stay attached
    private final javafx.beans.value.ChangeListener<Number> onTip = (o, a, b) -> showDetails();
    private final javafx.beans.value.ChangeListener<List<global.cas.wallet.HistoryGap>> onGaps =
            (o, a, b) -> showGaps();

    public TransactionsController(WalletModel wallet, Messages messages) {
        this.wallet = wallet;
        this.messages = messages;
    }

    @FXML
    void initialize() {
        colTime.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().time()));
        colTime.setCellFactory(c -> cell(WalletText::time));
        colKind.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().kind()));
        colKind.setCellFactory(c -> cell(k -> WalletText.kind(messages, k)));
        colAmount.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().net()));
        colAmount.setCellFactory(c -> cell(WalletText::signed));
        colFee.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fee()));
        colFee.setCellFactory(c -> cell(f -> f == 0 ? "" : WalletText.amount(f)));
        colCounterparty.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> WalletText.counterparties(
                        messages, c.getValue(), wallet.book().contacts(), wallet.network()),
                wallet.book().contacts()));
        colConfirmations.setCellValueFactory(c -> Bindings.createObjectBinding(
                () -> Math.max(
                        1, wallet.tipHeightProperty().get() - c.getValue().height() + 1),
                wallet.tipHeightProperty()));
        colConfirmations.setCellFactory(c -> cell(messages::number));
        colLabel.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> wallet.activity().label(c.getValue()),
                wallet.book().transactionLabels(),
                wallet.book().addressLabels(),
                wallet.activity().receivingAddressesFound()));
        colLabel.setCellFactory(TextFieldTableCell.forTableColumn());
        colLabel.setOnEditCommit(e -> label(e.getRowValue(), e.getNewValue()));

        filtered = new FilteredList<>(wallet.history());
        sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        filter.textProperty().addListener((o, a, b) -> refilter());
        wallet.book().transactionLabels().addListener(new WeakMapChangeListener<>(onLabels));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetails());
        wallet.tipHeightProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onTip));
        wallet.historyGapsProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onGaps));
        showGaps();
    }

    /** The notice over the table when the history has gaps; hidden (and taking no room) when it has none. */
    private void showGaps() {
        List<global.cas.wallet.HistoryGap> gaps = wallet.historyGapsProperty().get();
        gapNotice.setText(WalletText.gaps(messages, gaps));
        gapNotice.setVisible(!gaps.isEmpty());
        gapNotice.setManaged(!gaps.isEmpty());
    }

    /** The selected transaction's id (to copy), its block with confirmations, and every counterparty. */
    private void showDetails() {
        WalletEntry e = table.getSelectionModel().getSelectedItem();
        details.setVisible(e != null);
        details.setManaged(e != null);
        if (e == null) {
            return;
        }
        detailId.setText(e.id().hex());
        long confirmations = Math.max(1, wallet.tipHeightProperty().get() - e.height() + 1);
        detailBlock.setText(messages.get("wallet.details.block", e.height(), confirmations));
        detailCounterparties.setText(
                e.counterparties().isEmpty()
                        ? messages.get("wallet.details.noCounterparty")
                        : e.counterparties().stream()
                                .map(a -> a.encode(wallet.network()))
                                .collect(java.util.stream.Collectors.joining("\n")));
    }

    @FXML
    void copyId() {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(detailId.getText());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        exportStatus.setText(messages.get("wallet.details.copied"));
    }

    private <T> TableCell<WalletEntry, T> cell(java.util.function.Function<T, String> text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private void label(WalletEntry entry, String text) {
        try {
            wallet.book().labelTransaction(entry.id(), text == null ? "" : text);
            exportStatus.setText("");
        } catch (IllegalArgumentException e) {
            exportStatus.setText(messages.get("wallet.label.invalid", Integer.toString(Labels.MAX_LENGTH)));
            table.refresh();
        }
    }

    private void refilter() {
        String q = filter.getText().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(q.isEmpty() ? null : matches(q));
    }

    /** An entry matches when the text occurs in its time, kind, amount, fee, counterparties, label, height or id. */
    private Predicate<WalletEntry> matches(String q) {
        Map<Hash, String> labels = Map.copyOf(wallet.book().transactionLabels());
        return e -> String.join(
                        " ",
                        WalletText.time(e.time()),
                        WalletText.kind(messages, e.kind()),
                        e.kind().name(),
                        WalletText.signed(e.net()),
                        global.cas.ledger.Amounts.format(e.fee()),
                        WalletText.addresses(e.counterparties(), wallet.network()),
                        labels.getOrDefault(e.id(), ""),
                        Long.toString(e.height()),
                        e.id().hex())
                .toLowerCase(Locale.ROOT)
                .contains(q);
    }

    @FXML
    void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("wallet.transactions.export.title"));
        chooser.setInitialFileName(messages.get("wallet.transactions.export.file"));
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(messages.get("wallet.transactions.export.filter"), "*.csv"));
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            export(file.toPath());
        }
    }

    /** Writes the rows shown (filtered and sorted as on screen) to {@code file}, in the background. */
    CompletableFuture<Void> export(Path file) {
        List<WalletEntry> rows = List.copyOf(sorted);
        Map<Hash, String> labels = Map.copyOf(wallet.book().transactionLabels());
        TransactionCsv csv = csv();
        exportStatus.setText(messages.get("wallet.transactions.export.writing"));
        return CompletableFuture.runAsync(() -> {
                    try {
                        csv.write(rows, labels, file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .whenCompleteAsync(
                        (v, error) -> exportStatus.setText(
                                error == null
                                        ? messages.get(
                                                "wallet.transactions.export.done",
                                                Integer.toString(rows.size()),
                                                file.getFileName().toString())
                                        : messages.get("wallet.transactions.export.failed", file.toString())),
                        fx);
    }

    private TransactionCsv csv() {
        List<String> header = List.of(
                messages.get("wallet.column.time"),
                messages.get("wallet.column.kind"),
                messages.get("wallet.column.amount"),
                messages.get("wallet.column.fee"),
                messages.get("wallet.column.counterparty"),
                messages.get("wallet.column.label"),
                messages.get("wallet.column.height"),
                messages.get("wallet.column.transaction"));
        Map<WalletEntry.Kind, String> kinds = new EnumMap<>(WalletEntry.Kind.class);
        for (WalletEntry.Kind k : WalletEntry.Kind.values()) {
            kinds.put(k, WalletText.kind(messages, k));
        }
        return new TransactionCsv(header, kinds, wallet.network(), ZoneId.systemDefault());
    }
}
