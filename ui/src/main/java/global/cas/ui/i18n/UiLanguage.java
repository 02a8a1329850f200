package global.cas.ui.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages of the UI. */
public enum UiLanguage {
    ENGLISH("en", Locale.ENGLISH, "English"),
    CHINESE_SIMPLIFIED("zh", Locale.SIMPLIFIED_CHINESE, "简体中文");

    private final String code;
    private final Locale locale;
    private final String nativeName;

    UiLanguage(String code, Locale locale, String nativeName) {
        this.code = code;
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, shown in the language choice whatever the current language. */
    public String nativeName() {
        return nativeName;
    }

    public static Optional<UiLanguage> byCode(String code) {
        for (UiLanguage l : values()) {
            if (l.code.equalsIgnoreCase(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The language of a system locale: Chinese for any Chinese locale, English otherwise. */
    public static UiLanguage forLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE_SIMPLIFIED : ENGLISH;
    }
}
