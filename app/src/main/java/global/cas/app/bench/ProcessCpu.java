package global.cas.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of another process on Linux, by thread group, from {@code /proc/<pid>/task/<tid>/stat}
 * (the thread names the node gives: {@code cas-verifier-*} the mempool's signature checks, {@code
 * cas-chain} block execution and the H2 commit, {@code cas-consensus} the driver, {@code
 * cas-tx-gossip}, {@code cas-rpc*} the RPC, the Netty event loops of the peer-to-peer network,
 * the JVM's collectors ({@code gc}) and compilers ({@code jit}), and the rest). A snapshot is in clock ticks turned into
 * nanoseconds; threads that ended between two snapshots are lost to the groups but not to the
 * process total. Elsewhere than Linux every figure is zero. Immutable.
 */
record ProcessCpu(Map<String, Long> nanos) {
    static final String TOTAL = "process";
    static final String[] GROUPS = {"verifier", "chain", "consensus", "gossip", "rpc", "p2p", "gc", "jit", "other"};

    /** Linux's USER_HZ, the unit of {@code /proc} CPU times, is 100 on every usual kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static ProcessCpu of(long pid) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String g : GROUPS) {
            m.put(g, 0L);
        }
        m.put(TOTAL, ticks(Path.of("/proc", Long.toString(pid), "stat"), new String[1]) * NANOS_PER_TICK);
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> s = Files.list(tasks)) {
            s.forEach(t -> {
                String[] name = new String[1];
                long n = ticks(t.resolve("stat"), name) * NANOS_PER_TICK;
                if (name[0] != null) {
                    m.merge(group(name[0]), n, Long::sum);
                }
            });
        } catch (IOException | RuntimeException e) {
            // the process ended or this is not Linux: what was read stays
        }
        return new ProcessCpu(Map.copyOf(m));
    }

    /** CPU time all cores of the machine spent busy since boot ({@code /proc/stat}: all but idle and iowait). */
    static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String group(String thread) {
        if (thread.startsWith("cas-verifier")) {
            return "verifier";
        }
        if (thread.startsWith("cas-chain")) {
            return "chain";
        }
        if (thread.startsWith("cas-consensus")) {
            return "consensus";
        }
        if (thread.startsWith("cas-tx-gossip")) {
            return "gossip";
        }
        if (thread.startsWith("cas-rpc")) {
            return "rpc";
        }
        if (thread.startsWith("multiThreadIoEv") || thread.startsWith("p2p-")) {
            return "p2p";
        }
        if (thread.startsWith("G1") || thread.startsWith("GC ")) {
            return "gc";
        }
        if (thread.startsWith("C1 ") || thread.startsWith("C2 ")) {
            return "jit";
        }
        return "other";
    }

    /** utime + stime of a {@code stat} file, its thread name put in {@code name[0]}; 0 when unreadable. */
    private static long ticks(Path stat, String[] name) {
        try {
            String s = Files.readString(stat);
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            name[0] = s.substring(open + 1, close);
            String[] f = s.substring(close + 2).split(" ");
            // after "(comm) ": state is field 3, utime field 14, stime field 15
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    long get(String group) {
        return nanos.getOrDefault(group, 0L);
    }

    /** What was used from {@code before} to this snapshot. */
    ProcessCpu minus(ProcessCpu before) {
        Map<String, Long> m = new LinkedHashMap<>();
        nanos.forEach((k, v) -> m.put(k, Math.max(0, v - before.get(k))));
        return new ProcessCpu(Map.copyOf(m));
    }
}
