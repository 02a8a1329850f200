package global.cas.store;

import global.cas.rejection.Reason;

/**
 * The chain data in the data folder cannot be trusted: it is damaged ({@link
 * Reason#CHAIN_DATA_DAMAGED}: a page H2 cannot read, a header that does not hash to its stored hash,
 * a broken hash chain, a state that does not match its recorded digest, an unreadable tip marker) or
 * older than the last block this node committed ({@link Reason#CHAIN_DATA_BEHIND}). The node
 * refuses to start on such data, and a read that meets damage after the start fails with it
 * instead of returning wrong data. {@link #getMessage()} is one sentence for a person, saying what
 * to do; {@link #detail()} says what exactly was found, for the log. Immutable.
 */
public final class ChainDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String detail;

    /**
     * @param detail what was found, for the log (e.g. "block 22 does not hash to its stored hash")
     */
    public ChainDataException(Reason reason, String detail, Throwable cause) {
        super(reason.sentence(), cause);
        if (reason != Reason.CHAIN_DATA_DAMAGED
                && reason != Reason.CHAIN_DATA_BEHIND
                && reason != Reason.CHAIN_FORMAT_OLD) {
            throw new IllegalArgumentException("not a chain data reason: " + reason);
        }
        this.reason = reason;
        this.detail = detail;
    }

    public ChainDataException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    /** A damaged-data refusal. */
    public static ChainDataException damaged(String detail, Throwable cause) {
        return new ChainDataException(Reason.CHAIN_DATA_DAMAGED, detail, cause);
    }

    public static ChainDataException damaged(String detail) {
        return damaged(detail, null);
    }

    /** {@link Reason#CHAIN_DATA_DAMAGED}, {@link Reason#CHAIN_DATA_BEHIND} or {@link Reason#CHAIN_FORMAT_OLD}. */
    public Reason reason() {
        return reason;
    }

    /** What was found, for the log; not translated. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return ChainDataException.class.getName() + ": " + reason.name() + ": " + detail;
    }
}
