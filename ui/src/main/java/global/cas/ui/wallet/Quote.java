package global.cas.ui.wallet;

import global.cas.ledger.Amounts;

/**
 * What a send would do, worked out from the wallet's spendable outputs at the time: the amount
 * the recipient gets, the exact fee, and the size of the transaction. Immutable.
 */
public record Quote(SendRequest request, long amount, long fee, int size, int inputs) {
    /** What leaves the wallet: amount plus fee. */
    public long total() {
        return Amounts.add(amount, fee);
    }
}
