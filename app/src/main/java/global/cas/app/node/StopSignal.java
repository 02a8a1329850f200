package global.cas.app.node;

import com.google.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a running node to stop: the shutdown hook (Ctrl-C, SIGTERM) and tests request it; {@link
 * NodeRunner} waits for it. One per command line instance. Thread-safe.
 */
@Singleton
public final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    void await() throws InterruptedException {
        requested.await();
    }

    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return requested.await(timeout, unit);
    }
}
