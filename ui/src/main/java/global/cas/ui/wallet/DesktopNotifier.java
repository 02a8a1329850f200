package global.cas.ui.wallet;

import global.cas.ui.notify.Notice;
import global.cas.ui.notify.NotificationView;
import global.cas.wallet.WalletEntry;
import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * Hands the wallet's payments received and block rewards mined to the notification centre, which
 * merges a burst of them into one entry ("6 blocks mined, 150 CAS") and tells the desktop when the
 * window is in the background. FX thread.
 */
public final class DesktopNotifier implements PaymentNotifier {
    /** The topic (and message key prefix) of payments received. */
    public static final String RECEIVED = "wallet.notify.received";
    /** The topic (and message key prefix) of block rewards. */
    public static final String MINED = "wallet.notify.mined";

    private final NotificationView centre;

    public DesktopNotifier(NotificationView centre) {
        this.centre = centre;
    }

    /** Announcements the person has not seen yet, for the window's title. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return centre.unreadProperty();
    }

    /** The notice an entry makes. */
    public static Notice notice(WalletEntry entry) {
        return new Notice(entry.kind() == WalletEntry.Kind.MINED ? MINED : RECEIVED, entry.net(), entry.height());
    }

    @Override
    public void paymentArrived(WalletEntry entry) {
        centre.post(notice(entry));
    }
}
