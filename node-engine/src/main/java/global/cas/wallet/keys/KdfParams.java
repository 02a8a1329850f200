package global.cas.wallet.keys;

/**
 * Argon2id cost parameters of a keystore file. They are stored in the file, so files written with
 * the defaults of today still open after the defaults are raised. Immutable and thread-safe.
 *
 * @param iterations passes over memory (Argon2's t), 1 to {@value #MAX_ITERATIONS}
 * @param memoryKiB memory in KiB (Argon2's m), at least 8 per lane and at most 4 GiB
 * @param parallelism lanes (Argon2's p), 1 to {@value #MAX_PARALLELISM}
 */
public record KdfParams(int iterations, int memoryKiB, int parallelism) {
    /** The defaults for new files: t = 3, m = 64 MiB, p = 1. */
    public static final KdfParams DEFAULT = new KdfParams(3, 64 * 1024, 1);

    static final int MAX_ITERATIONS = 100;
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_PARALLELISM = 16;

    /**
     * @throws IllegalArgumentException when a value is outside the bounds above (the upper bounds
     *     keep a damaged file from asking for absurd work)
     */
    public KdfParams {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations are 1 to " + MAX_ITERATIONS + ", got " + iterations);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException(
                    "Argon2 parallelism is 1 to " + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "Argon2 memory is " + 8 * parallelism + " KiB to 4 GiB, got " + memoryKiB + " KiB");
        }
    }
}
