package global.cas.store.h2;

/**
 * The database file holds something this node never creates (a trigger, a function alias, a
 * linked table, an unknown table, column or setting), so it was refused before H2 could run any of
 * it. The message names what was found; the file is left untouched.
 */
public final class UntrustedDatabaseException extends StoreException {
    private static final long serialVersionUID = 1L;

    public UntrustedDatabaseException(String message) {
        this(message, null, false);
    }

    private final boolean unreadable;

    public UntrustedDatabaseException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param unreadable the file could not be read at all (damaged, not H2, or encrypted with another key) */
    public UntrustedDatabaseException(String message, Throwable cause, boolean unreadable) {
        super(message, cause);
        this.unreadable = unreadable;
    }

    /** True when the file could not be read at all, rather than holding something refused. */
    public boolean unreadable() {
        return unreadable;
    }
}
