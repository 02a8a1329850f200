package global.cas.governance;

/** G31: the kinds of proposal. Only {@link #COMMITTEE_RULES} needs the stricter G36 result. */
public enum ProposalKind {
    /** A resolution the community and committee must follow. */
    TEXT,
    /** Changes <i>(param)</i> values; executed automatically when passed. */
    PARAMETER,
    /** Changes the validator set (C4). */
    VALIDATOR_SET,
    /** Any change to sections 5 to 7 of the protocol (G36). */
    COMMITTEE_RULES;

    /** Whether a referendum of this kind is judged by G36 rather than G35. */
    public boolean needsSupermajority() {
        return this == COMMITTEE_RULES;
    }
}
