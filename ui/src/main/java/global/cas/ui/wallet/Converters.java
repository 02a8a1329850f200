package global.cas.ui.wallet;

import java.util.function.Function;
import javafx.util.StringConverter;

/** One-way string converters for choice boxes that only show values. */
final class Converters {
    private Converters() {}

    static <T> StringConverter<T> showing(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("shown only");
            }
        };
    }
}
