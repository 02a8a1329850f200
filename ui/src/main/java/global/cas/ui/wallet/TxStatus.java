package global.cas.ui.wallet;

/** Where a transaction sent from this wallet stands. Immutable. */
public sealed interface TxStatus {
    /** Waiting in the node's mempool for a block. */
    record Pending() implements TxStatus {}

    /** In block {@code height}. */
    record Committed(long height) implements TxStatus {}

    /** Left the mempool without reaching a block (expired or replaced). */
    record Dropped() implements TxStatus {}

    /** True once the status can no longer change. */
    default boolean isFinal() {
        return !(this instanceof Pending);
    }
}
