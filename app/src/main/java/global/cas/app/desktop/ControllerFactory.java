package global.cas.app.desktop;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.util.Callback;

/**
 * Makes the controllers FXML views name, each with its constructor's collaborators; a view naming
 * an unknown controller is a programming error, reported with its class.
 */
final class ControllerFactory implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Supplier<?>> makers = new HashMap<>();

    <T> ControllerFactory register(Class<T> type, Supplier<? extends T> maker) {
        makers.put(type, maker);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> maker = makers.get(type);
        if (maker == null) {
            throw new IllegalStateException("no controller factory for " + type.getName());
        }
        return maker.get();
    }
}
