package global.cas.consensus;

/** The two votes of a round. Their wire codes are stable. */
public enum VoteType {
    PREVOTE(1),
    PRECOMMIT(2);

    private final int code;

    VoteType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this wire code, or empty. */
    public static java.util.Optional<VoteType> ofCode(int code) {
        for (VoteType t : values()) {
            if (t.code == code) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
