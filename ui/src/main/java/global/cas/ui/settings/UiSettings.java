package global.cas.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.ui.i18n.UiLanguage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * The person's UI choices, saved as {@code settings.json} in the data folder. A missing or damaged
 * file gives the defaults (language of the system, theme of the system, 100% text). Immutable.
 */
public record UiSettings(UiLanguage language, Theme theme, int textScalePercent) {
    public static final int MIN_SCALE = 80;
    public static final int MAX_SCALE = 200;

    public UiSettings {
        if (textScalePercent < MIN_SCALE || textScalePercent > MAX_SCALE) {
            textScalePercent = 100;
        }
    }

    public static UiSettings defaults(Locale system) {
        return new UiSettings(UiLanguage.forLocale(system), Theme.SYSTEM, 100);
    }

    public static UiSettings load(Path file, Locale system) {
        UiSettings d = defaults(system);
        if (!Files.isRegularFile(file)) {
            return d;
        }
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            UiLanguage lang = UiLanguage.byCode(n.path("language").asText("")).orElse(d.language());
            Theme theme = parseTheme(n.path("theme").asText("")).orElse(Theme.SYSTEM);
            return new UiSettings(lang, theme, n.path("textScalePercent").asInt(100));
        } catch (IOException | RuntimeException e) {
            return d;
        }
    }

    private static Optional<Theme> parseTheme(String s) {
        for (Theme t : Theme.values()) {
            if (t.name().equalsIgnoreCase(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Writes the file atomically (a temporary file moved over the old one). */
    public void save(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode n = m.createObjectNode();
        n.put("language", language.code());
        n.put("theme", theme.name().toLowerCase(Locale.ROOT));
        n.put("textScalePercent", textScalePercent);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, m.writerWithDefaultPrettyPrinter().writeValueAsString(n), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public UiSettings withLanguage(UiLanguage l) {
        return new UiSettings(l, theme, textScalePercent);
    }

    public UiSettings withTheme(Theme t) {
        return new UiSettings(language, t, textScalePercent);
    }

    public UiSettings withTextScale(int percent) {
        return new UiSettings(language, theme, percent);
    }
}
