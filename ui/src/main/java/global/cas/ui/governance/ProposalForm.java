package global.cas.ui.governance;

import global.cas.governance.ChangeableParameters;
import global.cas.governance.ProposalKind;
import global.cas.ledger.Amounts;
import global.cas.ledger.ProposalPosting;
import global.cas.params.GovernanceParams;
import global.cas.ui.i18n.Messages;
import global.cas.ui.wallet.WalletText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The new-proposal form (G30, G31, G35): the kind, title and text, the referendum's length in days
 * (7 to 30), and for a {@code parameter} proposal the exact changes, each a parameter with its
 * value now and the value proposed (CAS amounts in CAS). OK is refused with a sentence until the
 * proposal is well formed; what it gives is then signed like every other action. FX thread.
 */
final class ProposalForm {
    /** The parameters whose values are amounts of CAS, typed in CAS. */
    static final Set<String> CAS_VALUED = Set.of(
            "candidacyMinimum",
            "electionThreshold",
            "responseSupport",
            "referendumSupport",
            "referendumQuorum",
            "proposalFee");

    private final Messages messages;
    private final GovernanceParams params;
    final ChoiceBox<ProposalKind> kind = new ChoiceBox<>(FXCollections.observableArrayList(ProposalKind.values()));
    final TextField title = new TextField();
    final TextArea text = new TextArea();
    final Spinner<Integer> days;
    private final VBox changes = new VBox(6);
    private final List<ChangeRow> rows = new ArrayList<>();
    final Label error = new Label();
    private final Button addChange = new Button();

