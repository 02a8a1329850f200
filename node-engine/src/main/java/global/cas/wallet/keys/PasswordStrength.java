package global.cas.wallet.keys;

import me.gosimple.nbvcxz.Nbvcxz;

/**
 * How hard a wallet password is to guess, by nbvcxz (a zxcvbn-style estimator: dictionaries, common
 * passwords, keyboard patterns, dates, repeats), not by a length rule: "abc" and "Password1" are
 * very weak, four random words strong. A very weak password is refused when a wallet gets it; the
 * other levels are shown so the person can choose. Not thread-safe: use one per thread (building
 * it loads the dictionaries, about a tenth of a second).
 */
public final class PasswordStrength {
    /** The levels, weakest first (nbvcxz's basic score 0–4). */
    public enum Level {
        VERY_WEAK,
        WEAK,
        FAIR,
        STRONG,
        VERY_STRONG;

        /** Whether a wallet may be given a password of this level. */
        public boolean acceptable() {
            return this != VERY_WEAK;
        }
    }

    private final Nbvcxz estimator = new Nbvcxz();

    /** The level of {@code password}; an empty one is very weak. */
    public Level rate(CharSequence password) {
        if (password.isEmpty()) {
            return Level.VERY_WEAK;
        }
        int score = estimator.estimate(password.toString()).getBasicScore();
        return Level.values()[Math.max(0, Math.min(4, score))];
    }
}
