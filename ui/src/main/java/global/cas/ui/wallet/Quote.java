package global.cas.ui.wallet;

import global.cas.ledger.Amounts;
import java.util.List;

/**
 * What a send would do, worked out from the wallet's spendable outputs at the time: the amount
 * the recipient gets, the exact fee, and the size of the transaction. Immutable.
 */
public record Quote(SendRequest request, long amount, long fee, int size, int inputs, List<StakeRisk> risks) {
    public Quote {
        risks = List.copyOf(risks);
    }

    public Quote(SendRequest request, long amount, long fee, int size, int inputs) {
        this(request, amount, fee, size, inputs, List.of());
    }

    /** This quote with what the transfer would cost in governance. */
    public Quote withRisks(List<StakeRisk> found) {
        return new Quote(request, amount, fee, size, inputs, found);
    }

    /** What leaves the wallet: amount plus fee. */
    public long total() {
        return Amounts.add(amount, fee);
    }
}
