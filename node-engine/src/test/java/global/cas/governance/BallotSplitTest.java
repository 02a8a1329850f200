package global.cas.governance;

import static global.cas.governance.Fixtures.addr;
import static global.cas.governance.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import global.cas.governance.BallotSplit.Share;
import global.cas.rejection.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BallotSplitTest {
    @Test
    @DisplayName("G5: shares round down, so rounding never creates a vote")
    void roundsDown() {
        BallotSplit s = new BallotSplit(
                List.of(new Share(addr(1), 3_333), new Share(addr(2), 3_333), new Share(addr(3), 3_334)));
        assertThat(s.votes(100)).containsExactly(33, 33, 33);
        assertThat(s.votes(10_000)).containsExactly(3_333, 3_333, 3_334);
        assertThat(s.votes(1)).containsExactly(0, 0, 0);
    }

    @Test
    @DisplayName("G5: the whole supply splits exactly without overflow")
    void noOverflow() {
        long supply = 500_000_000_000_000_000L;
        BallotSplit s = new BallotSplit(List.of(new Share(addr(1), 9_999), new Share(addr(2), 1)));
        assertThat(s.votes(supply)).containsExactly(499_950_000_000_000_000L, 50_000_000_000_000L);
        assertThat(BallotSplit.all(addr(1)).votes(Long.MAX_VALUE)).containsExactly(Long.MAX_VALUE);
        BallotSplit half = new BallotSplit(List.of(new Share(addr(1), 5_000), new Share(addr(2), 5_000)));
        assertThat(half.votes(Long.MAX_VALUE)).containsExactly(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2);
    }

    @Test
    @DisplayName(
            "G5: random splits of random weights never give out more than the weight, and lose less than one unit per candidate")
    void randomSums() {
        Random r = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            int n = 1 + r.nextInt(10);
            List<Share> shares = new ArrayList<>();
            int left = BallotSplit.WHOLE;
            for (int k = 0; k < n - 1 && left > 1; k++) {
                int bp = 1 + r.nextInt(left - 1);
                shares.add(new Share(addr(k), bp));
                left -= bp;
            }
            shares.add(new Share(addr(99), left));
            long w = r.nextLong() & Long.MAX_VALUE;
            long sum = 0;
            for (long v : new BallotSplit(shares).votes(w)) {
                sum = Math.addExact(sum, v);
            }
            assertThat(sum).isLessThanOrEqualTo(w).isGreaterThan(w - shares.size());
        }
    }

    @Test
    @DisplayName("G5: shares must sum to exactly 10,000 basis points")
    void sum() {
        rejected(() -> new BallotSplit(List.of(new Share(addr(1), 9_999))), Reason.MALFORMED);
        rejected(
                () -> new BallotSplit(List.of(new Share(addr(1), 5_000), new Share(addr(2), 5_001))), Reason.MALFORMED);
    }

    @Test
    @DisplayName("G5: no candidate twice, no empty ballot, no share out of 1..10,000, at most 100 candidates")
    void shape() {
        rejected(
                () -> new BallotSplit(List.of(new Share(addr(1), 5_000), new Share(addr(1), 5_000))), Reason.MALFORMED);
        rejected(() -> new BallotSplit(List.of()), Reason.MALFORMED);
        rejected(() -> new BallotSplit(List.of(new Share(addr(1), 10_001), new Share(addr(2), -1))), Reason.MALFORMED);
        rejected(() -> new BallotSplit(List.of(new Share(addr(1), 10_000), new Share(addr(2), 0))), Reason.MALFORMED);
        List<Share> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new Share(addr(i), 100));
        }
        assertThat(new BallotSplit(many).shares()).hasSize(100);
        List<Share> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(new Share(addr(i), i == 0 ? 9_900 : 1));
        }
        rejected(() -> new BallotSplit(tooMany), Reason.MALFORMED);
    }
}
