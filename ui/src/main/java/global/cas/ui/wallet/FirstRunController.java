package global.cas.ui.wallet;

import global.cas.rejection.RejectedException;
import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.shell.FxExecutor;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first run: language, then a new wallet (24 words shown, three asked back) or one restored
 * from its words (each checked as typed), then the wallet password and the optional mnemonic
 * passphrase. The rules live in {@link FirstRunModel}, the word fields in {@link RecoveryWordsInput}. A language change re-reads the view in the
 * new language at once, keeping where the person is. FX thread.
 */
public final class FirstRunController {
    private static final String WRONG = RecoveryWordsInput.WRONG;

    private enum Step {
        LANGUAGE,
        CHOICE,
        WORDS,
        CHECK,
        RESTORE,
        PASSWORD
    }

    private final Messages messages;
    private final FirstRunModel model;
    private final FxExecutor fx = new FxExecutor();
    private final ChangeListener<UiLanguage> onLanguage = (o, a, b) -> reload();

    @FXML
    private StackPane root;

    @FXML
    private VBox stepLanguage;

    @FXML
    private VBox stepChoice;

    @FXML
    private VBox stepWords;

    @FXML
    private VBox stepCheck;

    @FXML
    private VBox stepRestore;

    @FXML
    private VBox stepPassword;

    @FXML
    private ToggleButton langEnglish;

    @FXML
    private ToggleButton langChinese;

    @FXML
    private ComboBox<Language> wordLanguage;

    @FXML
    private GridPane wordGrid;

    @FXML
    private CheckBox wroteDown;

    @FXML
    private Button wordsNext;

    @FXML
    private Label checkLabel1;

    @FXML
    private Label checkLabel2;

    @FXML
    private Label checkLabel3;

    @FXML
    private TextField checkWord1;

    @FXML
    private TextField checkWord2;

    @FXML
    private TextField checkWord3;

    @FXML
    private Label checkError;

    @FXML
    private ComboBox<Integer> wordCount;

    @FXML
    private GridPane restoreGrid;

    @FXML
    private FlowPane suggestions;

    @FXML
    private Label restoreError;

    @FXML
    private PasswordField password;

    @FXML
    private PasswordField passwordAgain;

    @FXML
    private PasswordField passphrase;

    @FXML
    private PasswordField passphraseAgain;

    @FXML
    private Label passphraseHelp;

    @FXML
    private Label passwordError;

    @FXML
    private Label passwordStrength;

    private StrengthHint strength;

    @FXML
    private Button finish;

    @FXML
    private Button passwordBack;

    @FXML
    private ProgressIndicator busy;

    @FXML
    private Label finishStatus;

    private StackPane host;
    private Step step = Step.LANGUAGE;
    private boolean restoring;
    private Language createLanguage = Language.ENGLISH;
    private Mnemonic created;
    private Mnemonic chosen;
    private List<Integer> positions = List.of();
    private final RecoveryWordsInput recoveryWords;

    public FirstRunController(Messages messages, FirstRunModel model) {
        this.messages = messages;
        this.model = model;
        this.recoveryWords = new RecoveryWordsInput(model, messages);
    }

