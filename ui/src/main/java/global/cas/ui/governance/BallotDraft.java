package global.cas.ui.governance;

import global.cas.crypto.Address;
import global.cas.ledger.ElectionBallot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An election ballot being edited (G5): each candidate's share as a person types it, a percentage
 * with up to two decimals ("60", "12.5"), turned into basis points; the ballot is ready when the
 * shares add up to exactly 100% and each is a valid number. Not thread-safe: the FX thread.
 */
public final class BallotDraft {
    /** Why the draft cannot be cast yet. */
    public enum Problem {
        NONE_CHOSEN,
        NOT_A_NUMBER,
        NOT_WHOLE,
        SUM
    }

    private final Map<Address, String> typed = new LinkedHashMap<>();

    /** Sets the share typed for {@code candidate} ("" or "0" leaves it out). */
    public void set(Address candidate, String percent) {
        typed.put(candidate, percent == null ? "" : percent.trim());
    }

    /** Shows the ballot the voter cast in the fields, until the voter types another (G5). */
    void prefill(global.cas.node.query.GovernanceView.Ballot cast, java.util.function.IntFunction<String> percent) {
        if (sum() > 0) {
            return;
        }
        for (global.cas.node.query.GovernanceView.Share sh : cast.shares()) {
            set(sh.candidate(), percent.apply(sh.basisPoints()));
        }
    }

    public String typed(Address candidate) {
        return typed.getOrDefault(candidate, "");
    }

    /** Gives all of the weight to {@code candidate}, clearing the others. */
    public void all(Address candidate) {
        typed.replaceAll((a, v) -> "");
        typed.put(candidate, "100");
    }

    /** Basis points of {@code percent}, or empty when it is not a percentage with up to 2 decimals in 0–100. */
    static Optional<Integer> basisPoints(String percent) {
        if (percent.isEmpty()) {
            return Optional.of(0);
        }
        try {
            BigDecimal bp = new BigDecimal(percent.replace(',', '.')).movePointRight(2);
            if (bp.signum() < 0
                    || bp.compareTo(BigDecimal.valueOf(10_000)) > 0
                    || bp.stripTrailingZeros().scale() > 0) {
                return Optional.empty();
            }
            return Optional.of(bp.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The sum of the valid shares, in basis points. */
    public int sum() {
        int s = 0;
        for (String v : typed.values()) {
            s += basisPoints(v).orElse(0);
        }
        return s;
    }

    /** What stops the ballot, if anything. */
    public Optional<Problem> problem() {
        boolean any = false;
        for (String v : typed.values()) {
            Optional<Integer> bp = basisPoints(v);
            if (bp.isEmpty()) {
                return Optional.of(v.matches("[0-9.,]+") ? Problem.NOT_WHOLE : Problem.NOT_A_NUMBER);
            }
            any |= bp.get() > 0;
        }
        if (!any) {
            return Optional.of(Problem.NONE_CHOSEN);
        }
        return sum() == 10_000 ? Optional.empty() : Optional.of(Problem.SUM);
    }

    /** The shares of a ready ballot, in the order typed. */
    public List<ElectionBallot.Share> shares() {
        if (problem().isPresent()) {
            throw new IllegalStateException(
                    "the ballot is not ready: " + problem().get());
        }
        List<ElectionBallot.Share> out = new ArrayList<>();
        typed.forEach((a, v) -> {
            int bp = basisPoints(v).orElseThrow();
            if (bp > 0) {
                out.add(new ElectionBallot.Share(a, bp));
            }
        });
        return out;
    }

    public void clear() {
        typed.clear();
    }
}
