package global.cas.ui.notify;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications as the system tray's balloon ({@link TrayIcon#displayMessage}), for desktops
 * without the freedesktop service (Windows, macOS). Adds one tray icon for the run. Thread-safe:
 * AWT work runs on the background executor.
 */
final class TrayAlerts implements DesktopAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(TrayAlerts.class);

    private final TrayIcon icon;
    private final Executor background;

    private TrayAlerts(TrayIcon icon, Executor background) {
        this.icon = icon;
        this.background = background;
    }

    /** The tray, when this desktop has one. */
    static Optional<DesktopAlerts> create(String appName, Executor background) {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return Optional.empty();
            }
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
            var g = image.createGraphics();
            g.setColor(new Color(0x2e, 0x7d, 0x32));
            g.fillOval(1, 1, 14, 14);
            g.dispose();
            TrayIcon icon = new TrayIcon(image, appName);
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
            return Optional.of(new TrayAlerts(icon, background));
        } catch (AWTException | RuntimeException | LinkageError e) {
            LOG.info("no system tray for notifications: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void show(String title, String body) {
        background.execute(() -> icon.displayMessage(title, body, TrayIcon.MessageType.INFO));
    }
}
