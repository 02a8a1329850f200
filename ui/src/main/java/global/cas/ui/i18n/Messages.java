package global.cas.ui.i18n;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The UI's strings in the current language. Each feature has its own bundle ({@code
 * global/cas/ui/messages}, {@code global/cas/ui/wallet/messages}…); a key is looked up in each in
 * order. Changing {@link #languageProperty()} switches every binding made by {@link #bind} at once
 * and tells views to reload, so no restart is needed. Use on the FX thread.
 */
public final class Messages {
    /** The bundles of every feature, in lookup order. */
    public static final List<String> BUNDLES = List.of(
            "global.cas.ui.messages",
            "global.cas.ui.wallet.messages",
            "global.cas.ui.node.messages",
            "global.cas.ui.settings.messages",
            "global.cas.ui.notify.messages",
            "global.cas.ui.governance.messages");

    private final ObjectProperty<UiLanguage> language;
    private final List<String> baseNames;
    private ResourceBundle bundle;

    public Messages(UiLanguage initial) {
        this(initial, BUNDLES);
    }

    public Messages(UiLanguage initial, List<String> baseNames) {
        this.baseNames = List.copyOf(baseNames);
        this.language = new SimpleObjectProperty<>(initial);
        this.bundle = load(initial);
        // an invalidation listener, registered first: bindings over the language (the window title,
        // the status bar) are recomputed as soon as they are invalidated, which is before any change
        // listener runs, so the bundle must already be the new language's by then
        language.addListener((javafx.beans.Observable o) -> bundle = load(language.get()));
    }

    private ResourceBundle load(UiLanguage lang) {
        List<ResourceBundle> parts = new ArrayList<>();
        for (String name : baseNames) {
            try {
                parts.add(ResourceBundle.getBundle(name, lang.locale(), Messages.class.getClassLoader(), NO_FALLBACK));
            } catch (MissingResourceException e) {
                // a feature without strings yet
            }
        }
        return new Combined(parts);
    }

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public ObjectProperty<UiLanguage> languageProperty() {
        return language;
    }

    public UiLanguage language() {
        return language.get();
    }

    /** All strings of the current language, for FXML's {@code %key} references. */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text of {@code key}, formatted with {@code args}; the key itself in brackets when missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, language.get().locale()).format(args);
    }

    /** A count or a height as the language writes it: grouped by thousands (1,018). */
    public String number(long value) {
        return java.text.NumberFormat.getIntegerInstance(language.get().locale())
                .format(value);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A binding that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), language);
    }

    /** The translated sentence of a reason code ({@code reason.CODE}), the English one if untranslated. */
    public String reason(Reason reason) {
        String key = "reason." + reason.name();
        return has(key) ? get(key) : reason.sentence();
    }

    /** The translated sentence for a reason code given as text (from the RPC or the program). */
    public String reason(String code) {
        try {
            return reason(Reason.valueOf(code));
        } catch (IllegalArgumentException e) {
            return has("reason." + code) ? get("reason." + code) : code;
        }
    }

    /** What to show a person for a failure: the translated reason, or a generic sentence. */
    public String explain(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof RejectedException r) {
                return reason(r.reason());
            }
            t = t.getCause();
        }
        // never an exception's class name: the log has the details
        return get("error.unexpected");
    }

    /** Looks a key up in several bundles in order. */
    private static final class Combined extends ResourceBundle {
        private final List<ResourceBundle> parts;

        Combined(List<ResourceBundle> parts) {
            this.parts = parts;
        }

        @Override
        protected Object handleGetObject(String key) {
            for (ResourceBundle b : parts) {
                if (b.containsKey(key)) {
                    return b.getObject(key);
                }
            }
            return null;
        }

        @Override
        public Enumeration<String> getKeys() {
            Set<String> keys = new LinkedHashSet<>();
            for (ResourceBundle b : parts) {
                keys.addAll(Collections.list(b.getKeys()));
            }
            return Collections.enumeration(keys);
        }
    }
}
