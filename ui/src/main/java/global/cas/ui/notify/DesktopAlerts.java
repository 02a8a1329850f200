package global.cas.ui.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The desktop's own notifications, outside the window: on Linux the freedesktop notification
 * service over D-Bus (through {@code notify-send}, or {@code gdbus} where that is missing), on
 * other desktops the system tray's balloon. The centre uses them only for what arrives while the
 * window is in the background; when there are none the window shows everything itself. Thread-safe:
 * {@link #show} returns at once and never throws.
 */
public interface DesktopAlerts {
    /** Whether notifications shown here reach the person outside the window. */
    boolean available();

    /** Shows one notification with a bold {@code title} and a line of {@code body}. */
    void show(String title, String body);

    /** No notifications outside the window (tests, headless, a desktop without a service). */
    static DesktopAlerts none() {
        return new DesktopAlerts() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public void show(String title, String body) {}
        };
    }

    /**
     * What this desktop offers: the freedesktop service when a session bus exists and {@code
     * notify-send} or {@code gdbus} is on the {@code PATH}, else the system tray when AWT has one,
     * else {@link #none()}.
     *
     * @param env the process environment ({@code System.getenv()})
     * @param background runs the commands, off the FX thread
     * @param appName the program's name as the desktop lists it
     */
    static DesktopAlerts detect(Map<String, String> env, Executor background, String appName) {
        Optional<DesktopAlerts> bus = freedesktop(env, background, appName);
        if (bus.isPresent()) {
            return bus.get();
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            // the Linux tray (XEmbed) is gone from most desktops, and AWT beside GTK is not worth it
            return none();
        }
        return TrayAlerts.create(appName, background).orElse(none());
    }

    /** The freedesktop service, when a session bus and one of its command-line clients exist. */
    static Optional<DesktopAlerts> freedesktop(Map<String, String> env, Executor background, String appName) {
        String bus = env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "");
        if (bus.isBlank()) {
            return Optional.empty();
        }
        return onPath(env, "notify-send")
                .map(p -> (DesktopAlerts)
                        new FreedesktopAlerts(FreedesktopAlerts.Client.NOTIFY_SEND, p, appName, background))
                .or(() -> onPath(env, "gdbus")
                        .map(p -> new FreedesktopAlerts(FreedesktopAlerts.Client.GDBUS, p, appName, background)));
    }

    private static Optional<Path> onPath(Map<String, String> env, String program) {
        return Arrays.stream(env.getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
