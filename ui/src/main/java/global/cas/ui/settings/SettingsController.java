package global.cas.ui.settings;

import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;

/**
 * The settings screen: language, theme, text size, every change applied at once; and the peers the
 * node keeps connected, added as typed (refused with the reason) and removed.
 */
public final class SettingsController {
    private final SettingsModel model;
    private final Messages messages;
    private final PeerListModel peerList;

    @FXML
    private ListView<String> peers;

    @FXML
    private TextField peerAddress;

    @FXML
    private Button addPeer;

    @FXML
    private Button removePeer;

    @FXML
    private Label peerOutcome;

    @FXML
    private ComboBox<UiLanguage> language;

    @FXML
    private ComboBox<Theme> theme;

    @FXML
    private Slider textScale;

    @FXML
    private Label textScaleValue;

    public SettingsController(SettingsModel model, PeerListModel peerList, Messages messages) {
        this.model = model;
        this.peerList = peerList;
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
        peers.setItems(peerList.peers());
        removePeer
                .disableProperty()
                .bind(peers.getSelectionModel().selectedItemProperty().isNull());
        addPeer.disableProperty().bind(peerAddress.textProperty().isEmpty().or(peerList.busyProperty()));
        peerOutcome.textProperty().bind(peerList.outcomeProperty());
        peerOutcome.managedProperty().bind(peerOutcome.textProperty().isNotEmpty());
        peerList.refusedProperty().addListener((o, was, now) -> outcomeStyle(now));
        outcomeStyle(peerList.refusedProperty().get());
        peerList.refresh();
    }

    private void outcomeStyle(boolean refused) {
        peerOutcome.getStyleClass().removeAll("danger", "text-muted");
        peerOutcome.getStyleClass().add(refused ? "danger" : "text-muted");
    }

    @FXML
    void addPeer() {
        if (peerAddress.getText().isBlank()) {
            return;
        }
        peerList.add(peerAddress.getText()).thenRun(() -> {
            if (!peerList.refusedProperty().get()) {
                peerAddress.clear();
            }
        });
    }

    @FXML
    void removePeer() {
        String selected = peers.getSelectionModel().getSelectedItem();
        if (selected != null) {
            peerList.remove(selected);
        }
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
