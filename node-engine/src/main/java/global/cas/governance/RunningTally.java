package global.cas.governance;

import global.cas.crypto.Address;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * G2, G38: the running totals of one open vote (an election, a referendum or a proposal's support).
 * Per voter it keeps the latest choice, the balance at the vote's opening (the caller's epoch
 * checkpoint) and the weight counted now; every update costs the size of that voter's choice, never
 * a pass over all voters. {@link #recount} rebuilds the same totals from scratch. Not thread-safe.
 *
 * @param <C> the choice a voter makes
 * @param <O> the options the tally counts
 */
public final class RunningTally<C, O> {

    /**
     * One voter's standing ballot.
     *
     * @param choice the latest choice
     * @param balanceAtOpen the balance when the vote opened
     * @param weight the weight counted now (G2)
     */
    public record Ballot<C>(C choice, long balanceAtOpen, long weight) {}

    /**
     * A voter's final state as chain data gives it, for {@link #recount}.
     *
     * @param voter the voter
     * @param choice the latest choice
     * @param balanceAtOpen the balance when the vote opened
     * @param balanceNow the balance now
     */
    public record Entry<C>(Address voter, C choice, long balanceAtOpen, long balanceNow) {}

    /**
     * Totals computed from scratch.
     *
     * @param totals each option's total
     * @param totalWeight the sum of the voters' counted weights
     */
    public record Recount<O>(Map<O, Long> totals, long totalWeight) {
        public Recount {
            totals = Map.copyOf(totals);
        }
    }

    private final Allocator<C, O> allocator;
    private final Map<Address, Ballot<C>> ballots = new HashMap<>();
    private final Map<O, Long> totals = new HashMap<>();
    private long totalWeight;

    public RunningTally(Allocator<C, O> allocator) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    /** A referendum tally: YES, NO, ABSTAIN. */
    public static RunningTally<Vote, Vote> referendum() {
        return new RunningTally<>(Allocator.single());
    }

    /** A proposal support tally (G32). */
    public static RunningTally<Support, Support> support() {
        return new RunningTally<>(Allocator.single());
    }

    /** An election tally (G5). */
    public static RunningTally<BallotSplit, Address> election() {
        return new RunningTally<>(Allocator.election());
    }

    /** Records the voter's vote; a later vote replaces the earlier one (G2). */
    public void cast(Address voter, C choice, long balanceAtOpen, long balanceNow) {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(choice, "choice");
        if (balanceAtOpen < 0 || balanceNow < 0) {
            throw new IllegalArgumentException("negative balance");
        }
        withdraw(voter);
        Ballot<C> b = new Ballot<>(choice, balanceAtOpen, LiveWeight.of(balanceAtOpen, balanceNow));
        ballots.put(voter, b);
        apply(b, +1);
    }

    /** Removes the voter's vote, if any (G2). */
    public void withdraw(Address voter) {
        Ballot<C> old = ballots.remove(voter);
        if (old != null) {
            apply(old, -1);
        }
    }

    /** Re-caps the voter's weight after a balance change; a voter with no vote is ignored (G2). */
    public void balanceChanged(Address voter, long balanceNow) {
        if (balanceNow < 0) {
            throw new IllegalArgumentException("negative balance");
        }
        Ballot<C> old = ballots.get(voter);
        if (old == null) {
            return;
        }
        long weight = LiveWeight.of(old.balanceAtOpen(), balanceNow);
        if (weight == old.weight()) {
            return;
        }
        apply(old, -1);
        Ballot<C> b = new Ballot<>(old.choice(), old.balanceAtOpen(), weight);
        ballots.put(voter, b);
        apply(b, +1);
    }

    /** The option's running total, O(1). */
    public long total(O option) {
        return totals.getOrDefault(option, 0L);
    }

    /** The sum of the voters' counted weights, O(1). */
    public long totalWeight() {
        return totalWeight;
    }

    /** The voter's standing ballot (G38: who voted, with what weight). */
    public Optional<Ballot<C>> ballot(Address voter) {
        return Optional.ofNullable(ballots.get(voter));
    }

    /** The number of voters with a standing vote. */
    public int voters() {
        return ballots.size();
    }

    /** Every non-zero total, as a copy. */
    public Map<O, Long> totals() {
        Map<O, Long> out = new HashMap<>();
        totals.forEach((o, v) -> {
            if (v != 0) {
                out.put(o, v);
            }
        });
        return Map.copyOf(out);
    }

    /** G38: the totals rebuilt from scratch; a later entry of one voter replaces an earlier one. */
    public static <C, O> Recount<O> recount(Allocator<C, O> allocator, List<Entry<C>> entries) {
        Map<Address, Entry<C>> latest = new LinkedHashMap<>();
        for (Entry<C> e : entries) {
            latest.remove(e.voter());
            latest.put(e.voter(), e);
        }
        Map<O, Long> sums = new HashMap<>();
        long weightSum = 0;
        for (Entry<C> e : latest.values()) {
            long w = LiveWeight.of(e.balanceAtOpen(), e.balanceNow());
            weightSum = Math.addExact(weightSum, w);
            allocator.allocate(e.choice(), w, (o, v) -> sums.merge(o, v, Math::addExact));
        }
        sums.values().removeIf(v -> v == 0);
        return new Recount<>(sums, weightSum);
    }

    private void apply(Ballot<C> b, int sign) {
        totalWeight = Math.addExact(totalWeight, sign * b.weight());
        allocator.allocate(b.choice(), b.weight(), (o, v) -> {
            long n = Math.addExact(totals.getOrDefault(o, 0L), sign * v);
            if (n == 0) {
                totals.remove(o);
            } else {
                totals.put(o, n);
            }
        });
    }
}
