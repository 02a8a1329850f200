package global.cas.ui.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through the freedesktop notification service (the D-Bus interface {@code
 * org.freedesktop.Notifications} that GNOME, KDE, XFCE and others serve), reached with its
 * command-line clients so the program needs no D-Bus library. Each notification runs one short
 * process on the background executor, waited for at most five seconds. The first failure is
 * logged and turns the service off for the rest of the run (the window keeps showing its own).
 * Thread-safe.
 */
final class FreedesktopAlerts implements DesktopAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(FreedesktopAlerts.class);
    private static final int EXPIRE_MS = 8000;

    /** The client used to reach the service. */
    enum Client {
        NOTIFY_SEND,
        GDBUS
    }

    private final Client client;
    private final Path program;
    private final String appName;
    private final Executor background;
    private final AtomicBoolean working = new AtomicBoolean(true);

    FreedesktopAlerts(Client client, Path program, String appName, Executor background) {
        this.client = client;
        this.program = program;
        this.appName = appName;
        this.background = background;
    }

    @Override
    public boolean available() {
        return working.get();
    }

    @Override
    public void show(String title, String body) {
        if (!working.get()) {
            return;
        }
        List<String> command = command(title, body);
        background.execute(() -> run(command));
    }

    /** The command line that shows one notification. */
    List<String> command(String title, String body) {
        return switch (client) {
            case NOTIFY_SEND ->
                List.of(program.toString(), "--app-name=" + appName, "--expire-time=" + EXPIRE_MS, "--", title, body);
            case GDBUS ->
                List.of(
                        program.toString(),
                        "call",
                        "--session",
                        "--dest=org.freedesktop.Notifications",
                        "--object-path=/org/freedesktop/Notifications",
                        "--method=org.freedesktop.Notifications.Notify",
                        variantString(appName),
                        "0",
                        variantString(""),
                        variantString(title),
                        variantString(body),
                        "[]",
                        "{}",
                        Integer.toString(EXPIRE_MS));
        };
    }

    /** A GVariant text string literal: the text in single quotes, quotes and backslashes escaped. */
    static String variantString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                off("did not answer within 5 s");
            } else if (p.exitValue() != 0) {
                off("exited with " + p.exitValue());
            }
        } catch (IOException e) {
            off(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void off(String why) {
        if (working.getAndSet(false)) {
            LOG.info("desktop notifications through {} are off for this run: {}", program, why);
        }
    }
}
