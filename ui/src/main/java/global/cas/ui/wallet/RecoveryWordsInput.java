package global.cas.ui.wallet;

import global.cas.rejection.RejectedException;
import global.cas.ui.i18n.Messages;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;

/**
 * The first run's fields for typing recovery words: one field per word, each checked against the
 * word list as it is typed (a wrong word is marked and named under the fields), suggestions for
 * the word being typed, a pasted phrase spread over the fields. Keeps the typed words when the
 * view is read again in another language. FX thread.
 */
final class RecoveryWordsInput {
    static final String WRONG = "word-wrong";
    static final String OK = "word-ok";

    private final FirstRunModel model;
    private final Messages messages;
    private final List<TextField> fields = new ArrayList<>();
    private List<String> kept = List.of();
    private int count = Mnemonic.DEFAULT_WORD_COUNT;
    private GridPane grid;
    private FlowPane suggestions;
    private Label error;
    private TextField current;
    private String refusal;

    RecoveryWordsInput(FirstRunModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    /** Puts the fields into a (newly loaded) view, with the words typed so far. */
    void attach(GridPane grid, FlowPane suggestions, Label error) {
        this.kept = words();
        this.grid = grid;
        this.suggestions = suggestions;
        this.error = error;
        build();
    }

    int count() {
        return count;
    }

    /** Shows {@code n} fields, keeping the words typed so far. */
    void setCount(int n) {
        kept = words();
        count = n;
        build();
    }

    /** The typed words, one per field (blank where nothing was typed). */
    List<String> words() {
        return fields.isEmpty() ? kept : fields.stream().map(TextField::getText).toList();
    }

    void focusFirst() {
        if (!fields.isEmpty()) {
            fields.get(0).requestFocus();
        }
    }

    private void build() {
        grid.getChildren().clear();
        fields.clear();
        current = null;
        int rows = (count + 3) / 4;
        for (int i = 0; i < count; i++) {
            TextField f = new TextField();
            f.setId("restoreWord" + (i + 1));
            f.setPromptText(Integer.toString(i + 1));
            f.setPrefColumnCount(10);
            if (i < kept.size()) {
                f.setText(kept.get(i));
            }
            int index = i;
            f.textProperty().addListener((o, a, b) -> typed(index, b));
            f.focusedProperty().addListener((o, a, focused) -> {
                if (focused) {
                    current = f;
                }
                mark();
            });
            Label number = new Label((i + 1) + ".");
            number.setMinWidth(28);
            grid.add(number, (i / rows) * 2, i % rows);
            grid.add(f, (i / rows) * 2 + 1, i % rows);
            fields.add(f);
        }
        mark();
    }

    private void typed(int index, String text) {
        refusal = null;
        String[] parts = text.strip().split("\\s+");
        if (parts.length > 1) {
            // a pasted phrase: one word per field from here on, once this change is over
            Platform.runLater(() -> {
                for (int i = 0; i < parts.length && index + i < fields.size(); i++) {
                    fields.get(index + i).setText(parts[i]);
                }
            });
        }
        mark();
    }

    /** Marks each word right or wrong, names the first wrong one, suggests words for the current one. */
    private void mark() {
        Language language = model.languageOf(words());
        Integer firstWrong = null;
        for (int i = 0; i < fields.size(); i++) {
            TextField f = fields.get(i);
            FirstRunModel.WordState state = model.check(f.getText(), language);
            // a word still being typed is only wrong once no word starts with it, or the person moved on
            boolean wrong = state == FirstRunModel.WordState.WRONG
                    || (state == FirstRunModel.WordState.PARTIAL && !f.isFocused());
            f.getStyleClass().removeAll(WRONG, OK);
            if (wrong) {
                f.getStyleClass().add(WRONG);
                if (firstWrong == null) {
                    firstWrong = i + 1;
                }
            } else if (state == FirstRunModel.WordState.VALID) {
                f.getStyleClass().add(OK);
            }
        }
        String notAWord = firstWrong == null
                ? ""
                : messages.get(
                        "wallet.firstrun.restore.notAWord",
                        Integer.toString(firstWrong),
                        messages.get("wallet.wordlist." + language.id()));
        error.setText(refusal != null ? refusal : notAWord);
        suggestions.getChildren().clear();
        if (current != null) {
            TextField target = current;
            for (String w : model.suggestions(target.getText(), language)) {
                Hyperlink link = new Hyperlink(w);
                link.getStyleClass().add("suggestion");
                link.setOnAction(e -> complete(target, w));
                suggestions.getChildren().add(link);
            }
        }
    }

    private void complete(TextField field, String word) {
        field.setText(word);
        int next = fields.indexOf(field) + 1;
        if (next < fields.size()) {
            fields.get(next).requestFocus();
        }
        mark();
    }

    /**
     * The phrase typed, checked in full (words, count, checksum); when it is refused, the reason is
     * shown under the fields with what to do about it.
     *
     * @throws RejectedException {@code BAD_MNEMONIC}
     */
    Mnemonic phrase() {
        try {
            return model.restore(words());
        } catch (RejectedException e) {
            refusal = null;
            mark();
            long typed = words().stream().filter(w -> !w.isBlank()).count();
            boolean anyWrong = fields.stream().anyMatch(f -> f.getStyleClass().contains(WRONG));
            String detail = anyWrong
                    ? error.getText()
                    : Mnemonic.WORD_COUNTS.contains((int) typed)
                            ? messages.get("wallet.firstrun.restore.checksum")
                            : messages.get("wallet.firstrun.restore.countWrong", Long.toString(typed));
            refusal = messages.reason(e.reason()) + " " + detail;
            error.setText(refusal);
            throw e;
        }
    }
}
