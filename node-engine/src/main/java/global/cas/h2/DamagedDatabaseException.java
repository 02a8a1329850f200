package global.cas.h2;

/**
 * The database file cannot be read as H2 wrote it (a chunk or page it cannot read, a failed
 * checksum, no schema records, another file format, or a file cipher key that does not fit), so it
 * was not opened. Each store turns it into its own refusal: the chain store into {@code
 * ChainDataException} ({@code CHAIN_DATA_DAMAGED}), the wallet store into {@code
 * WALLET_DATA_DAMAGED}. The file is left untouched.
 */
public final class DamagedDatabaseException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DamagedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DamagedDatabaseException(String message) {
        super(message);
    }
}
