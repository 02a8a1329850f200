package global.cas.store.h2;

/**
 * The chain database failed: a commit was rolled back, a read could not be served, or the file
 * could not be opened. Unchecked: the node cannot go on without its store and stops; nothing
 * half-written remains, because every block is one database transaction.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
