package global.cas.node.query;

import global.cas.ledger.Transaction;
import java.util.OptionalLong;

/**
 * A transaction the node knows: committed at {@code height}, or (height empty) still waiting in
 * the mempool. Immutable.
 */
public record TransactionLookup(Transaction transaction, OptionalLong height) {
    public boolean isCommitted() {
        return height.isPresent();
    }
}