    @FXML
    void initialize() {
        strength = new StrengthHint(messages, password, passwordStrength);
        if (host == null) {
            host = root;
            messages.languageProperty().addListener(onLanguage);
        }
        ToggleGroup languages = new ToggleGroup();
        langEnglish.setToggleGroup(languages);
        langChinese.setToggleGroup(languages);
        langEnglish.setText(UiLanguage.ENGLISH.nativeName());
        langChinese.setText(UiLanguage.CHINESE_SIMPLIFIED.nativeName());
        langEnglish.setSelected(messages.language() == UiLanguage.ENGLISH);
        langChinese.setSelected(messages.language() == UiLanguage.CHINESE_SIMPLIFIED);

        wordLanguage.getItems().setAll(Language.values());
        wordLanguage.setConverter(Converters.showing(l -> messages.get("wallet.wordlist." + l.id())));
        wordLanguage.setValue(createLanguage);
        wordLanguage.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != createLanguage) {
                createLanguage = b;
                created = model.generate(b);
                wroteDown.setSelected(false);
                showWords();
            }
        });
        wordsNext.disableProperty().bind(wroteDown.selectedProperty().not());

        wordCount.getItems().setAll(Mnemonic.WORD_COUNTS);
        recoveryWords.attach(restoreGrid, suggestions, restoreError);
        wordCount.setValue(recoveryWords.count());
        wordCount.valueProperty().addListener((o, a, b) -> recoveryWords.setCount(b));

        for (TextField f : List.of(checkWord1, checkWord2, checkWord3)) {
            f.textProperty().addListener((o, a, b) -> {
                f.getStyleClass().remove(WRONG);
                checkError.setText("");
            });
        }
        if (created != null) {
            showWords();
            showCheckLabels();
        }
        passphraseHelp.setText(messages.get(
                restoring ? "wallet.firstrun.passphrase.help.restore" : "wallet.firstrun.passphrase.help"));
        finish.setText(messages.get(restoring ? "wallet.firstrun.finish.restore" : "wallet.firstrun.finish"));
        busy.setVisible(false);
        show(step);
    }

    /** Reads the view again in the current language, keeping the step and what it shows. */
    private void reload() {
        FXMLLoader loader = new FXMLLoader(FirstRunController.class.getResource("firstrun.fxml"), messages.bundle());
        loader.setControllerFactory(type -> this);
        Parent fresh;
        try {
            fresh = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reload the first-run view", e);
        }
        List<Node> children = List.copyOf(fresh.getChildrenUnmodifiable());
        ((StackPane) fresh).getChildren().clear();
        host.getChildren().setAll(children);
        root = host;
    }

    private void show(Step s) {
        step = s;
        Map<Step, VBox> panes = Map.of(
                Step.LANGUAGE,
                stepLanguage,
                Step.CHOICE,
                stepChoice,
                Step.WORDS,
                stepWords,
                Step.CHECK,
                stepCheck,
                Step.RESTORE,
                stepRestore,
                Step.PASSWORD,
                stepPassword);
        panes.forEach((k, pane) -> {
            pane.setVisible(k == s);
            pane.setManaged(k == s);
        });
    }

    // ---------------------------------------------------------------- language

    @FXML
    void chooseEnglish() {
        messages.languageProperty().set(UiLanguage.ENGLISH);
        langEnglish.setSelected(true);
    }

    @FXML
    void chooseChinese() {
        messages.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED);
        langChinese.setSelected(true);
    }

    @FXML
    void languageNext() {
        show(Step.CHOICE);
    }

    // ---------------------------------------------------------------- create

    @FXML
    void startCreate() {
        restoring = false;
        if (created == null) {
            created = model.generate(createLanguage);
        }
        showWords();
        show(Step.WORDS);
    }

    private void showWords() {
        wordGrid.getChildren().clear();
        List<String> words = created.words();
        int rows = (words.size() + 3) / 4;
        for (int i = 0; i < words.size(); i++) {
            Label l = new Label((i + 1) + ". " + words.get(i));
            l.setId("shownWord" + (i + 1));
            l.getStyleClass().add("mnemonic-word");
            wordGrid.add(l, i / rows, i % rows);
        }
    }

    @FXML
    void wordsNext() {
        positions = model.pickCheckPositions(created.wordCount());
        showCheckLabels();
        for (TextField f : List.of(checkWord1, checkWord2, checkWord3)) {
            f.clear();
            f.getStyleClass().remove(WRONG);
        }
        checkError.setText("");
        show(Step.CHECK);
        checkWord1.requestFocus();
    }

    private void showCheckLabels() {
        List<Label> labels = List.of(checkLabel1, checkLabel2, checkLabel3);
        for (int i = 0; i < labels.size() && i < positions.size(); i++) {
            labels.get(i).setText(messages.get("wallet.firstrun.check.word", Integer.toString(positions.get(i) + 1)));
        }
    }

    /** The word positions (0-based) asked back, for tests and screenshots. */
    List<Integer> checkPositions() {
        return positions;
    }

    @FXML
    void checkNext() {
        List<TextField> fields = List.of(checkWord1, checkWord2, checkWord3);
        boolean allRight = true;
        for (int i = 0; i < positions.size(); i++) {
            TextField f = fields.get(i);
            if (!FirstRunModel.matches(created, positions.get(i), f.getText())) {
                allRight = false;
                if (!f.getStyleClass().contains(WRONG)) {
                    f.getStyleClass().add(WRONG);
                }
            }
        }
        if (!allRight) {
            checkError.setText(messages.get("wallet.firstrun.check.wrong"));
            return;
        }
        chosen = created;
        showPasswordStep();
    }

    // ---------------------------------------------------------------- restore

    @FXML
    void startRestore() {
        restoring = true;
        show(Step.RESTORE);
        recoveryWords.focusFirst();
    }

    @FXML
    void restoreNext() {
        try {
            chosen = recoveryWords.phrase();
        } catch (RejectedException e) {
            return;
        }
        restoring = true;
        showPasswordStep();
    }

    // ---------------------------------------------------------------- password

    private void showPasswordStep() {
        passphraseHelp.setText(messages.get(
                restoring ? "wallet.firstrun.passphrase.help.restore" : "wallet.firstrun.passphrase.help"));
        finish.setText(messages.get(restoring ? "wallet.firstrun.finish.restore" : "wallet.firstrun.finish"));
        passwordError.setText("");
        show(Step.PASSWORD);
        password.requestFocus();
    }

    @FXML
    void finish() {
        var problem = FirstRunModel.passwordProblem(
                password.getText(), passwordAgain.getText(), passphrase.getText(), passphraseAgain.getText());
        if (problem.isEmpty() && !strength.acceptable()) {
            problem = java.util.Optional.of("reason.WEAK_PASSWORD");
        }
        if (problem.isPresent()) {
            passwordError.setText(messages.get(problem.get()));
            return;
        }
        passwordError.setText("");
        setBusy(true);
        char[] pw = password.getText().toCharArray();
        model.finish(chosen, passphrase.getText(), pw, restoring)
                .whenCompleteAsync(
                        (wallet, error) -> {
                            if (error != null) {
                                setBusy(false);
                                passwordError.setText(WalletText.explain(messages, error));
                                return;
                            }
                            created = null;
                            chosen = null;
                            password.clear();
                            passwordAgain.clear();
                            passphrase.clear();
                            passphraseAgain.clear();
                            busy.setVisible(false);
                            finishStatus.setText(messages.get("wallet.firstrun.done"));
                            messages.languageProperty().removeListener(onLanguage);
                        },
                        fx);
    }

    private void setBusy(boolean on) {
        busy.setVisible(on);
        finish.setDisable(on);
        passwordBack.setDisable(on);
        finishStatus.setText(on ? messages.get("wallet.firstrun.writing") : "");
    }

    // ---------------------------------------------------------------- navigation

    @FXML
    void back() {
        switch (step) {
            case CHOICE -> show(Step.LANGUAGE);
            case WORDS, RESTORE -> show(Step.CHOICE);
            case CHECK -> show(Step.WORDS);
            case PASSWORD -> show(restoring ? Step.RESTORE : Step.WORDS);
            case LANGUAGE -> {}
        }
    }
}
