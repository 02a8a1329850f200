package global.cas.h2;

/**
 * The database file holds something this program never creates (a trigger, a function alias, a
 * linked table, an unknown table, column or setting), so it was refused before H2 could run any of
 * it. The message names what was found; the file is left untouched.
 */
public final class UntrustedDatabaseException extends StoreException {
    private static final long serialVersionUID = 1L;

    public UntrustedDatabaseException(String message) {
        super(message);
    }

    public UntrustedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
