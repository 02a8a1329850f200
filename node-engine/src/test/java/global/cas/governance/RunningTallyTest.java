package global.cas.governance;

import static global.cas.governance.Fixtures.addr;
import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Address;
import global.cas.governance.BallotSplit.Share;
import global.cas.governance.RunningTally.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunningTallyTest {
    private final Address alice = addr(1);
    private final Address bob = addr(2);
    private final Address c1 = addr(101);
    private final Address c2 = addr(102);

    @Test
    @DisplayName("G2: a referendum vote counts min(balance at opening, balance now) for its option")
    void referendumWeight() {
        RunningTally<Vote, Vote> t = RunningTally.referendum();
        t.cast(alice, Vote.YES, 1_000, 5_000);
        t.cast(bob, Vote.NO, 700, 300);
        assertThat(t.total(Vote.YES)).isEqualTo(1_000);
        assertThat(t.total(Vote.NO)).isEqualTo(300);
        assertThat(t.total(Vote.ABSTAIN)).isZero();
        assertThat(t.totalWeight()).isEqualTo(1_300);
        assertThat(t.voters()).isEqualTo(2);
    }

    @Test
    @DisplayName("G2: the latest vote of an address replaces its earlier one")
    void latestCounts() {
        RunningTally<Vote, Vote> t = RunningTally.referendum();
        t.cast(alice, Vote.YES, 1_000, 1_000);
        t.cast(alice, Vote.NO, 1_000, 600);
        assertThat(t.total(Vote.YES)).isZero();
        assertThat(t.total(Vote.NO)).isEqualTo(600);
        assertThat(t.totalWeight()).isEqualTo(600);
        assertThat(t.ballot(alice)).contains(new RunningTally.Ballot<>(Vote.NO, 1_000, 600));
    }

    @Test
    @DisplayName("G2: a withdrawn vote counts nothing; withdrawing twice or without a vote changes nothing")
    void withdraw() {
        RunningTally<Vote, Vote> t = RunningTally.referendum();
        t.cast(alice, Vote.ABSTAIN, 1_000, 1_000);
        t.cast(bob, Vote.ABSTAIN, 50, 50);
        t.withdraw(alice);
        t.withdraw(alice);
        t.withdraw(addr(77));
        assertThat(t.total(Vote.ABSTAIN)).isEqualTo(50);
        assertThat(t.totalWeight()).isEqualTo(50);
        assertThat(t.ballot(alice)).isEmpty();
    }

    @Test
    @DisplayName("G2: selling after voting removes weight, buying back restores it only up to the opening balance")
    void balanceChanges() {
        RunningTally<Support, Support> t = RunningTally.support();
        t.cast(alice, Support.SUPPORT, 1_000, 1_000);
        t.balanceChanged(alice, 200);
        assertThat(t.total(Support.SUPPORT)).isEqualTo(200);
        t.balanceChanged(alice, 9_000);
        assertThat(t.total(Support.SUPPORT)).isEqualTo(1_000);
        t.balanceChanged(bob, 9_000);
        assertThat(t.totalWeight()).isEqualTo(1_000);
        assertThat(t.ballot(bob)).isEmpty();
    }

    @Test
    @DisplayName("G2, G5: an election ballot's weight is split with rounding down and re-split when the balance falls")
    void electionSplit() {
        RunningTally<BallotSplit, Address> t = RunningTally.election();
        BallotSplit split = new BallotSplit(List.of(new Share(c1, 6_667), new Share(c2, 3_333)));
        t.cast(alice, split, 10, 10);
        assertThat(t.total(c1)).isEqualTo(6);
        assertThat(t.total(c2)).isEqualTo(3);
        assertThat(t.totalWeight()).isEqualTo(10);
        t.balanceChanged(alice, 3);
        assertThat(t.total(c1)).isEqualTo(2);
        assertThat(t.total(c2)).isZero();
        assertThat(t.totals()).isEqualTo(Map.of(c1, 2L));
    }

    @Test
    @DisplayName("G38: a recount keeps only each voter's latest entry")
    void recountLatest() {
        var r = RunningTally.recount(
                Allocator.<Vote>single(),
                List.of(
                        new Entry<>(alice, Vote.YES, 10, 10),
                        new Entry<>(bob, Vote.NO, 5, 4),
                        new Entry<>(alice, Vote.NO, 10, 7)));
        assertThat(r.totals()).isEqualTo(Map.of(Vote.NO, 11L));
        assertThat(r.totalWeight()).isEqualTo(11);
    }

    private record State(BallotSplit choice, long open, long now) {}

    @Test
    @DisplayName(
            "G2, G38: after each of 100,000 random casts, changes, withdrawals and balance changes the running totals equal a recount from scratch and never exceed the capped weights")
    void property() {
        Random r = new Random(20_261_203L);
        int voterCount = 200;
        List<Address> voters = new ArrayList<>();
        for (int i = 0; i < voterCount; i++) {
            voters.add(addr(i));
        }
        List<Address> candidates = List.of(addr(1_001), addr(1_002), addr(1_003), addr(1_004), addr(1_005));
        RunningTally<BallotSplit, Address> t = RunningTally.election();
        Map<Address, State> model = new LinkedHashMap<>();
        Map<Address, Long> balances = new LinkedHashMap<>();
        for (Address v : voters) {
            balances.put(v, randomBalance(r));
        }
        for (int step = 0; step < 100_000; step++) {
            Address v = voters.get(r.nextInt(voterCount));
            int op = r.nextInt(4);
            if (op == 0 || op == 1) {
                BallotSplit split = randomSplit(r, candidates);
                long open = op == 0 ? balances.get(v) : randomBalance(r);
                long now = balances.get(v);
                t.cast(v, split, open, now);
                model.put(v, new State(split, open, now));
            } else if (op == 2) {
                t.withdraw(v);
                model.remove(v);
            } else {
                long now = randomBalance(r);
                balances.put(v, now);
                t.balanceChanged(v, now);
                State s = model.get(v);
                if (s != null) {
                    model.put(v, new State(s.choice(), s.open(), now));
                }
            }
            List<Entry<BallotSplit>> entries = new ArrayList<>();
            long capped = 0;
            for (var e : model.entrySet()) {
                entries.add(new Entry<>(
                        e.getKey(),
                        e.getValue().choice(),
                        e.getValue().open(),
                        e.getValue().now()));
                capped += Math.min(e.getValue().open(), e.getValue().now()); // G2, computed independently
            }
            var recount = RunningTally.recount(Allocator.election(), entries);
            assertThat(t.totals()).as("step %d", step).isEqualTo(recount.totals());
            assertThat(t.totalWeight())
                    .as("step %d", step)
                    .isEqualTo(recount.totalWeight())
                    .isEqualTo(capped);
            long sum = 0;
            for (Address c : candidates) {
                sum += t.total(c);
            }
            assertThat(sum).as("step %d", step).isLessThanOrEqualTo(capped);
            assertThat(t.voters()).isEqualTo(model.size());
        }
        assertThat(model).isNotEmpty();
    }

    private static long randomBalance(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(10_000);
            case 2 -> r.nextLong(1_000_000_000_000L);
            default -> r.nextLong(500_000_000_000_000_000L / 200);
        };
    }

    private static BallotSplit randomSplit(Random r, List<Address> candidates) {
        List<Address> shuffled = new ArrayList<>(candidates);
        java.util.Collections.shuffle(shuffled, r);
        int n = 1 + r.nextInt(shuffled.size());
        List<Share> shares = new ArrayList<>();
        int left = BallotSplit.WHOLE;
        for (int i = 0; i < n - 1 && left > 1; i++) {
            int bp = 1 + r.nextInt(left - 1);
            shares.add(new Share(shuffled.get(i), bp));
            left -= bp;
        }
        shares.add(new Share(shuffled.get(shares.size()), left));
        return new BallotSplit(shares);
    }
}
