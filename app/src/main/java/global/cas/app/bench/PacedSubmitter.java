package global.cas.app.bench;

import global.cas.ledger.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Submits transfers at a fixed offered rate: every 10 ms the transfers now due go to the next node
 * in turn, in batches of {@link LocalnetBenchmark#SUBMIT_BATCH}, one sending thread per node, each
 * transfer's submission time noted. Every wait is bounded.
 */
final class PacedSubmitter {
    /** What was sent: to which node, when, whether it was taken (and why not), and how late a batch left. */
    record Sent(
            int[] nodeOf,
            long[] submitted,
            boolean[] accepted,
            Map<String, AtomicInteger> refused,
            long startNanos,
            long endNanos,
            long maxLagNanos) {}

    private PacedSubmitter() {}

    static Sent run(List<Transaction> txs, List<BatchRpc> clients, int rate, long boundSeconds)
            throws InterruptedException {
        int n = clients.size();
        int[] nodeOf = new int[txs.size()];
        long[] submitted = new long[txs.size()];
        boolean[] accepted = new boolean[txs.size()];
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        AtomicLong maxLag = new AtomicLong();
        List<ExecutorService> senders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            senders.add(Executors.newSingleThreadExecutor());
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger tick = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(1);
        try {
            ticker.scheduleAtFixedRate(
                    () -> {
                        long now = System.nanoTime();
                        if (now < t0) {
                            return;
                        }
                        int due = (int) Math.min(txs.size(), (now - t0) * rate / 1_000_000_000L + 1);
                        int from = next.get();
                        if (due <= from) {
                            return;
                        }
                        next.set(due);
                        int node = tick.getAndIncrement() % n;
                        for (int k = from; k < due; k++) {
                            nodeOf[k] = node;
                        }
                        for (int f = from; f < due; f += LocalnetBenchmark.SUBMIT_BATCH) {
                            int a = f;
                            int b = Math.min(due, f + LocalnetBenchmark.SUBMIT_BATCH);
                            senders.get(node).execute(() -> {
                                long at = System.nanoTime();
                                for (int k = a; k < b; k++) {
                                    submitted[k] = at;
                                    long scheduled = t0 + k * 1_000_000_000L / rate;
                                    maxLag.accumulateAndGet(at - scheduled, Math::max);
                                }
                                try {
                                    LocalnetBenchmark.send(clients.get(node), txs, a, b, accepted, refused);
                                } catch (Exception e) {
                                    refused.computeIfAbsent(e.toString(), x -> new AtomicInteger())
                                            .addAndGet(b - a);
                                }
                            });
                        }
                        if (due == txs.size()) {
                            all.countDown();
                        }
                    },
                    0,
                    10,
                    TimeUnit.MILLISECONDS);
            if (!all.await(boundSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the offered load was not all scheduled in time");
            }
        } finally {
            ticker.shutdownNow();
            for (ExecutorService s : senders) {
                s.shutdown();
            }
            for (ExecutorService s : senders) {
                if (!s.awaitTermination(2, TimeUnit.MINUTES)) {
                    s.shutdownNow();
                }
            }
        }
        return new Sent(nodeOf, submitted, accepted, refused, t0, System.nanoTime(), maxLag.get());
    }
}
