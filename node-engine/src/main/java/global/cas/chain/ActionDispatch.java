package global.cas.chain;

import global.cas.ledger.Action;
import global.cas.ledger.ActionHandler;
import global.cas.ledger.BlockScope;
import global.cas.ledger.EnvelopeTerms;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.LedgerView;
import global.cas.ledger.MiningHandler;
import global.cas.ledger.MiningProof;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TransferHandler;

/**
 * The one place that looks at an action's kind: an exhaustive {@code switch} that hands each
 * action to the handler of the module owning it. A new kind adds one line here (the compiler
 * refuses the switch until it does); nothing else in the chain, the mempool or the store changes.
 * Thread-safe (immutable).
 */
final class ActionDispatch {
    private final TransferHandler transfers;
    private final MiningHandler mining;

    ActionDispatch(TransferHandler transfers, MiningHandler mining) {
        this.transfers = transfers;
        this.mining = mining;
    }

    /** The action of {@code tx} bound to its module's handler. */
    Bound<?> bind(Transaction tx) {
        return switch (tx.action()) {
            case Transfer t -> new Bound<>(transfers, t);
            case MiningProof p -> new Bound<>(mining, p);
        };
    }

    /** An action with its handler, typed together. */
    record Bound<A extends Action>(ActionHandler<A> handler, A action) {
        void checkStateless(Transaction tx) {
            handler.checkStateless(tx, action);
        }

        EnvelopeTerms terms(Transaction tx) {
            return handler.terms(tx, action);
        }

        void check(Transaction tx, LedgerView view, BlockScope scope) {
            handler.check(tx, action, view, scope);
        }

        void apply(Transaction tx, int index, LedgerOverlay overlay, BlockScope scope) {
            handler.apply(tx, action, index, overlay, scope);
        }
    }
}