    ProposalForm(Messages messages, GovernanceParams params) {
        this.messages = messages;
        this.params = params;
        days = new Spinner<>(params.referendumMinDays(), params.referendumMaxDays(), params.referendumMinDays());
        days.setEditable(true);
        kind.setId("proposal-kind");
        title.setId("proposal-title");
        text.setId("proposal-text");
        days.setId("proposal-days");
        error.setId("proposal-form-error");
        error.getStyleClass().add("gov-error");
        error.setWrapText(true);
        text.setWrapText(true);
        text.setPrefRowCount(6);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProposalKind k) {
                return k == null ? "" : messages.get("gov.kind." + k.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public ProposalKind fromString(String s) {
                return null;
            }
        });
        kind.setValue(ProposalKind.TEXT);
        addChange.setText(messages.get("gov.propose.addChange"));
        addChange.setId("proposal-add-change");
        addChange.setOnAction(e -> addRow());
        kind.valueProperty().addListener((o, a, b) -> {
            rows.clear();
            showChanges();
        });
        showChanges();
    }

    /** One parameter change: which, its value now, the value proposed. */
    private final class ChangeRow {
        final ChoiceBox<String> name =
                new ChoiceBox<>(FXCollections.observableArrayList(new TreeSet<>(ChangeableParameters.NAMES)));
        final TextField value = new TextField();
        final TextField key = new TextField();
        final Label now = new Label();
        final HBox box;

        ChangeRow() {
            Button remove = new Button("✕");
            remove.setOnAction(e -> {
                rows.remove(this);
                showChanges();
            });
            name.valueProperty()
                    .addListener(
                            (o, a, b) -> now.setText(b == null ? "" : messages.get("gov.propose.now", current(b))));
            boolean validators = kind.getValue() == ProposalKind.VALIDATOR_SET;
            value.setPromptText(messages.get(validators ? "gov.propose.power" : "gov.propose.value"));
            value.setId("proposal-change-value-" + rows.size());
            name.setId("proposal-change-name-" + rows.size());
            key.setPromptText(messages.get("gov.propose.key"));
            key.setPrefColumnCount(36);
            box = validators ? new HBox(8, key, value, remove) : new HBox(8, name, value, now, remove);
            HBox.setHgrow(validators ? key : value, Priority.SOMETIMES);
        }
    }

    private String current(String parameter) {
        Long v = parameterValue(parameter);
        if (v == null) {
            return "?";
        }
        return CAS_VALUED.contains(parameter) ? WalletText.cas(messages, v) : messages.number(v);
    }

    private Long parameterValue(String name) {
        return switch (name) {
            case "candidacyMinimum" -> params.candidacyMinimum();
            case "electionThreshold" -> params.electionThreshold();
            case "minSeats" -> (long) params.minSeats();
            case "responseSupport" -> params.responseSupport();
            case "responseWindowDays" -> (long) params.responseWindowDays();
            case "referendumSupport" -> params.referendumSupport();
            case "referendumQuorum" -> params.referendumQuorum();
            case "referendumMinDays" -> (long) params.referendumMinDays();
            case "referendumMaxDays" -> (long) params.referendumMaxDays();
            case "electionIntervalDays" -> (long) params.electionIntervalDays();
            case "nominationDays" -> (long) params.nominationDays();
            case "votingDays" -> (long) params.votingDays();
            case "proposalFee" -> params.proposalFee();
            case "parameterDelayBlocks" -> params.parameterDelayBlocks();
            case "payoutDays" -> (long) params.payoutDays();
            default -> null;
        };
    }

    private void addRow() {
        if (rows.size() < ProposalPosting.MAX_CHANGES) {
            rows.add(new ChangeRow());
            showChanges();
        }
    }

    private void showChanges() {
        boolean parameter = kind.getValue() == ProposalKind.PARAMETER || kind.getValue() == ProposalKind.VALIDATOR_SET;
        if (parameter && rows.isEmpty()) {
            rows.add(new ChangeRow());
        }
        changes.getChildren().clear();
        if (parameter) {
            rows.forEach(r -> changes.getChildren().add(r.box));
            changes.getChildren().add(addChange);
        }
        changes.setVisible(parameter);
        changes.setManaged(parameter);
        if (changes.getScene() != null) {
            changes.getScene().getWindow().sizeToScene();
        }
    }

    /** The proposal as typed, or the sentence saying what is wrong. */
    ProposalPosting proposal() {
        String t = title.getText().strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(messages.get("gov.propose.problem.title"));
        }
        if (t.getBytes(StandardCharsets.UTF_8).length > ProposalPosting.MAX_TITLE
                || text.getText().strip().getBytes(StandardCharsets.UTF_8).length > ProposalPosting.MAX_TEXT) {
            throw new IllegalArgumentException(messages.get("gov.propose.problem.long"));
        }
        int d = days.getValue();
        List<ProposalPosting.Change> list = new ArrayList<>();
        if (kind.getValue() == ProposalKind.VALIDATOR_SET) {
            for (ChangeRow r : rows) {
                String k = r.key.getText().strip().toLowerCase(Locale.ROOT);
                if (!k.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException(messages.get("gov.propose.problem.key"));
                }
                list.add(new ProposalPosting.Change(
                        global.cas.governance.ValidatorChanges.PREFIX + k,
                        value("power", r.value.getText().strip())));
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException(messages.get("gov.propose.problem.none"));
            }
        } else if (kind.getValue() == ProposalKind.PARAMETER) {
            Set<String> seen = new TreeSet<>();
            for (ChangeRow r : rows) {
                String n = r.name.getValue();
                if (n == null) {
                    throw new IllegalArgumentException(messages.get("gov.propose.problem.name"));
                }
                if (!seen.add(n)) {
                    throw new IllegalArgumentException(messages.get("gov.propose.problem.twice", n));
                }
                list.add(
                        new ProposalPosting.Change(n, value(n, r.value.getText().strip())));
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException(messages.get("gov.propose.problem.none"));
            }
        }
        return new ProposalPosting(t, text.getText().strip(), kind.getValue().ordinal(), list, d);
    }

    private long value(String name, String typed) {
        try {
            long v = CAS_VALUED.contains(name) ? Amounts.parse(typed) : Long.parseLong(typed);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(messages.get("gov.propose.problem.value", name));
        }
    }

    private Label label(String key) {
        Label l = new Label(messages.get(key));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** The dialog; its result is the proposal, present only when OK was pressed on a well-formed one. */
    Dialog<Optional<ProposalPosting>> dialog(Window owner) {
        Dialog<Optional<ProposalPosting>> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(messages.get("gov.propose.title"));
        d.setHeaderText(messages.get("gov.propose.header", WalletText.cas(messages, params.proposalFee())));
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        int row = 0;
        g.addRow(row++, label("gov.propose.kind"), kind);
        g.addRow(row++, label("gov.propose.titleField"), title);
        g.addRow(row++, label("gov.propose.text"), text);
        g.addRow(row++, label("gov.propose.days"), days);
        g.add(changes, 0, row++, 2, 1);
        g.add(error, 0, row, 2, 1);
        GridPane.setHgrow(title, Priority.ALWAYS);
        GridPane.setHgrow(text, Priority.ALWAYS);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setPrefWidth(680);
        d.getDialogPane()
                .getStylesheets()
                .add(ProposalForm.class.getResource("governance.css").toExternalForm());
        ButtonType post = new ButtonType(messages.get("gov.propose.post"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("gov.wizard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(post, cancel);
        d.getDialogPane().lookupButton(post).setId("proposal-post");
        d.getDialogPane().lookupButton(post).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                proposal();
                error.setText("");
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        d.setResultConverter(b -> b == post ? Optional.of(proposal()) : Optional.empty());
        return d;
    }
}
