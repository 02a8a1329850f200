package global.cas.ui.wallet;

import global.cas.ui.i18n.Messages;
import global.cas.wallet.WalletEntry;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a ControlsFX notification in the corner of the main window for a payment received or a
 * block reward mined, in the current language, and counts those that arrive while the window is
 * not in front (minimised or behind another), so the window's title can show them until it is
 * looked at again ({@link #unreadProperty()}, {@link #markRead()}). FX thread.
 */
public final class DesktopNotifier implements PaymentNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);

    private final Messages messages;
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);

    public DesktopNotifier(Messages messages) {
        this.messages = messages;
    }

    /** Payments and rewards announced since the window was last in front. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    /** The person looked at the window: nothing is unread any more. */
    public void markRead() {
        unread.set(0);
    }

    /** Counts an announcement the person may not have seen. */
    void arrived(boolean windowInFront) {
        if (!windowInFront) {
            unread.set(unread.get() + 1);
        }
    }

    /** The title and text of the notification for {@code entry}. */
    String[] texts(WalletEntry entry) {
        String amount = WalletText.cas(messages, entry.net());
        return entry.kind() == WalletEntry.Kind.MINED
                ? new String[] {
                    messages.get("wallet.notify.mined.title"),
                    messages.get("wallet.notify.mined.text", amount, Long.toString(entry.height()))
                }
                : new String[] {
                    messages.get("wallet.notify.received.title"),
                    messages.get("wallet.notify.received.text", amount, Long.toString(entry.height()))
                };
    }

    @Override
    public void paymentArrived(WalletEntry entry) {
        Window owner = Window.getWindows().stream()
                .filter(Window::isShowing)
                .findFirst()
                .orElse(null);
        arrived(owner != null && owner.isFocused() && !(owner instanceof javafx.stage.Stage st && st.isIconified()));
        if (owner == null) {
            return;
        }
        String[] t = texts(entry);
        try {
            Notifications.create()
                    .owner(owner)
                    .title(t[0])
                    .text(t[1])
                    .hideAfter(Duration.seconds(6))
                    .showInformation();
        } catch (RuntimeException e) {
            LOG.debug("cannot show a notification", e);
        }
    }
}
