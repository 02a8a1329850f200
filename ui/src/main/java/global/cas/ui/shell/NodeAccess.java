package global.cas.ui.shell;

import global.cas.node.query.NodeQueries;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * How the UI reaches the embedded node without ever blocking the FX thread: the node may still be
 * opening its database when the window appears, so {@link #ready()} completes once it is there,
 * and every {@link #call} runs on a background thread and returns a {@code CompletableFuture}
 * (complete it on the FX thread with {@code Platform::runLater} or {@link FxExecutor}).
 * Thread-safe.
 */
public final class NodeAccess implements AutoCloseable {
    private final CompletableFuture<NodeQueries> ready;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "cas-ui-call");
        t.setDaemon(true);
        return t;
    });

    /** @param ready the node once started: the program passes its {@code Node}, seen only through its queries */
    public NodeAccess(CompletableFuture<? extends NodeQueries> ready) {
        this.ready = ready.thenApply(n -> n);
    }

    /** Completes when the node has opened its database and started. */
    public CompletableFuture<NodeQueries> ready() {
        return ready;
    }

    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Runs {@code query} against the node on a background thread, once the node is ready. */
    public <T> CompletableFuture<T> call(Function<NodeQueries, T> query) {
        return ready.thenApplyAsync(query, workers);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
