package global.cas.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import global.cas.ui.i18n.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies and keeps the UI settings: language through {@link Messages}, theme as the AtlantaFX
 * user-agent stylesheet, text size as the root font size. Saving happens off the FX thread.
 * FX thread only.
 */
public final class SettingsModel {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsModel.class);
    private static final double BASE_FONT_PX = 13;

    private final Messages messages;
    private final Path file;
    private final Executor io;
    private final BooleanSupplier systemPrefersDark;
    private final ObjectProperty<UiSettings> settings;
    private Parent root;

    /**
     * @param systemPrefersDark asked when the theme follows the system, and again whenever JavaFX
     *     reports that the platform's colour scheme changed
     */
    public SettingsModel(
            Messages messages, UiSettings initial, Path file, Executor io, BooleanSupplier systemPrefersDark) {
        this.messages = messages;
        this.file = file;
        this.io = io;
        this.systemPrefersDark = systemPrefersDark;
        this.settings = new SimpleObjectProperty<>(initial);
        messages.languageProperty().set(initial.language());
        settings.addListener((o, a, b) -> apply(b));
    }

    /** Applies the settings to the window's root (theme, text size). */
    public void attach(Parent windowRoot) {
        this.root = windowRoot;
        apply(settings.get());
        Platform.getPreferences().colorSchemeProperty().addListener((o, was, now) -> {
            if (settings.get().theme() == Theme.SYSTEM) {
                applyTheme(settings.get());
            }
        });
    }

    private void applyTheme(UiSettings s) {
        boolean dark = s.theme() == Theme.DARK || (s.theme() == Theme.SYSTEM && systemPrefersDark.getAsBoolean());
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private void apply(UiSettings s) {
        messages.languageProperty().set(s.language());
        applyTheme(s);
        if (root != null) {
            root.setStyle(String.format(
                    java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * s.textScalePercent() / 100.0));
        }
        io.execute(() -> {
            try {
                s.save(file);
            } catch (IOException e) {
                LOG.warn("cannot save the settings to {}", file, e);
            }
        });
    }

    public ObjectProperty<UiSettings> settingsProperty() {
        return settings;
    }

    public UiSettings settings() {
        return settings.get();
    }

    public boolean darkNow() {
        UiSettings s = settings.get();
        return s.theme() == Theme.DARK || (s.theme() == Theme.SYSTEM && systemPrefersDark.getAsBoolean());
    }
}
