package global.cas.consensus;

import global.cas.chain.VoteKind;

/** The two votes of a round. Their wire codes are stable and those of {@link VoteKind}. */
public enum VoteType {
    PREVOTE(1, VoteKind.PREVOTE),
    PRECOMMIT(2, VoteKind.PRECOMMIT);

    private final int code;
    private final VoteKind kind;

    VoteType(int code, VoteKind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The chain's name for this vote, whose sign bytes it uses. */
    public VoteKind kind() {
        return kind;
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
