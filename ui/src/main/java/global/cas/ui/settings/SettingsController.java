package global.cas.ui.settings;

import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;

/** The settings screen: language, theme, text size; every change applies at once. */
public final class SettingsController {
    private final SettingsModel model;
    private final Messages messages;

    @FXML
    private ComboBox<UiLanguage> language;

    @FXML
    private ComboBox<Theme> theme;

    @FXML
    private Slider textScale;

    @FXML
    private Label textScaleValue;

    public SettingsController(SettingsModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    @FXML
    void initialize() {
        UiSettings s = model.settings();
        language.getItems().setAll(UiLanguage.values());
        language.setCellFactory(v -> new LanguageCell());
        language.setButtonCell(new LanguageCell());
        language.setValue(s.language());
        language.valueProperty()
                .addListener((o, a, b) ->
                        model.settingsProperty().set(model.settings().withLanguage(b)));
        theme.getItems().setAll(Theme.values());
        theme.setCellFactory(v -> new ThemeCell());
        theme.setButtonCell(new ThemeCell());
        theme.setValue(s.theme());
        theme.valueProperty()
                .addListener((o, a, b) ->
                        model.settingsProperty().set(model.settings().withTheme(b)));
        textScale.setMin(UiSettings.MIN_SCALE);
        textScale.setMax(UiSettings.MAX_SCALE);
        textScale.setMajorTickUnit(20);
        textScale.setSnapToTicks(true);
        textScale.setValue(s.textScalePercent());
        textScaleValue.setText(s.textScalePercent() + "%");
        textScale.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                commitScale();
            }
        });
        textScale.valueProperty().addListener((o, a, b) -> {
            textScaleValue.setText(Math.round(b.doubleValue()) + "%");
            if (!textScale.isValueChanging()) {
                commitScale();
            }
        });
    }

    private void commitScale() {
        int percent = (int) Math.round(textScale.getValue());
        if (percent != model.settings().textScalePercent()) {
            model.settingsProperty().set(model.settings().withTextScale(percent));
        }
    }

    private static final class LanguageCell extends ListCell<UiLanguage> {
        @Override
        protected void updateItem(UiLanguage item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.nativeName());
        }
    }

    private final class ThemeCell extends ListCell<Theme> {
        @Override
        protected void updateItem(Theme item, boolean empty) {
            super.updateItem(item, empty);
            setText(
                    empty || item == null
                            ? null
                            : messages.get("settings.theme." + item.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
