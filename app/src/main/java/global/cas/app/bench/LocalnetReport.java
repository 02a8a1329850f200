package global.cas.app.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lines of the localnet benchmark's report: percentiles, refusals, the blocks a client saw, CPU
 * per node and thread group ({@link ProcessCpu}) and the machine's other work. Floating point only
 * for what is printed. Stateless.
 */
final class LocalnetReport {
    private LocalnetReport() {}

    /** The {@code p}th percentile of sorted values (nearest rank). */
    static long percentile(List<Long> sorted, int p) {
        int i = (int) Math.ceil(sorted.size() * p / 100.0) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static void refused(PrintWriter out, Map<String, AtomicInteger> refused) {
        if (!refused.isEmpty()) {
            out.printf("    refused at submission: %s%n", new TreeMap<>(refused));
        }
    }

    /** The blocks node 0's client saw in {@code [from, to]}: how many held transfers, their sizes. */
    static void blocks(PrintWriter out, List<CommitWatcher.Seen> seen, long from, long to) {
        List<CommitWatcher.Seen> in =
                seen.stream().filter(b -> b.nanos() >= from && b.nanos() <= to).toList();
        long full = in.stream().filter(b -> b.transactions() > 0).count();
        int max = in.stream().mapToInt(CommitWatcher.Seen::transactions).max().orElse(0);
        long sum = in.stream().mapToLong(CommitWatcher.Seen::transactions).sum();
        out.printf(
                "    blocks seen by node-0's client meanwhile: %d (%d with transfers, largest %d, %.0f a block with"
                        + " transfers), heights %s%n",
                in.size(),
                full,
                max,
                full == 0 ? 0.0 : (double) sum / full,
                in.isEmpty()
                        ? "-"
                        : in.get(0).height() + "-" + in.get(in.size() - 1).height());
    }

    static void cpu(PrintWriter out, List<ProcessCpu> all, int transfers, double seconds, long clientCpu) {
        List<ProcessCpu> used = all.subList(0, all.size() - 1);
        ProcessCpu machine = all.get(all.size() - 1);
        long total = 0;
        for (int i = 0; i < used.size(); i++) {
            ProcessCpu u = used.get(i);
            total += u.get(ProcessCpu.TOTAL);
            StringBuilder groups = new StringBuilder();
            for (String g : ProcessCpu.GROUPS) {
                groups.append(String.format(" %s %.0f", g, u.get(g) / 1e3 / Math.max(1, transfers)));
            }
            out.printf(
                    "    node-%d CPU %.2f s (%.2f cores), µs a transfer:%s; process %.0f%n",
                    i,
                    u.get(ProcessCpu.TOTAL) / 1e9,
                    u.get(ProcessCpu.TOTAL) / 1e9 / seconds,
                    groups,
                    u.get(ProcessCpu.TOTAL) / 1e3 / Math.max(1, transfers));
        }
        out.printf(
                "    all nodes %.2f cores (%.0f µs a transfer); this client %.2f cores; the rest of the machine %.2f"
                        + " cores; consensus rounds past round 0 (all nodes) %d%n",
                total / 1e9 / seconds,
                total / 1e3 / Math.max(1, transfers),
                clientCpu / 1e9 / seconds,
                Math.max(0, machine.get(ProcessCpu.TOTAL) - total - clientCpu) / 1e9 / seconds,
                machine.get("extraRounds"));
    }
}
