package global.cas.ui.wallet;

import global.cas.wallet.WalletEntry;

/**
 * Tells the person that coins arrived: a payment received or a block reward mined. Called by
 * {@link WalletModel} on the FX thread for each such entry found after the first catch-up.
 */
@FunctionalInterface
public interface PaymentNotifier {
    void paymentArrived(WalletEntry entry);

    /** A notifier that shows nothing. */
    static PaymentNotifier none() {
        return entry -> {};
    }
}
