package global.cas.rejection;

/** Something was refused for a stated {@link Reason}; the message adds the particulars. */
public final class RejectedException extends RuntimeException {
    private final Reason reason;

    public RejectedException(Reason reason, String detail) {
        super(reason.name() + ": " + detail);
        this.reason = reason;
    }

    public RejectedException(Reason reason) {
        this(reason, reason.sentence());
    }

    public Reason reason() {
        return reason;
    }

    /** The human sentence without the code prefix. */
    public String detail() {
        String m = getMessage();
        return m.substring(reason.name().length() + 2);
    }
}
