package global.cas.consensus;

import global.cas.crypto.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The votes of one type in one round: at most one per validator (the first one counted; a second,
 * different one is equivocation and returned as such), with the power behind each value. Not
 * thread-safe: owned by one {@link Tendermint}.
 */
final class VoteTally {
    private final Map<Integer, Vote> byValidator = new HashMap<>();
    private final Map<Hash, Long> powerByValue = new HashMap<>();
    private long power;

    /** Adds {@code vote} with its validator's power: empty when new or repeated, the earlier vote when it conflicts. */
    Optional<Vote> add(Vote vote, long validatorPower) {
        Vote earlier = byValidator.putIfAbsent(vote.validator(), vote);
        if (earlier != null) {
            return earlier.value().equals(vote.value()) ? Optional.empty() : Optional.of(earlier);
        }
        powerByValue.merge(vote.value(), validatorPower, Long::sum);
        power += validatorPower;
        return Optional.empty();
    }

    long powerFor(Hash value) {
        return powerByValue.getOrDefault(value, 0L);
    }

    /** The power of every vote, whatever its value. */
    long power() {
        return power;
    }

    boolean has(int validator) {
        return byValidator.containsKey(validator);
    }

    /** The votes for {@code value}, in validator order. */
    List<Vote> votesFor(Hash value) {
        List<Vote> out = new ArrayList<>();
        for (Vote v : byValidator.values()) {
            if (v.value().equals(value)) {
                out.add(v);
            }
        }
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
