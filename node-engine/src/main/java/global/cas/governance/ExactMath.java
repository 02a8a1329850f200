package global.cas.governance;

/** Overflow-proof comparisons of products of non-negative longs, on their full 128-bit values. */
final class ExactMath {
    private ExactMath() {}

    /** Compares a*x with b*y exactly; all four must be non-negative. */
    static int compareProducts(long a, long x, long b, long y) {
        if (a < 0 || x < 0 || b < 0 || y < 0) {
            throw new IllegalArgumentException("negative factor");
        }
        int hi = Long.compare(Math.multiplyHigh(a, x), Math.multiplyHigh(b, y));
        return hi != 0 ? hi : Long.compareUnsigned(a * x, b * y);
    }
}
