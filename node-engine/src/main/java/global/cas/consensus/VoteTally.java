package global.cas.consensus;

import global.cas.crypto.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The votes of one type in one round. A validator's first vote counts toward the power seen in the
 * round (for timeouts); a second, different one is equivocation and returned as such, but it still
 * counts toward its own value, up to {@link #MAX_VALUES_PER_VALIDATOR} values. That keeps every
 * node's view of a value's power the same whatever order an equivocator's votes arrived in, so a
 * proof of lock that one node saw is seen by all (without this, twins keep honest nodes locked on
 * different views forever). It is safe: two quorums still share more than a third of the power,
 * hence an honest validator, who votes once. Not thread-safe: owned by one {@link Tendermint}.
 */
final class VoteTally {
    /** Values counted per validator; an equivocator's further values are evidence only. */
    static final int MAX_VALUES_PER_VALIDATOR = 4;

    private final Map<Integer, Vote> byValidator = new HashMap<>();
    private final Map<Hash, Map<Integer, Vote>> byValue = new HashMap<>();
    private final Map<Integer, Integer> valuesOf = new HashMap<>();
    private final Map<Hash, Long> powerByValue = new HashMap<>();
    private long power;

    /** Adds {@code vote} with its validator's power: empty when new or repeated, the earlier vote when it conflicts. */
    Optional<Vote> add(Vote vote, long validatorPower) {
        Vote earlier = byValidator.putIfAbsent(vote.validator(), vote);
        if (earlier == null) {
            power += validatorPower;
        }
        Map<Integer, Vote> forValue = byValue.computeIfAbsent(vote.value(), k -> new HashMap<>());
        if (!forValue.containsKey(vote.validator())
                && valuesOf.getOrDefault(vote.validator(), 0) < MAX_VALUES_PER_VALIDATOR) {
            forValue.put(vote.validator(), vote);
            valuesOf.merge(vote.validator(), 1, Integer::sum);
            powerByValue.merge(vote.value(), validatorPower, Long::sum);
        }
        if (earlier != null && !earlier.value().equals(vote.value())) {
            return Optional.of(earlier);
        }
        return Optional.empty();
    }

    long powerFor(Hash value) {
        return powerByValue.getOrDefault(value, 0L);
    }

    /** The power of the validators that voted, each once, whatever its value. */
    long power() {
        return power;
    }

    boolean has(int validator) {
        return byValidator.containsKey(validator);
    }

    /** The votes for {@code value}, one per validator, in validator order. */
    List<Vote> votesFor(Hash value) {
        List<Vote> out = new ArrayList<>(byValue.getOrDefault(value, Map.of()).values());
        out.sort(Comparator.comparingInt(Vote::validator));
        return out;
    }

    /** A value more than {@code 2/3} of {@code total} voted for, if one did. */
    Optional<Hash> quorumValue(long total) {
        for (Map.Entry<Hash, Long> e : powerByValue.entrySet()) {
            if (3 * e.getValue() > 2 * total) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
