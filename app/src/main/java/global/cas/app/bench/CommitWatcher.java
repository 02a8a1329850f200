package global.cas.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches one node's chain over its RPC as a client would: polls {@code chain_info} every {@value
 * #POLL_MILLIS} ms and, for each new block, reads its transaction ids ({@code chain_block}, page
 * by page), noting for each id the moment this client first learned that it was committed (the
 * answer of the {@code chain_info} that showed the block). Runs on its own thread until closed.
 * Thread-safe.
 */
final class CommitWatcher implements AutoCloseable {
    static final long POLL_MILLIS = 20;

    /** A block as this client saw it: height, its transaction count, when it was first seen. */
    record Seen(long height, int transactions, long nanos) {}

    private final BatchRpc rpc;
    private final Thread thread;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final List<Seen> blocks = new ArrayList<>();
    private volatile long height;
    private volatile boolean stop;
    private volatile String failure = "";

    CommitWatcher(BatchRpc rpc, long fromHeight, String name) {
        this.rpc = rpc;
        this.height = fromHeight;
        this.thread = new Thread(this::loop, "cas-bench-watch-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        int errors = 0;
        while (!stop) {
            try {
                long tip = rpc.call("chain_info", Map.of()).path("height").asLong();
                long now = System.nanoTime();
                for (long h = height + 1; h <= tip; h++) {
                    read(h, now);
                    height = h;
                }
                errors = 0;
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failure = e.toString();
                if (++errors > 100) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void read(long h, long now) throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("height", h);
        params.put("limit", 1000);
        int count = 0;
        while (true) {
            JsonNode b = rpc.call("chain_block", params);
            count = b.path("transactionCount").asInt();
            for (JsonNode id : b.path("transactions")) {
                seen.putIfAbsent(id.asText(), now);
            }
            JsonNode next = b.path("next");
            if (!next.isTextual()) {
                break;
            }
            params.put("cursor", next.asText());
        }
        synchronized (blocks) {
            blocks.add(new Seen(h, count, now));
        }
    }

    /** When this client learned that {@code id} was committed, or null while it has not. */
    Long seen(String id) {
        return seen.get(id);
    }

    long height() {
        return height;
    }

    /** The last error met while polling (empty when none): polling goes on after one. */
    String failure() {
        return failure;
    }

    /** The blocks seen so far above the starting height, in order. */
    List<Seen> blocks() {
        synchronized (blocks) {
            return List.copyOf(blocks);
        }
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
