package global.cas.node.consensus;

import global.cas.consensus.driver.Scheduler;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consensus driver's thread and clock: one thread runs every timer and every message, in the
 * order they come; {@link #now} is the node's clock. A task that throws is logged and the thread
 * goes on. Thread-safe.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final Clock clock;
    private final ScheduledThreadPoolExecutor thread;

    public ExecutorScheduler(Clock clock, String threadName) {
        this.clock = clock;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // at close, timers not yet due are dropped; the running task is not interrupted (an
        // interrupt would close the write-ahead log's file channel in the middle of a write)
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long now() {
        return clock.millis();
    }

    @Override
    public void schedule(long delayMillis, Runnable task) {
        try {
            thread.schedule(guarded(task), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("consensus thread stopped; a timer was not set");
        }
    }

    /** Runs {@code task} on the driver's thread as soon as it is free. */
    public void execute(Runnable task) {
        schedule(0, task);
    }

    /**
     * Runs {@code task} on the driver's thread and waits for its result (for start and status).
     *
     * @throws IllegalStateException when the task does not finish within {@code timeoutMillis}
     */
    public <T> T call(Callable<T> task, long timeoutMillis) {
        try {
            return thread.submit(task).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the consensus thread did not answer within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the consensus thread");
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("consensus task failed; the driver goes on", e);
            }
        };
    }

    /** Stops the thread: queued timers are dropped, the running task finishes. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("consensus thread did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
