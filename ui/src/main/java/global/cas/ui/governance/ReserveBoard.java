package global.cas.ui.governance;

import global.cas.crypto.Address;
import global.cas.ledger.Amounts;
import global.cas.ledger.ReserveSpend;
import global.cas.node.query.GovernanceView;
import global.cas.ui.i18n.Messages;
import global.cas.ui.wallet.WalletText;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The committee reserve on the committee board (G20, G22): every spend a member asked for with its
 * approvals against the majority that pays it, the payouts of the excess above the cap, and for a
 * member's own wallet the approve and request buttons. FX thread.
 */
final class ReserveBoard {
    private final GovernanceModel model;
    private final Messages messages;
    private final TableView<GovernanceView.Spend> table;
    private final Button approve;
    private final Button request;
    private final Label error;
    private final Label payout;
    private int seated;

    ReserveBoard(
            GovernanceModel model,
            Messages messages,
            TableView<GovernanceView.Spend> table,
            Button approve,
            Button request,
            Label error,
            Label payout) {
        this.model = model;
        this.messages = messages;
        this.table = table;
        this.approve = approve;
        this.request = request;
        this.error = error;
        this.payout = payout;
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> buttons());
    }

    void columns(
            TableColumn<GovernanceView.Spend, String> amount,
            TableColumn<GovernanceView.Spend, String> recipient,
            TableColumn<GovernanceView.Spend, String> state,
            TableColumn<GovernanceView.Spend, String> memo) {
        amount.setCellValueFactory(
                c -> value(WalletText.cas(messages, c.getValue().amount())));
        recipient.setCellValueFactory(
                c -> value(c.getValue().recipient().encode(model.wallet().network())));
        state.setCellValueFactory(c -> value(
                c.getValue().paid()
                        ? messages.get("gov.spend.paid", c.getValue().paidHeight())
                        : messages.get(
                                "gov.spend.pending", c.getValue().approving().size(), seated)));
        memo.setCellValueFactory(
                c -> value(messages.get("gov.spend.purpose." + c.getValue().purpose()) + ": "
                        + c.getValue().memo()));
    }

    private static ReadOnlyObjectWrapper<String> value(String v) {
        return new ReadOnlyObjectWrapper<>(v);
    }

    void show(GovernanceModel.Loaded l) {
        GovernanceView v = l.view();
        seated = (int) v.committee().stream()
                .filter(s -> s.standing().equals("active"))
                .count();
        GovernanceView.Spend chosen = table.getSelectionModel().getSelectedItem();
        table.setItems(FXCollections.observableArrayList(v.reserveSpends()));
        if (chosen != null) {
            v.reserveSpends().stream()
                    .filter(s -> s.id().equals(chosen.id()))
                    .findFirst()
                    .ifPresent(s -> table.getSelectionModel().select(s));
        }
        GovernanceView.Payout p = v.payout();
        String line = messages.get(
                "gov.payout.line",
                p.distributions(),
                WalletText.cas(messages, p.distributed()),
                WalletText.cas(messages, p.credited()));
        if (p.excessSince() > 0) {
            line = messages.get(
                            "gov.payout.pending",
                            WalletText.cas(
                                    messages,
                                    Math.max(0, v.reserveBalance() - global.cas.chain.ChainParams.RESERVE_AT_GENESIS)),
                            WalletText.time(p.dueAt()))
                    + " " + line;
        }
        payout.setText(line);
        buttons();
    }

    private boolean member() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        Address who = model.voterProperty().get();
        return l != null
                && who != null
                && l.view().committee().stream()
                        .anyMatch(s -> s.address().equals(who) && s.standing().equals("active"));
    }

    private void buttons() {
        GovernanceView.Spend s = table.getSelectionModel().getSelectedItem();
        Address who = model.voterProperty().get();
        boolean member = member();
        approve.setDisable(!member || s == null || s.paid() || s.approving().contains(who));
        request.setDisable(!member);
    }

    Optional<GovernanceView.Spend> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    /** The request form: payee, amount and what the operating cost is; empty when cancelled. */
    Optional<ReserveSpend> requestForm(Window owner) {
        Dialog<ReserveSpend> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(messages.get("gov.spend.request"));
        d.setHeaderText(messages.get("gov.spend.request.header"));
        TextField to = new TextField();
        TextField amount = new TextField();
        TextField memo = new TextField();
        to.setId("spend-to");
        amount.setId("spend-amount");
        memo.setId("spend-memo");
        Label problem = new Label();
        problem.getStyleClass().add("gov-error");
        problem.setWrapText(true);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        for (String[] row :
                new String[][] {{"0", "gov.spend.to"}, {"1", "gov.spend.amount"}, {"2", "gov.spend.memo"}}) {
            Label l = new Label(messages.get(row[1]));
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            g.add(l, 0, Integer.parseInt(row[0]));
        }
        g.add(to, 1, 0);
        g.add(amount, 1, 1);
        g.add(memo, 1, 2);
        g.add(problem, 0, 3, 2, 1);
        GridPane.setHgrow(to, Priority.ALWAYS);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setPrefWidth(620);
        ButtonType ok = new ButtonType(messages.get("gov.spend.request.send"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("gov.wizard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(ok, cancel);
        java.util.function.Supplier<ReserveSpend> build = () -> {
            Address a;
            try {
                a = Address.parse(to.getText().strip(), model.wallet().network());
            } catch (global.cas.rejection.RejectedException e) {
                throw new IllegalArgumentException(messages.reason(e.reason()));
            }
            long units;
            try {
                units = Amounts.parse(amount.getText().strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(messages.get("gov.spend.problem.amount"));
            }
            if (memo.getText().isBlank()) {
                throw new IllegalArgumentException(messages.get("gov.spend.problem.memo"));
            }
            return new ReserveSpend(
                    ReserveSpend.OPERATIONS, a, units, memo.getText().strip(), Optional.empty());
        };
        d.getDialogPane().lookupButton(ok).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                build.get();
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ok ? build.get() : null);
        return d.showAndWait();
    }
}
