package global.cas.consensus;

/** The step of a round (arXiv 1807.04938): waiting for a proposal, prevoting, precommitting. */
public enum Step {
    PROPOSE,
    PREVOTE,
    PRECOMMIT
}
