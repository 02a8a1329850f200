package global.cas.governance;

/** A referendum ballot or a committee member's internal vote (G11, G35). */
public enum Vote {
    YES,
    NO,
    ABSTAIN
}
