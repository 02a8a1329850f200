package global.cas.ledger;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;

/** The ledger's rules for a plain {@link Transfer}: the envelope is the whole of it. Thread-safe. */
public final class TransferHandler implements ActionHandler<Transfer> {
    @Override
    public void checkStateless(Transaction tx, Transfer action) {
        if (tx.inputs().isEmpty() || tx.outputs().isEmpty()) {
            throw new RejectedException(Reason.MALFORMED, "A transfer needs at least one input and one output.");
        }
    }

    @Override
    public EnvelopeTerms terms(Transaction tx, Transfer action) {
        return EnvelopeTerms.SPENDS;
    }

    @Override
    public void check(Transaction tx, Transfer action, LedgerView view, BlockScope scope) {
        // the envelope rules are all a transfer has
    }

    @Override
    public void apply(Transaction tx, Transfer action, int txIndex, LedgerOverlay overlay, BlockScope scope) {
        // the envelope moved the value
    }
}
