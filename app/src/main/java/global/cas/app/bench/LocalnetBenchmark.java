package global.cas.app.bench;

import global.cas.app.localnet.Localnet;
import global.cas.bench.VerifyBenchmark;
import global.cas.crypto.Network;
import global.cas.ledger.Transaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code cas bench --localnet N}: a new localnet of N validator processes in a temporary folder
 * ({@link Localnet}, each its own {@code cas node --headless}), loaded over JSON-RPC as clients
 * would load it. (1) Saturating: every transfer submitted as fast as the nodes take them, spread
 * over the validators in batches; committed transfers a second from the first submission to the
 * last commit any submitting client saw. (2) An offered load of a fixed rate: each transfer's
 * finality, from its submission to the moment the client that submitted it sees it committed
 * (polling its node every {@value CommitWatcher#POLL_MILLIS} ms), p50 and p99. The nodes are
 * stopped at the end, on failure too; every wait is bounded. CPU time per node process and thread
 * group comes from {@code /proc} ({@link ProcessCpu}). Not thread-safe: one run at a time.
 * The coins and transfers are {@link LocalnetCoins}'. Only the report's rates and times are
 * floating point.
 */
public final class LocalnetBenchmark {
    static final int SUBMIT_BATCH = 100;
    private static final int SUBMITTERS_PER_NODE = 2;
    private static final long START_MILLIS = 120_000;
    /** A wait for commits ends when none came for this long. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** What to run. */
    public record Settings(
            int validators,
            int warmUp,
            int transfers,
            int offeredPerSecond,
            int offeredSeconds,
            long blockIntervalMillis,
            OptionalInt maxBlockTransactions,
            List<String> nodeJvmOptions) {}

    private final Path dir;
    private final Settings settings;
    private final PrintWriter out;
    private final List<ProcessHandle> processes = new ArrayList<>();
    private final Localnet net;
    private final List<BatchRpc> clients = new ArrayList<>();
    private final List<CommitWatcher> watchers = new ArrayList<>();

    public LocalnetBenchmark(Path dir, Settings settings, PrintWriter out) {
        this.dir = dir;
        this.settings = settings;
        this.out = out;
        this.net = new Localnet(dir);
    }

    /** Runs both measurements and prints them; the nodes are stopped before it returns or throws. */
    public void run() throws Exception {
        int n = settings.validators();
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(
                "localnet bench: %d validator process(es), %d warm-up transfers, %d transfers saturating, then %d/s for %d s; blocks every"
                        + " %d ms; %d cores; load average %s; folder %s%n",
                n,
                settings.warmUp(),
                settings.transfers(),
                settings.offeredPerSecond(),
                settings.offeredSeconds(),
                settings.blockIntervalMillis(),
                cores,
                loadAverage(),
                dir);
        double verify = VerifyBenchmark.run(cores, 3.0);
        out.printf(
                "Ed25519 verify on %d cores: %.0f/s; each validator verifies each transfer once, so %d co-located"
                        + " validators share a ceiling of %.0f transfers/s%n",
                cores, verify, n, verify / n);
        out.flush();
        net.create(n);
        if (settings.maxBlockTransactions().isPresent()) {
            Path genesis = dir.resolve(Localnet.GENESIS);
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(genesis.toFile());
            root.put("maxBlockTransactions", settings.maxBlockTransactions().getAsInt());
            Files.write(genesis, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        }
        out.printf(
                "genesis: at most %d transfers a block; node JVM options %s%n",
                global.cas.chain.Genesis.load(dir.resolve(Localnet.GENESIS)).maxBlockTransactions(),
                settings.nodeJvmOptions());
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(Localnet.freePort());
        }
        Thread hook = new Thread(this::stopNodes, "cas-bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            net.startNodes(ports, OptionalLong.of(settings.blockIntervalMillis()), settings.nodeJvmOptions());
            for (Path node : net.nodes()) {
                Localnet.process(node).ifPresent(processes::add);
            }
            for (Path node : net.nodes()) {
                Localnet.awaitRpc(node, START_MILLIS);
                clients.add(BatchRpc.forDataDir(node));
            }
            awaitHeight(3);
            measure(net.network());
        } finally {
            for (CommitWatcher w : watchers) {
                w.close();
            }
            stopNodes();
            for (BatchRpc c : clients) {
                c.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException stopping) {
                // the JVM is stopping: the hook runs anyway
            }
        }
    }

    private void measure(Network network) throws Exception {
        int offered = settings.offeredPerSecond() * settings.offeredSeconds();
        int needed = settings.warmUp() + settings.transfers() + offered;
        long setupStart = System.nanoTime();
        LocalnetCoins coins = new LocalnetCoins(clients.get(0), network);
        List<LocalnetCoins.Coin> all = coins.prepare(needed);
        out.printf(
                "setup: %d coins in %d round(s) of splits, %.1f s%n",
                all.size(), coins.rounds(), (System.nanoTime() - setupStart) / 1e9);
        List<Transaction> saturating = coins.payments(all.subList(0, settings.transfers()));
        int paceFrom = settings.transfers();
        int warmFrom = paceFrom + offered;
        List<Transaction> paced = coins.payments(all.subList(paceFrom, warmFrom));
        List<Transaction> warm = coins.payments(all.subList(warmFrom, needed));
        out.flush();
        for (int i = 0; i < clients.size(); i++) {
            long h = clients.get(i).call("chain_info", Map.of()).path("height").asLong();
            watchers.add(new CommitWatcher(clients.get(i), h, "node-" + i));
        }
        if (!warm.isEmpty()) {
            saturate(warm, false);
        }
        saturate(saturating, true);
        offer(paced);
    }

    /** (1) Every transfer at once, spread over the validators; committed transfers a second. */
    private void saturate(List<Transaction> txs, boolean measured) throws Exception {
        int n = clients.size();
        int[] nodeOf = new int[txs.size()];
        for (int k = 0; k < txs.size(); k++) {
            nodeOf[k] = (k / SUBMIT_BATCH) % n;
        }
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        boolean[] accepted = new boolean[txs.size()];
        List<ProcessCpu> cpuBefore = cpu();
        long clientCpuBefore = clientCpuNanos();
        List<ExecutorService> senders = new ArrayList<>();
        List<Future<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                senders.add(Executors.newFixedThreadPool(SUBMITTERS_PER_NODE));
            }
            for (int from = 0; from < txs.size(); from += SUBMIT_BATCH) {
                int f = from;
                int to = Math.min(txs.size(), from + SUBMIT_BATCH);
                int node = nodeOf[from];
                sent.add(senders.get(node).submit(() -> {
                    send(clients.get(node), txs, f, to, accepted, refused);
                    return null;
                }));
            }
            for (Future<?> s : sent) {
                s.get(10, TimeUnit.MINUTES);
            }
        } finally {
            senders.forEach(ExecutorService::shutdownNow);
        }
        long admitted = System.nanoTime();
        long[] seen = awaitSeen(txs, nodeOf, accepted);
        long last = Arrays.stream(seen).filter(s -> s > 0).max().orElse(start);
        int committed = (int) Arrays.stream(seen).filter(s -> s > 0).count();
        List<ProcessCpu> used = since(cpuBefore);
        long clientCpu = clientCpuNanos() - clientCpuBefore;
        double seconds = (last - start) / 1e9;
        if (!measured) {
            out.printf(
                    "warm-up (not measured): %d of %d transfers committed in %.2f s%n", committed, txs.size(), seconds);
            out.flush();
            return;
        }
        out.printf(
                "%n(1) saturating: %d of %d transfers committed in %.2f s = %.0f committed transfers/s (all"
                        + " submitted after %.2f s)%n",
                committed, txs.size(), seconds, committed / seconds, (admitted - start) / 1e9);
        LocalnetReport.refused(out, refused);
        LocalnetReport.blocks(out, watchers.get(0).blocks(), start, last);
        LocalnetReport.cpu(out, used, committed, seconds, clientCpu);
        out.flush();
    }

    /** (2) A fixed offered rate for a fixed time; finality of each transfer as its client sees it. */
    private void offer(List<Transaction> txs) throws Exception {
        int rate = settings.offeredPerSecond();
        List<ProcessCpu> cpuBefore = cpu();
        long clientCpuBefore = clientCpuNanos();
        PacedSubmitter.Sent sent = PacedSubmitter.run(txs, clients, rate, settings.offeredSeconds() + 60L);
        long t0 = sent.startNanos();
        long sentEnd = sent.endNanos();
        long[] submitted = sent.submitted();
        Map<String, AtomicInteger> refused = sent.refused();
        long[] seen = awaitSeen(txs, sent.nodeOf(), sent.accepted());
        List<ProcessCpu> used = since(cpuBefore);
        long clientCpu = clientCpuNanos() - clientCpuBefore;
        List<Long> finality = new ArrayList<>();
        long last = t0;
        for (int k = 0; k < txs.size(); k++) {
            if (seen[k] > 0) {
                finality.add(seen[k] - submitted[k]);
                last = Math.max(last, seen[k]);
            }
        }
        finality.sort(Comparator.naturalOrder());
        double seconds = (last - t0) / 1e9;
        out.printf(
                "%n(2) offered %d transfers/s for %d s: %d of %d submitted in %.2f s (%.0f/s; a batch left the client"
                        + " at most %.0f ms after its time), %d committed (%.0f/s over %.2f s)%n",
                rate,
                settings.offeredSeconds(),
                txs.size(),
                txs.size(),
                (sentEnd - t0) / 1e9,
                txs.size() / ((sentEnd - t0) / 1e9),
                sent.maxLagNanos() / 1e6,
                finality.size(),
                finality.size() / seconds,
                seconds);
        if (!finality.isEmpty()) {
            out.printf(
                    "    finality (submission -> commit seen by the submitting client): p50 %.0f ms, p90 %.0f ms,"
                            + " p99 %.0f ms, max %.0f ms%n",
                    LocalnetReport.percentile(finality, 50) / 1e6,
                    LocalnetReport.percentile(finality, 90) / 1e6,
                    LocalnetReport.percentile(finality, 99) / 1e6,
                    finality.get(finality.size() - 1) / 1e6);
        }
        LocalnetReport.refused(out, refused);
        LocalnetReport.blocks(out, watchers.get(0).blocks(), t0, last);
        LocalnetReport.cpu(out, used, finality.size(), seconds, clientCpu);
        out.flush();
    }

    /** Submits {@code txs[from, to)} to one node in one batch, noting which were taken and why not. */
    static void send(
            BatchRpc client,
            List<Transaction> txs,
            int from,
            int to,
            boolean[] accepted,
            Map<String, AtomicInteger> refused)
            throws IOException, InterruptedException {
        List<Map<String, String>> params = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            params.add(Map.of("raw", HexFormat.of().formatHex(txs.get(k).encoded())));
        }
        List<BatchRpc.Answer> answers = client.batch("tx_send", params);
        for (int k = from; k < to; k++) {
            BatchRpc.Answer a = answers.get(k - from);
            if (a.ok()) {
                accepted[k] = true;
            } else {
                refused.computeIfAbsent(a.reason(), x -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    /**
     * Waits until the client of each accepted transfer's node has seen it committed, or until no
     * commit came for a minute; the moment each was seen (0: not seen).
     */
    private long[] awaitSeen(List<Transaction> txs, int[] nodeOf, boolean[] accepted) throws InterruptedException {
        long[] seen = new long[txs.size()];
        String[] ids = txs.stream().map(t -> t.id().hex()).toArray(String[]::new);
        int wanted = 0;
        for (boolean a : accepted) {
            wanted += a ? 1 : 0;
        }
        int count = 0;
        long progress = System.nanoTime();
        while (true) {
            int c = 0;
            for (int k = 0; k < ids.length; k++) {
                if (accepted[k] && seen[k] == 0) {
                    Long s = watchers.get(nodeOf[k]).seen(ids[k]);
                    if (s != null) {
                        seen[k] = s;
                    }
                }
                if (seen[k] > 0) {
                    c++;
                }
            }
            if (c >= wanted) {
                return seen;
            }
            if (c > count) {
                count = c;
                progress = System.nanoTime();
            } else if (System.nanoTime() - progress > STALL_NANOS) {
                out.printf(
                        "no commit for %d s: %d of %d accepted transfers seen committed; watcher errors: %s%n",
                        TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS),
                        c,
                        wanted,
                        watchers.stream().map(CommitWatcher::failure).toList());
                return seen;
            }
            Thread.sleep(20);
        }
    }

    /** The nodes' CPU snapshots, then the machine's busy time and the nodes' extra rounds, last. */
    private List<ProcessCpu> cpu() {
        List<ProcessCpu> l = new ArrayList<>(
                processes.stream().map(p -> ProcessCpu.of(p.pid())).toList());
        Map<String, Long> m = new HashMap<>();
        m.put(ProcessCpu.TOTAL, ProcessCpu.machineBusyNanos());
        m.put("extraRounds", extraRounds());
        l.add(new ProcessCpu(Map.copyOf(m)));
        return l;
    }

    /** The consensus rounds past round 0 the nodes went through so far (net_info), summed. */
    private long extraRounds() {
        long sum = 0;
        for (BatchRpc c : clients) {
            try {
                sum += c.call("net_info", Map.of())
                        .path("consensus")
                        .path("extraRounds")
                        .asLong();
            } catch (Exception e) {
                // not answering: counted as none
            }
        }
        return sum;
    }

    private List<ProcessCpu> since(List<ProcessCpu> before) {
        List<ProcessCpu> now = cpu();
        List<ProcessCpu> out = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            out.add(now.get(i).minus(before.get(i)));
        }
        return out;
    }

    private static long clientCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toNanos)
                .orElse(0L);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Waits until every node's chain reached {@code height} (consensus runs between all of them). */
    private void awaitHeight(long height) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
        for (BatchRpc c : clients) {
            while (c.call("chain_info", Map.of()).path("height").asLong() < height) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the localnet did not reach height " + height + " within "
                            + START_MILLIS / 1000 + " s; see the node.log files in " + dir);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops every node process this run started: SIGTERM, then a kill after 30 s. */
    private void stopNodes() {
        for (Path node : net.nodes()) {
            Localnet.process(node).filter(p -> !processes.contains(p)).ifPresent(processes::add);
        }
        for (ProcessHandle p : processes) {
            p.destroy();
        }
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }
}
