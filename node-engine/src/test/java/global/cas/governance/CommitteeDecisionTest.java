package global.cas.governance;

import static global.cas.governance.Fixtures.addr;
import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Address;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommitteeDecisionTest {
    private final Set<Address> seven = Set.of(addr(1), addr(2), addr(3), addr(4), addr(5), addr(6), addr(7));
    private final Set<Address> six = Set.of(addr(1), addr(2), addr(3), addr(4), addr(5), addr(6));

    @Test
    @DisplayName("G11: 4 of 7 seated members voting yes makes the bloc vote yes")
    void yesMajority() {
        Map<Address, Vote> votes =
                Map.of(addr(1), Vote.YES, addr(2), Vote.YES, addr(3), Vote.YES, addr(4), Vote.YES, addr(5), Vote.NO);
        assertThat(CommitteeDecision.direction(seven, votes)).isEqualTo(Vote.YES);
    }

    @Test
    @DisplayName(
            "G11: members who did not vote count in the denominator: 3 yes of 7 seated abstains even with no one against")
    void silentCount() {
        Map<Address, Vote> votes = Map.of(addr(1), Vote.YES, addr(2), Vote.YES, addr(3), Vote.YES);
        assertThat(CommitteeDecision.direction(seven, votes)).isEqualTo(Vote.ABSTAIN);
    }

    @Test
    @DisplayName("G11: exactly half is not a majority: 3 no of 6 abstains, 4 no of 6 votes no")
    void half() {
        assertThat(CommitteeDecision.direction(six, Map.of(addr(1), Vote.NO, addr(2), Vote.NO, addr(3), Vote.NO)))
                .isEqualTo(Vote.ABSTAIN);
        assertThat(CommitteeDecision.direction(
                        six, Map.of(addr(1), Vote.NO, addr(2), Vote.NO, addr(3), Vote.NO, addr(4), Vote.NO)))
                .isEqualTo(Vote.NO);
    }

    @Test
    @DisplayName("G11: votes of addresses that are not seated are ignored")
    void nonMembers() {
        Map<Address, Vote> votes =
                Map.of(addr(1), Vote.YES, addr(2), Vote.YES, addr(3), Vote.YES, addr(90), Vote.YES, addr(91), Vote.YES);
        assertThat(CommitteeDecision.direction(seven, votes)).isEqualTo(Vote.ABSTAIN);
        assertThat(CommitteeDecision.direction(Set.of(), votes)).isEqualTo(Vote.ABSTAIN);
    }

    @Test
    @DisplayName("G11: the reserve's election split is the one a majority of all seated members chose identically")
    void split() {
        BallotSplit a = BallotSplit.all(addr(100));
        BallotSplit b = BallotSplit.all(addr(200));
        assertThat(CommitteeDecision.split(
                        seven,
                        Map.of(addr(1), a, addr(2), a, addr(3), a, addr(4), BallotSplit.all(addr(100)), addr(5), b)))
                .contains(a);
        assertThat(CommitteeDecision.split(seven, Map.of(addr(1), a, addr(2), a, addr(3), a, addr(4), b, addr(90), a)))
                .isEmpty();
    }

    @Test
    @DisplayName("G20: a reserve spend needs more than half of all seated members' signatures: 4 of 7 yes, 3 of 6 no")
    void approves() {
        assertThat(CommitteeDecision.approves(Set.of(addr(1), addr(2), addr(3), addr(4)), seven))
                .isTrue();
        assertThat(CommitteeDecision.approves(Set.of(addr(1), addr(2), addr(3)), seven))
                .isFalse();
        assertThat(CommitteeDecision.approves(Set.of(addr(1), addr(2), addr(3)), six))
                .isFalse();
        assertThat(CommitteeDecision.approves(Set.of(addr(1), addr(2), addr(3), addr(90), addr(91)), six))
                .isFalse();
        assertThat(CommitteeDecision.approves(Set.of(addr(1)), Set.of())).isFalse();
        assertThat(CommitteeDecision.approves(Set.of(addr(1)), Set.of(addr(1)))).isTrue();
    }
}
