package global.cas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the process split by the node's threads between two moments: the signature
 * verifiers ({@code cas-verifier-*}), the chain thread ({@code cas-chain}), every other Java thread
 * (the benchmark's submitter among them) and the JVM's own threads (collectors, compilers: the
 * process's time minus every Java thread's). A thread that ended between the two moments counts
 * under the JVM's share. Not thread-safe.
 */
final class CpuBreakdown {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startByThread = new HashMap<>();
    private final long processStart;

    private CpuBreakdown() {
        processStart = processCpuNanos();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                startByThread.put(id, t);
            }
        }
    }

    /** Starts measuring now. */
    static CpuBreakdown start() {
        return new CpuBreakdown();
    }

    /** Nanoseconds of CPU since {@link #start} by group, in a fixed order, "process" last. */
    Map<String, Long> stop() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("verifiers", 0L);
        out.put("chain", 0L);
        out.put("other Java", 0L);
        long java = 0;
        for (long id : threads.getAllThreadIds()) {
            long now = threads.getThreadCpuTime(id);
            ThreadInfo info = threads.getThreadInfo(id);
            if (now < 0 || info == null) {
                continue;
            }
            long used = now - startByThread.getOrDefault(id, 0L);
            java += used;
            String name = info.getThreadName();
            String group =
                    name.startsWith("cas-verifier") ? "verifiers" : name.equals("cas-chain") ? "chain" : "other Java";
            out.merge(group, used, Long::sum);
        }
        long process = processCpuNanos() - processStart;
        out.put("JVM (GC, JIT)", Math.max(0, process - java));
        out.put("process", process);
        return out;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }
}
