package global.cas.consensus.driver;

/**
 * The driver's clock and timers. In the node: the wall clock and a single-threaded executor; in a
 * simulation: virtual time. Tasks run on the driver's thread, one at a time.
 */
public interface Scheduler {
    /** Milliseconds since the epoch (virtual in a simulation). */
    long now();

    /** Runs {@code task} on the driver's thread after {@code delayMillis}. */
    void schedule(long delayMillis, Runnable task);
}
