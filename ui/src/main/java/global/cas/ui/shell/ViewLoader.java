package global.cas.ui.shell;

import global.cas.ui.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads an FXML view with the strings of the current language and controllers made by the
 * program's factory (Guice in {@code app}, plain constructors in tests). Use on the FX thread.
 */
public final class ViewLoader {
    private final Messages messages;
    private final Callback<Class<?>, Object> controllers;

    public ViewLoader(Messages messages, Callback<Class<?>, Object> controllers) {
        this.messages = messages;
        this.controllers = controllers;
    }

    /** A loaded view and its controller. */
    public record View<C>(Parent root, C controller) {}

    public <C> View<C> load(String resource) {
        URL url = ViewLoader.class.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no view " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url, messages.bundle());
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + resource, e);
        }
    }

    public Messages messages() {
        return messages;
    }
}
