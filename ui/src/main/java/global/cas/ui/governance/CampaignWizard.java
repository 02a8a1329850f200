package global.cas.ui.governance;

import global.cas.crypto.Hash;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.node.query.GovernanceView;
import global.cas.ui.i18n.Messages;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.wallet.WalletText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * Campaign registration (G4) as a ControlsFX {@link Wizard}: the public profile (name, personal
 * information, career, education, platform), the check that the address holds the 10,000 CAS a
 * candidate keeps until the close and that nomination is open, a preview of the profile as every
 * holder will see it with the fee, and the password; Finish signs and sends the declaration and
 * stays open with the reason when it is refused. FX thread.
 */
final class CampaignWizard {
    private final GovernanceModel model;
    private final Messages messages;
    private final FxExecutor fx = new FxExecutor();
    final TextField name = new TextField();
    final TextArea personal = area();
    final TextArea career = area();
    final TextArea education = area();
    final TextArea platform = area();
    final PasswordField password = new PasswordField();
    private final Label passwordError = new Label();
    private final Label checkResult = new Label();
    private final Label preview = new Label();
    private boolean sent;

    CampaignWizard(GovernanceModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        name.setId("campaign-name");
        personal.setId("campaign-personal");
        career.setId("campaign-career");
        education.setId("campaign-education");
        platform.setId("campaign-platform");
        password.setId("campaign-password");
        checkResult.setId("campaign-check");
        preview.setId("campaign-preview");
        passwordError.setId("campaign-error");
        passwordError.getStyleClass().add("gov-error");
        passwordError.setWrapText(true);
        checkResult.setWrapText(true);
        preview.setWrapText(true);
    }

    private static TextArea area() {
        TextArea a = new TextArea();
        a.setWrapText(true);
        a.setPrefRowCount(3);
        return a;
    }

    CandidacyDeclaration.Profile profile() {
        return new CandidacyDeclaration.Profile(
                name.getText().strip(),
                personal.getText().strip(),
                career.getText().strip(),
                education.getText().strip(),
                platform.getText().strip());
    }

    private static boolean fits(TextInputControl c, int maxBytes) {
        return c.getText().strip().getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    /** The wizard, built on the state now; {@code onSent} gets the declaration's transaction id. */
    Wizard build(Window owner, Consumer<Hash> onSent) {
        Wizard wizard = new Wizard(owner, messages.get("gov.campaign.title"));
        wizard.setFlow(new Wizard.LinearFlow(
                profilePage(wizard), checkPage(wizard), previewPage(wizard), passwordPage(wizard, onSent)));
        return wizard;
    }

    private WizardPane page(String headerKey, Node content, Wizard wizard, BooleanBinding invalid) {
        WizardPane p = new WizardPane() {
            @Override
            public void onEnteringPage(Wizard w) {
                for (ButtonType t : getButtonTypes()) {
                    if (lookupButton(t) instanceof Button b) {
                        b.setText(buttonText(t.getButtonData(), b.getText()));
                    }
                }
                w.invalidProperty().unbind();
                w.invalidProperty().bind(invalid);
                entered(this);
            }
        };
        p.setHeaderText(messages.get(headerKey));
        p.setContent(content);
        p.getStylesheets()
                .add(CampaignWizard.class.getResource("governance.css").toExternalForm());
        p.setPrefWidth(640);
        return p;
    }

    private String buttonText(ButtonBar.ButtonData data, String fallback) {
        return switch (data) {
            case NEXT_FORWARD -> messages.get("gov.wizard.next");
            case BACK_PREVIOUS -> messages.get("gov.wizard.back");
            case FINISH -> messages.get("gov.campaign.send");
            case CANCEL_CLOSE -> messages.get("gov.wizard.cancel");
            default -> fallback;
        };
    }

    /** Hook for pages that refresh what they show when entered. */
    private void entered(WizardPane p) {
        if (p.getContent() == checkBox) {
            checkResult.setText(check());
        } else if (p.getContent() == previewBox) {
            preview.setText(previewText());
        }
    }

    private WizardPane profilePage(Wizard wizard) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        String[] labels = {
            "gov.campaign.name",
            "gov.campaign.personal",
            "gov.campaign.career",
            "gov.campaign.education",
            "gov.campaign.platform"
        };
        TextInputControl[] fields = {name, personal, career, education, platform};
        for (int i = 0; i < fields.length; i++) {
            Label l = new Label(messages.get(labels[i]));
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.setLabelFor(fields[i]);
            g.add(l, 0, i);
            g.add(fields[i], 1, i);
            GridPane.setHgrow(fields[i], Priority.ALWAYS);
        }
        Label help = new Label(messages.get("gov.campaign.profile.help"));
        help.setWrapText(true);
        help.getStyleClass().add("help");
        g.add(help, 0, fields.length, 2, 1);
        BooleanBinding invalid = Bindings.createBooleanBinding(
                () -> name.getText().isBlank()
                        || !fits(name, CandidacyDeclaration.Profile.MAX_NAME)
                        || !fits(personal, CandidacyDeclaration.Profile.MAX_PERSONAL)
                        || !fits(career, CandidacyDeclaration.Profile.MAX_CAREER)
                        || !fits(education, CandidacyDeclaration.Profile.MAX_EDUCATION)
                        || !fits(platform, CandidacyDeclaration.Profile.MAX_PLATFORM),
                name.textProperty(),
                personal.textProperty(),
                career.textProperty(),
                education.textProperty(),
                platform.textProperty());
        return page("gov.campaign.step.profile", g, wizard, invalid);
    }

