package global.cas.ui.wallet;

import global.cas.ui.i18n.Messages;
import global.cas.wallet.keys.PasswordStrength;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;

/**
 * Says, as a new password is typed, how hard it is to guess (nbvcxz, through {@link
 * PasswordStrength}), in the line under the field; {@link #acceptable} tells whether the form may
 * take it. FX thread.
 */
final class StrengthHint {
    private final PasswordStrength strength = new PasswordStrength();
    private final Messages messages;
    private final TextInputControl field;
    private final Label hint;

    StrengthHint(Messages messages, TextInputControl field, Label hint) {
        this.messages = messages;
        this.field = field;
        this.hint = hint;
        field.textProperty().addListener((o, a, b) -> show());
        show();
    }

    private void show() {
        hint.getStyleClass().removeAll("strength-weak", "strength-fair", "strength-strong");
        if (field.getText().isEmpty()) {
            hint.setText("");
            return;
        }
        PasswordStrength.Level level = strength.rate(field.getText());
        hint.setText(messages.get("wallet.password.strength." + level.name()));
        hint.getStyleClass()
                .add(
                        switch (level) {
                            case VERY_WEAK, WEAK -> "strength-weak";
                            case FAIR -> "strength-fair";
                            case STRONG, VERY_STRONG -> "strength-strong";
                        });
    }

    /** Whether the typed password is strong enough for a wallet. */
    boolean acceptable() {
        return strength.rate(field.getText()).acceptable();
    }
}
