package global.cas.ledger;

/**
 * A module's rules for one action kind. The ledger checks and applies the envelope (expiry, fee,
 * inputs, owners' signatures, balance) on the terms the handler gives; the handler checks and
 * applies what is particular to its action. {@link #check} must find every reason to refuse before
 * {@link #apply} changes anything: an application never fails half way. Implementations are
 * thread-safe for {@link #checkStateless}; the others run on one thread per block.
 */
public interface ActionHandler<A extends Action> {
    /** Checks that need no state (they may run on many threads, before the mempool's lock). */
    default void checkStateless(Transaction tx, A action) {}

    /** How the envelope of such a transaction must look. */
    EnvelopeTerms terms(Transaction tx, A action);

    /** Checks the action against the state; changes nothing. */
    void check(Transaction tx, A action, LedgerView view, BlockScope scope);

    /** Applies the action after the envelope was applied; cannot fail. */
    void apply(Transaction tx, A action, int txIndex, LedgerOverlay overlay, BlockScope scope);
}
