package global.cas.consensus;

/**
 * Why consensus stopped on this node, as a code a screen translates; the English detail (hashes,
 * heights, the chain's reason) goes with it to the log and the RPC.
 */
public enum HaltCause {
    /** This validator was about to sign a second, different message for a slot it signed (C1). */
    OWN_DOUBLE_SIGN,
    /** Two different blocks hold valid commits at one height: more than a third signed both (C1). */
    TWO_COMMITS,
    /** More than two thirds committed a block this node finds invalid: its state differs (C6). */
    STATE_DIFFERS,
    /** The chain could not store or refused a committed block (a storage failure). */
    STORAGE_FAILED,
    /** An invariant of this program broke (a bug): the detail says which. */
    INTERNAL
}
