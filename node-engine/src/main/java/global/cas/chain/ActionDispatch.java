package global.cas.chain;

import global.cas.governance.GovernanceBlock;
import global.cas.governance.GovernanceHandler;
import global.cas.ledger.Action;
import global.cas.ledger.ActionHandler;
import global.cas.ledger.BlockScope;
import global.cas.ledger.EnvelopeTerms;
import global.cas.ledger.GovernanceAction;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.LedgerView;
import global.cas.ledger.MiningHandler;
import global.cas.ledger.MiningProof;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TransferHandler;
import java.util.function.Supplier;

/**
 * The one place that looks at an action's kind: an exhaustive {@code switch} that hands each
 * action to the module owning it. A new kind of an existing module touches only that module (the
 * governance family is one line here); a new module adds one line and its {@link Bound}. Nothing
 * else in the chain, the mempool or the store changes. Thread-safe (immutable).
 */
final class ActionDispatch {
    private final TransferHandler transfers;
    private final MiningHandler mining;
    private final GovernanceHandler governance;

    ActionDispatch(TransferHandler transfers, MiningHandler mining, GovernanceHandler governance) {
        this.transfers = transfers;
        this.mining = mining;
        this.governance = governance;
    }

    /** The action of {@code tx} bound to its module's rules. */
    Bound bind(Transaction tx) {
        return switch (tx.action()) {
            case Transfer t -> new LedgerBound<>(transfers, t);
            case MiningProof p -> new LedgerBound<>(mining, p);
            case GovernanceAction g -> new GovernanceBound(governance, g);
        };
    }

    /** An action with its module's rules; the governance view is made only for a governance action. */
    sealed interface Bound permits LedgerBound, GovernanceBound {
        /** Whether the action needs only the ledger (no other module's state). */
        boolean ledgerOnly();

        void checkStateless(Transaction tx);

        EnvelopeTerms terms(Transaction tx);

        void check(Transaction tx, LedgerView view, Supplier<GovernanceBlock> governance, BlockScope scope);

        void apply(Transaction tx, int index, LedgerOverlay overlay, GovernanceBlock governance, BlockScope scope);
    }

    /** A ledger action with its handler, typed together. */
    record LedgerBound<A extends Action>(ActionHandler<A> handler, A action) implements Bound {
        @Override
        public boolean ledgerOnly() {
            return true;
        }

        @Override
        public void checkStateless(Transaction tx) {
            handler.checkStateless(tx, action);
        }

        @Override
        public EnvelopeTerms terms(Transaction tx) {
            return handler.terms(tx, action);
        }

        @Override
        public void check(Transaction tx, LedgerView view, Supplier<GovernanceBlock> governance, BlockScope scope) {
            handler.check(tx, action, view, scope);
        }

        @Override
        public void apply(
                Transaction tx, int index, LedgerOverlay overlay, GovernanceBlock governance, BlockScope scope) {
            handler.apply(tx, action, index, overlay, scope);
        }
    }

    /** A governance action with the module's handler. */
    record GovernanceBound(GovernanceHandler handler, GovernanceAction action) implements Bound {
        @Override
        public boolean ledgerOnly() {
            return false;
        }

        @Override
        public void checkStateless(Transaction tx) {
            handler.checkStateless(tx, action);
        }

        @Override
        public EnvelopeTerms terms(Transaction tx) {
            return handler.terms(tx, action);
        }

        @Override
        public void check(Transaction tx, LedgerView view, Supplier<GovernanceBlock> governance, BlockScope scope) {
            handler.check(tx, action, view, governance.get(), scope);
        }

        @Override
        public void apply(
                Transaction tx, int index, LedgerOverlay overlay, GovernanceBlock governance, BlockScope scope) {
            handler.apply(tx, action, index, governance);
        }
    }
}
