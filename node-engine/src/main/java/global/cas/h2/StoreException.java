package global.cas.h2;

/**
 * An H2 database of this program (the chain store or a wallet's data) failed: a commit was rolled
 * back, a read could not be served, or the file could not be opened. Unchecked: the node cannot go
 * on without its chain store and stops; nothing half-written remains in either store, because
 * every change is one database transaction.
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
