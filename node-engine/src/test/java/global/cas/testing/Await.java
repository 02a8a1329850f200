package global.cas.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waiting on a condition, for tests that cannot be told when something happened. */
public final class Await {
    private Await() {}

    /**
     * Returns once {@code condition} holds, polling every 10 ms.
     *
     * @throws AssertionError naming {@code what} when it does not hold within {@code limit}
     */
    public static void until(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(10);
        }
    }
}