    private final VBox checkBox = new VBox(10);
    private final VBox previewBox = new VBox(10);

    /** Why this address cannot declare now, or empty when it can. */
    String problem() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l == null) {
            return messages.get("gov.loading");
        }
        GovernanceView v = l.view();
        GovernanceView.Election e = v.election();
        if (!e.nominating(v.time())) {
            return messages.get("gov.campaign.check.closed", e.number(), WalletText.time(e.nominationStart()));
        }
        var who = model.voterProperty().get();
        if (who == null) {
            return messages.get("gov.voter.none");
        }
        boolean already = e.candidates().stream().anyMatch(c -> c.address().equals(who));
        if (already) {
            return messages.get("gov.campaign.check.already", e.number());
        }
        long need = v.params().candidacyMinimum() + fee();
        if (l.voterBalance() < need) {
            return messages.get(
                    "gov.campaign.check.short",
                    WalletText.cas(messages, l.voterBalance()),
                    WalletText.cas(messages, need));
        }
        return "";
    }

    private String check() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l == null) {
            return messages.get("gov.loading");
        }
        String p = problem();
        String balance = messages.get(
                "gov.campaign.check.balance",
                WalletText.cas(messages, l.voterBalance()),
                WalletText.cas(messages, l.view().params().candidacyMinimum()));
        return balance + "\n\n"
                + (p.isEmpty()
                        ? messages.get(
                                "gov.campaign.check.ok", l.view().election().number())
                        : "✗ " + p);
    }

    private WizardPane checkPage(Wizard wizard) {
        checkBox.getChildren().setAll(checkResult);
        BooleanBinding invalid = Bindings.createBooleanBinding(() -> !problem().isEmpty(), model.loadedProperty());
        return page("gov.campaign.step.check", checkBox, wizard, invalid);
    }

    /** The fee the declaration pays, at the chain's minimum per byte (an upper estimate of its size). */
    long fee() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l == null) {
            return 0;
        }
        global.cas.codec.Encoder e = new global.cas.codec.Encoder(256);
        global.cas.ledger.Action.write(
                e, new CandidacyDeclaration(l.view().election().number(), profile()));
        int size = e.size() + 400;
        return global.cas.ledger.Amounts.multiply(l.minFeePerByte(), size);
    }

    private String previewText() {
        CandidacyDeclaration.Profile p = profile();
        StringBuilder b = new StringBuilder();
        b.append(p.name()).append('\n');
        section(b, "gov.campaign.personal", p.personalInformation());
        section(b, "gov.campaign.career", p.career());
        section(b, "gov.campaign.education", p.education());
        section(b, "gov.campaign.platform", p.platform());
        var who = model.voterProperty().get();
        b.append('\n')
                .append(messages.get(
                        "gov.campaign.preview.address",
                        who == null ? "" : who.encode(model.wallet().network())))
                .append('\n')
                .append(messages.get("gov.campaign.preview.fee", WalletText.cas(messages, fee())));
        return b.toString();
    }

    private void section(StringBuilder b, String key, String text) {
        if (!text.isEmpty()) {
            b.append('\n').append(messages.get(key)).append(": ").append(text).append('\n');
        }
    }

    private WizardPane previewPage(Wizard wizard) {
        Label help = new Label(messages.get("gov.campaign.preview.help"));
        help.setWrapText(true);
        help.getStyleClass().add("help");
        preview.getStyleClass().add("gov-preview");
        previewBox.getChildren().setAll(preview, help);
        return page("gov.campaign.step.preview", previewBox, wizard, Bindings.createBooleanBinding(() -> false));
    }

    private WizardPane passwordPage(Wizard wizard, Consumer<Hash> onSent) {
        Label l = new Label(messages.get("gov.password.campaign"));
        l.setWrapText(true);
        l.setLabelFor(password);
        VBox box = new VBox(10, l, password, passwordError);
        WizardPane p = page(
                "gov.campaign.step.password",
                box,
                wizard,
                Bindings.createBooleanBinding(() -> password.getText().isEmpty(), password.textProperty()));
        p.addEventFilter(ActionEvent.ACTION, ev -> {
            if (!(ev.getTarget() instanceof Button b)
                    || ButtonBar.getButtonData(b) != ButtonBar.ButtonData.FINISH
                    || sent) {
                return;
            }
            ev.consume();
            send(wizard, b, onSent);
        });
        return p;
    }

    private void send(Wizard wizard, Button finish, Consumer<Hash> onSent) {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l == null) {
            return;
        }
        char[] pw = password.getText().toCharArray();
        finish.setDisable(true);
        passwordError.setText(messages.get("gov.campaign.sending"));
        model.act(new CandidacyDeclaration(l.view().election().number(), profile()), pw)
                .whenCompleteAsync(
                        (id, failure) -> {
                            Arrays.fill(pw, '\0');
                            finish.setDisable(false);
                            if (failure != null) {
                                passwordError.setText(WalletText.explain(messages, failure));
                                return;
                            }
                            sent = true;
                            password.clear();
                            onSent.accept(id);
                            finish.fire();
                        },
                        fx);
    }

    /** The voter's candidacy in the election under way (G4), and whether it can run or withdraw now. */
    static void showStatus(
            GovernanceModel model,
            Messages messages,
            GovernanceText text,
            GovernanceModel.Loaded l,
            Label candidacy,
            Button runButton,
            Button withdrawCandidacy) {
        GovernanceView.Election e = l.view().election();
        global.cas.crypto.Address who = model.voterProperty().get();
        java.util.Optional<GovernanceView.Candidate> mine =
                e.candidates().stream().filter(c -> c.address().equals(who)).findFirst();
        candidacy.setText(mine.map(c -> messages.get(
                        "gov.campaign.status",
                        c.profile().name(),
                        text.standing(c),
                        c.rank(),
                        WalletText.cas(messages, c.votes())))
                .orElse(
                        e.nominating(l.view().time())
                                ? messages.get("gov.campaign.none.open")
                                : messages.get("gov.campaign.none")));
        runButton.setDisable(!e.nominating(l.view().time()) || mine.isPresent());
        withdrawCandidacy.setDisable(mine.isEmpty() || !mine.get().standing().equals("active") || e.closed());
    }
}
