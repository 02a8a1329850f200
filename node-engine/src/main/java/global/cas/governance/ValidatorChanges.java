package global.cas.governance;

import global.cas.crypto.PublicKey;
import global.cas.ledger.ProposalPosting;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact changes of a {@code validator-set} proposal (G31, G37): each names a validator by its
 * Ed25519 public key, {@code validator:<64 hex digits>}, with its new voting power; power 0 removes
 * it. A passed proposal's changes apply to the validator set at their effective height, as a
 * parameter proposal's do to the parameters. Thread-safe (stateless).
 */
public final class ValidatorChanges {
    public static final String PREFIX = "validator:";

    private ValidatorChanges() {}

    /** The stateless checks: at least one change, each a well-formed key once, with a power in range. */
    public static void check(List<ProposalPosting.Change> changes) {
        if (changes.isEmpty()) {
            throw bad("A validator-set proposal names the exact changes it makes (G30).");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ProposalPosting.Change c : changes) {
            key(c);
            if (!seen.add(c.name())) {
                throw bad("A validator-set proposal changes each validator once.");
            }
            if (c.value() < 0 || c.value() > Validator.MAX_POWER) {
                throw bad("A validator's new power is 0 (removed) to 2^48, not " + c.value() + ".");
            }
        }
    }

    private static PublicKey key(ProposalPosting.Change c) {
        String name = c.name();
        if (!name.startsWith(PREFIX) || !name.substring(PREFIX.length()).matches("[0-9a-f]{64}")) {
            throw bad("A validator-set change is named 'validator:' and the validator's public key in 64"
                    + " lower-case hex digits, not '" + name + "'.");
        }
        return PublicKey.of(HexFormat.of().parseHex(name.substring(PREFIX.length())));
    }

    /**
     * {@code current} with {@code changes} applied: powers set, new validators added, power 0
     * removed; refused when no validator would be left.
     */
    public static ValidatorSet apply(ValidatorSet current, List<ProposalPosting.Change> changes) {
        Map<String, Validator> byKey = new LinkedHashMap<>();
        for (Validator v : current.validators()) {
            byKey.put(v.key().hex(), v);
        }
        for (ProposalPosting.Change c : changes) {
            PublicKey k = key(c);
            if (c.value() == 0) {
                byKey.remove(k.hex());
            } else {
                byKey.put(k.hex(), new Validator(k, c.value()));
            }
        }
        if (byKey.isEmpty()) {
            throw bad("These changes would leave no validator.");
        }
        return new ValidatorSet(new ArrayList<>(byKey.values()));
    }

    private static RejectedException bad(String detail) {
        return new RejectedException(Reason.MALFORMED, detail);
    }
}
