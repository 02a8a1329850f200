package global.cas.governance;

/** The single option of a proposal's support tally (G32). */
public enum Support {
    SUPPORT
}
