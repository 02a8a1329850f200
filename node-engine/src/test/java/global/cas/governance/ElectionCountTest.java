package global.cas.governance;

import static global.cas.governance.Fixtures.addr;
import static global.cas.governance.Fixtures.cas;
import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Address;
import global.cas.governance.ElectionCount.Candidate;
import global.cas.params.GovernanceParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ElectionCountTest {
    private final GovernanceParams p = GovernanceParams.defaults();
    private final long t = cas(200_000_000);

    private static Candidate c(int n, long order, long votes) {
        return new Candidate(addr(n), order, votes);
    }

    private static List<Address> addrs(List<Candidate> cs) {
        return cs.stream().map(Candidate::address).toList();
    }

    @Test
    @DisplayName("G6: every candidate at or above 200,000,000 votes is elected, with no upper limit")
    void thresholdNoLimit() {
        List<Candidate> cs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cs.add(c(i, i, t + i));
        }
        cs.add(c(50, 50, t - 1));
        ElectionCount e = ElectionCount.count(cs, p);
        assertThat(addrs(e.elected()))
                .containsExactly(addr(7), addr(6), addr(5), addr(4), addr(3), addr(2), addr(1), addr(0));
        assertThat(addrs(e.runnersUp())).containsExactly(addr(50));
    }

    @Test
    @DisplayName("G6: if fewer than 5 reach the threshold, the 5 with the most votes are elected")
    void minimumSeats() {
        ElectionCount e = ElectionCount.count(
                List.of(c(1, 1, t), c(2, 2, 10), c(3, 3, 50), c(4, 4, 40), c(5, 5, 30), c(6, 6, 20)), p);
        assertThat(addrs(e.elected())).containsExactly(addr(1), addr(3), addr(4), addr(5), addr(6));
        assertThat(addrs(e.runnersUp())).containsExactly(addr(2));
    }

    @Test
    @DisplayName("G6: with fewer than 5 candidates, all of them are elected")
    void fewCandidates() {
        ElectionCount e = ElectionCount.count(List.of(c(1, 1, 0), c(2, 2, 3)), p);
        assertThat(addrs(e.elected())).containsExactly(addr(2), addr(1));
        assertThat(e.runnersUp()).isEmpty();
    }

    @Test
    @DisplayName("G6: ties are broken by the earlier candidacy, then by the lower address")
    void ties() {
        ElectionCount e = ElectionCount.count(
                List.of(c(9, 5, 100), c(3, 7, 100), c(2, 7, 100), c(8, 1, 100), c(7, 9, 100), c(1, 9, 100)), p);
        assertThat(addrs(e.elected())).containsExactly(addr(8), addr(9), addr(2), addr(3), addr(1));
        assertThat(addrs(e.runnersUp())).containsExactly(addr(7));
    }

    @Test
    @DisplayName("G8: a committee below 5 is refilled by the next-ranked runners-up that still qualify")
    void refill() {
        List<Candidate> runnersUp = List.of(c(10, 1, 90), c(11, 2, 80), c(12, 3, 70), c(13, 4, 60));
        List<Address> seated = List.of(addr(1), addr(2), addr(3));
        Set<Address> qualifying = Set.of(addr(11), addr(12), addr(13));
        assertThat(ElectionCount.refill(seated, runnersUp, qualifying::contains, 5))
                .containsExactly(addr(1), addr(2), addr(3), addr(11), addr(12));
    }

    @Test
    @DisplayName("G8: a committee of 5 or more is not refilled, and refilling stops when no runner-up qualifies")
    void noRefill() {
        List<Candidate> runnersUp = List.of(c(10, 1, 90));
        List<Address> five = List.of(addr(1), addr(2), addr(3), addr(4), addr(5));
        assertThat(ElectionCount.refill(five, runnersUp, a -> true, 5)).isEqualTo(five);
        assertThat(ElectionCount.refill(List.of(addr(1)), runnersUp, a -> true, 5))
                .containsExactly(addr(1), addr(10));
        assertThat(ElectionCount.refill(List.of(addr(1)), runnersUp, a -> false, 5))
                .containsExactly(addr(1));
    }

    @Test
    @DisplayName("G8: after a member drops below 10,000 CAS, the refill skips a runner-up who also dropped below it")
    void refillByBalance() {
        java.util.Map<Address, Long> balances =
                java.util.Map.of(addr(10), cas(10_000) - 1, addr(11), cas(10_000), addr(12), cas(50_000));
        List<Address> seated = List.of(addr(1), addr(2), addr(3), addr(4));
        List<Candidate> runnersUp = List.of(c(10, 1, 90), c(11, 2, 80), c(12, 3, 70));
        assertThat(ElectionCount.refill(
                        seated, runnersUp, a -> p.qualifies(balances.getOrDefault(a, 0L)), p.minSeats()))
                .containsExactly(addr(1), addr(2), addr(3), addr(4), addr(11));
    }
}
