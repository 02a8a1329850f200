package global.cas.app.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.ColorScheme;
import javafx.application.Platform;

/**
 * Whether the desktop prefers a dark theme: JavaFX's platform preferences say so (Windows and
 * macOS settings, the colours of the GTK theme), or, for GNOME's dark style that GTK 3 themes do
 * not always show, {@code GTK_THEME} ending in {@code :dark} or GNOME's {@code color-scheme}
 * setting read through {@code gsettings}. FX thread.
 */
final class SystemTheme {
    private SystemTheme() {}

    static boolean prefersDark() {
        if (Platform.getPreferences().getColorScheme() == ColorScheme.DARK) {
            return true;
        }
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                    .redirectErrorStream(true)
                    .start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("dark");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
