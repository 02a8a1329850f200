package global.cas.governance;

import static global.cas.governance.Fixtures.cas;
import static org.assertj.core.api.Assertions.assertThat;

import global.cas.params.GovernanceParams;
import global.cas.rejection.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReferendumResultTest {
    private final GovernanceParams p = GovernanceParams.defaults();

    private ReferendumResult r(ProposalKind k, long yes, long no, long abstain) {
        return ReferendumResult.of(k, yes, no, abstain, p);
    }

    @Test
    @DisplayName("G35: exactly 1,000,000,000 CAS voting is not a valid referendum")
    void quorumExact() {
        assertThat(r(ProposalKind.TEXT, cas(1_000_000_000), 0, 0)).isEqualTo(new ReferendumResult(false, false));
    }

    @Test
    @DisplayName("G35: 1,000,000,000 CAS and one unit voting is valid, abstain counting toward the quorum")
    void quorumPlusOne() {
        assertThat(r(ProposalKind.PARAMETER, cas(700_000_000), 0, cas(300_000_000) + 1))
                .isEqualTo(new ReferendumResult(true, true));
    }

    @Test
    @DisplayName("G35: exactly 3/5 yes fails, one unit more passes")
    void threeFifths() {
        long yes = cas(600_000_000);
        long no = cas(400_000_000);
        assertThat(r(ProposalKind.TEXT, yes, no, 1)).isEqualTo(new ReferendumResult(true, false));
        assertThat(r(ProposalKind.TEXT, yes + 1, no, 0)).isEqualTo(new ReferendumResult(true, true));
    }

    @Test
    @DisplayName("G35: abstain counts toward the quorum, not the ratio")
    void abstainNotRatio() {
        assertThat(r(ProposalKind.VALIDATOR_SET, 4, 2, cas(1_000_000_000))).isEqualTo(new ReferendumResult(true, true));
        assertThat(r(ProposalKind.VALIDATOR_SET, 3, 2, cas(1_000_000_000)))
                .isEqualTo(new ReferendumResult(true, false));
    }

    @Test
    @DisplayName("G35: if everyone abstains, it fails")
    void allAbstain() {
        assertThat(r(ProposalKind.TEXT, 0, 0, cas(2_000_000_000))).isEqualTo(new ReferendumResult(true, false));
    }

    @Test
    @DisplayName("G36: exactly 1,500,000,000 CAS voting is a valid committee-rules referendum, one unit less is not")
    void committeeQuorum() {
        assertThat(r(ProposalKind.COMMITTEE_RULES, cas(1_500_000_000), 0, 0))
                .isEqualTo(new ReferendumResult(true, true));
        assertThat(r(ProposalKind.COMMITTEE_RULES, cas(1_500_000_000) - 1, 0, 0))
                .isEqualTo(new ReferendumResult(false, false));
    }

    @Test
    @DisplayName("G36: exactly 2/3 yes passes a committee-rules referendum, one unit less fails")
    void twoThirds() {
        long yes = cas(1_000_000_000);
        long no = cas(500_000_000);
        assertThat(r(ProposalKind.COMMITTEE_RULES, yes, no, 0)).isEqualTo(new ReferendumResult(true, true));
        assertThat(r(ProposalKind.COMMITTEE_RULES, yes - 1, no, 1)).isEqualTo(new ReferendumResult(true, false));
    }

    @Test
    @DisplayName("G36: a committee-rules referendum where everyone abstains fails")
    void committeeAllAbstain() {
        assertThat(r(ProposalKind.COMMITTEE_RULES, 0, 0, cas(2_000_000_000)))
                .isEqualTo(new ReferendumResult(true, false));
    }

    @Test
    @DisplayName(
            "G31: only committee-rules needs the G36 supermajority; 61% passes a text proposal but not a committee-rules one")
    void kinds() {
        assertThat(ProposalKind.values())
                .containsExactly(
                        ProposalKind.TEXT,
                        ProposalKind.PARAMETER,
                        ProposalKind.VALIDATOR_SET,
                        ProposalKind.COMMITTEE_RULES);
        long yes = cas(1_220_000_000);
        long no = cas(780_000_000);
        for (ProposalKind k : ProposalKind.values()) {
            assertThat(k.needsSupermajority()).isEqualTo(k == ProposalKind.COMMITTEE_RULES);
            assertThat(r(k, yes, no, 0).passed()).as(k.name()).isEqualTo(k != ProposalKind.COMMITTEE_RULES);
        }
    }

    @Test
    @DisplayName("G35, G36: totals near the long range are judged exactly, a sum beyond it is rejected")
    void overflow() {
        long big = Long.MAX_VALUE / 3;
        assertThat(r(ProposalKind.TEXT, big, big / 2, 0)).isEqualTo(new ReferendumResult(true, true));
        assertThat(r(ProposalKind.COMMITTEE_RULES, big, big / 2, 0)).isEqualTo(new ReferendumResult(true, true));
        assertThat(r(ProposalKind.COMMITTEE_RULES, big, big / 2 + 1, 0)).isEqualTo(new ReferendumResult(true, false));
        Fixtures.rejected(() -> r(ProposalKind.TEXT, Long.MAX_VALUE, 1, 0), Reason.AMOUNT_OVERFLOW);
    }
}
