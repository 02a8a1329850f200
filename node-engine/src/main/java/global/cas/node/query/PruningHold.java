package global.cas.node.query;

/** An open {@link ChainQueries#holdPruning} hold; closing it releases the blocks it held. */
public interface PruningHold extends AutoCloseable {
    /** Releases the hold. Idempotent. */
    @Override
    void close();
}
