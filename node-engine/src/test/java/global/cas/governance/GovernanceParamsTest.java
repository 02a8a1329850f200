package global.cas.governance;

import static global.cas.governance.Fixtures.cas;
import static global.cas.governance.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import global.cas.params.GovernanceParams;
import global.cas.rejection.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GovernanceParamsTest {
    private final GovernanceParams p = GovernanceParams.defaults();

    @Test
    @DisplayName("G4, G6, G33-G36: the default parameters are the values of PROTOCOL.md")
    void defaults() {
        assertThat(p.candidacyMinimum()).isEqualTo(1_000_000_000_000L);
        assertThat(p.electionThreshold()).isEqualTo(cas(200_000_000));
        assertThat(p.minSeats()).isEqualTo(5);
        assertThat(p.responseSupport()).isEqualTo(10_000_000_000_000L);
        assertThat(p.responseWindowDays()).isEqualTo(14);
        assertThat(p.responseWindowMillis()).isEqualTo(1_209_600_000L);
        assertThat(p.referendumSupport()).isEqualTo(cas(100_000_000));
        assertThat(p.referendumQuorum()).isEqualTo(100_000_000_000_000_000L);
        assertThat(p.committeeRulesQuorum()).isEqualTo(150_000_000_000_000_000L);
        assertThat(p.referendumMinDays()).isEqualTo(7);
        assertThat(p.referendumMaxDays()).isEqualTo(30);
        assertThat(p.epochMillis()).isEqualTo(86_400_000L);
    }

    @Test
    @DisplayName("G35: a referendum lasts 7 to 30 days, 6 and 31 are rejected")
    void referendumDays() {
        p.checkReferendumDays(7);
        p.checkReferendumDays(30);
        rejected(() -> p.checkReferendumDays(6), Reason.MALFORMED);
        rejected(() -> p.checkReferendumDays(31), Reason.MALFORMED);
    }

    @Test
    @DisplayName("G33, G34: parameters that make no sense are rejected")
    void validation() {
        rejected(() -> new GovernanceParams(0, 1, 5, 1, 14, 2, 1, 1, 7, 30, 1, 1, 30, 6, 6, 0, 1, 9), Reason.MALFORMED);
        rejected(() -> new GovernanceParams(1, 1, 0, 1, 14, 2, 1, 1, 7, 30, 1, 1, 30, 6, 6, 0, 1, 9), Reason.MALFORMED);
        rejected(() -> new GovernanceParams(1, 1, 5, 1, 14, 2, 1, 1, 8, 7, 1, 1, 30, 6, 6, 0, 1, 9), Reason.MALFORMED);
        rejected(() -> new GovernanceParams(1, 1, 5, 2, 14, 2, 1, 1, 7, 30, 1, 1, 30, 6, 6, 0, 1, 9), Reason.MALFORMED);
    }

    @Test
    @DisplayName("G4: exactly 10,000 CAS qualifies a candidate, one unit less does not")
    void qualifies() {
        assertThat(p.qualifies(cas(10_000))).isTrue();
        assertThat(p.qualifies(cas(10_000) - 1)).isFalse();
    }

    @Test
    @DisplayName("G2: votes open only at epoch boundaries of one day")
    void epochBoundary() {
        long day = 86_400_000L;
        assertThat(p.openingBoundary(0)).isZero();
        assertThat(p.openingBoundary(1)).isEqualTo(day);
        assertThat(p.openingBoundary(3 * day)).isEqualTo(3 * day);
        assertThat(p.openingBoundary(3 * day + 1)).isEqualTo(4 * day);
    }
}
