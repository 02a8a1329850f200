package global.cas.governance;

import global.cas.ledger.Amounts;
import global.cas.params.GovernanceParams;
import java.util.Objects;

/**
 * G35, G36: a referendum's result at the close. An invalid referendum (quorum not met) never
 * passes. Abstentions count toward the quorum, not the ratio; with no yes and no no votes it fails.
 *
 * @param valid whether enough coins voted
 * @param passed whether it is valid and the yes side won
 */
public record ReferendumResult(boolean valid, boolean passed) {

    public ReferendumResult {
        if (passed && !valid) {
            throw new IllegalArgumentException("an invalid referendum cannot pass");
        }
    }

    /** Judges the totals of a referendum on a proposal of {@code kind}. */
    public static ReferendumResult of(ProposalKind kind, long yes, long no, long abstain, GovernanceParams params) {
        Objects.requireNonNull(kind, "kind");
        if (yes < 0 || no < 0 || abstain < 0) {
            throw new IllegalArgumentException("negative total");
        }
        long decided = Amounts.add(yes, no);
        long voted = Amounts.add(decided, abstain);
        boolean valid;
        boolean wins;
        if (kind.needsSupermajority()) {
            // G36: at least the quorum; 3*yes >= 2*(yes+no), and some yes at all
            valid = voted >= params.committeeRulesQuorum();
            wins = yes > 0 && ExactMath.compareProducts(3, yes, 2, decided) >= 0;
        } else {
            // G35: more than the quorum; 5*yes > 3*(yes+no)
            valid = voted > params.referendumQuorum();
            wins = ExactMath.compareProducts(5, yes, 3, decided) > 0;
        }
        return new ReferendumResult(valid, valid && wins);
    }
}
