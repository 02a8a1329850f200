/**
 * The one notification centre of the desktop: every screen posts a {@link global.cas.ui.notify.Notice}
 * and the centre merges bursts of the same topic into one entry ("6 blocks mined, 150 CAS"),
 * keeps a few of them on screen for a while, keeps a history of the last hundred, counts the ones
 * the person has not seen, and hands closed bursts that arrived while the window was in the
 * background to the desktop's own notifications ({@link global.cas.ui.notify.DesktopAlerts}).
 * {@link global.cas.ui.notify.NotificationCentre} is the pure core (no JavaFX, time from an
 * injected {@link java.time.Clock}); {@link global.cas.ui.notify.NotificationView} draws it (a
 * toast stack, a bell with the unread count and the history list). Depends on JavaFX, the UI's
 * {@code i18n} and the JDK only: features adapt their own events to {@code Notice}, this package
 * knows none of them.
 */
package global.cas.ui.notify;
