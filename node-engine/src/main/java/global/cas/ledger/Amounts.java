package global.cas.ledger;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;

/** Checked arithmetic on base-unit amounts (U1): every overflow rejects with {@code AMOUNT_OVERFLOW}. */
public final class Amounts {
    /** Base units per CAS (U1). */
    public static final long UNITS_PER_CAS = 100_000_000L;

    private Amounts() {}

    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new RejectedException(
                    Reason.AMOUNT_OVERFLOW, "The sum of amounts exceeds the largest representable value.");
        }
    }

    public static long subtract(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new RejectedException(
                    Reason.AMOUNT_OVERFLOW, "An amount difference exceeds the representable range.");
        }
    }

    public static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new RejectedException(
                    Reason.AMOUNT_OVERFLOW, "A product of amounts exceeds the largest representable value.");
        }
    }

    public static long cas(long wholeCas) {
        return multiply(wholeCas, UNITS_PER_CAS);
    }

    /** Formats base units as a decimal CAS amount with up to 8 fraction digits, no floating point. */
    public static String format(long units) {
        String sign = units < 0 ? "-" : "";
        // abs of the quotient and remainder, not of units: Math.abs(Long.MIN_VALUE) is negative
        long whole = Math.abs(units / UNITS_PER_CAS);
        long frac = Math.abs(units % UNITS_PER_CAS);
        if (frac == 0) {
            return sign + whole;
        }
        // Locale.ROOT: a default locale such as ar-EG would otherwise write non-ASCII digits
        String f = String.format(java.util.Locale.ROOT, "%08d", frac).replaceAll("0+$", "");
        return sign + whole + "." + f;
    }

    /**
     * {@link #format}, with the whole part grouped by threes with commas ("99,999,232.499956") for
     * reading; {@link #parse} does not read it back.
     */
    public static String formatGrouped(long units) {
        String plain = format(units);
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        StringBuilder out = new StringBuilder(plain.length() + 8);
        out.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, end, plain.length()).toString();
    }

    /**
     * Parses a decimal CAS amount ("12.5") into base units, exactly.
     *
     * @throws RejectedException {@code NON_POSITIVE_AMOUNT}, {@code MALFORMED} or {@code AMOUNT_OVERFLOW}
     */
    public static long parse(String text) {
        String t = text.strip();
        if (!t.matches("\\d{1,11}(\\.\\d{1,8})?")) {
            throw new RejectedException(
                    Reason.MALFORMED,
                    "'" + text + "' is not an amount: use digits with at most 8 decimals, e.g. 12.5.");
        }
        int dot = t.indexOf('.');
        long whole = Long.parseLong(dot < 0 ? t : t.substring(0, dot));
        long frac = 0;
        if (dot >= 0) {
            String f = (t.substring(dot + 1) + "00000000").substring(0, 8);
            frac = Long.parseLong(f);
        }
        long units = add(multiply(whole, UNITS_PER_CAS), frac);
        if (units <= 0) {
            throw new RejectedException(Reason.NON_POSITIVE_AMOUNT, "The amount must be greater than zero.");
        }
        return units;
    }
}
