package org.mysqlreplication.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints the end-to-end comparison: per reader the medians over the rounds, the agreement of row counts and
 * checksums, and the ratios line (always the last line). Not thread-safe.
 */
public final class Report {

    private final Map<ReaderKind, List<Measurement>> byReader = new EnumMap<>(ReaderKind.class);
    private final long binlogBytes;
    private final long expectedRows;

    public Report(long binlogBytes, long expectedRows) {
        this.binlogBytes = binlogBytes;
        this.expectedRows = expectedRows;
    }

    public void add(Measurement m) {
        byReader.computeIfAbsent(m.reader(), k -> new ArrayList<>()).add(m);
    }

    /** The median over the rounds of a reader's figure. */
    double median(ReaderKind k, ToDoubleFunction<Measurement> f) {
        List<Measurement> ms = byReader.get(k);
        if (ms == null || ms.isEmpty()) {
            return Double.NaN;
        }
        double[] v = ms.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    double wall(ReaderKind k) {
        return median(k, m -> m.wallNanos() / 1e9);
    }

    double rowsPerSecond(ReaderKind k) {
        return expectedRows / wall(k);
    }

    double allocPerRow(ReaderKind k) {
        return median(k, m -> (double) m.allocated() / expectedRows);
    }

    /** The whole report; its last line is the ratios line. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%-21s %8s %8s %9s %11s %8s %12s %10s %8s%n",
                "reader",
                "wall_s",
                "cpu_s",
                "thr_cpu_s",
                "rows/s",
                "MB/s",
                "alloc_B/row",
                "peak_heap",
                "rss_MB"));
        for (ReaderKind k : ReaderKind.values()) {
            if (!byReader.containsKey(k)) {
                continue;
            }
            double wall = wall(k);
            s.append(String.format(
                    Locale.ROOT,
                    "%-21s %8.2f %8.2f %9.2f %11.0f %8.1f %12.0f %8.0fMB %8.0f%n",
                    k.label(),
                    wall,
                    median(k, m -> m.cpuNanos() / 1e9),
                    median(k, m -> m.threadCpuNanos() / 1e9),
                    rowsPerSecond(k),
                    binlogBytes / 1e6 / wall,
                    allocPerRow(k),
                    median(k, m -> m.peakHeap() / 1e6),
                    median(k, m -> m.rssHwm() / 1e6)));
        }
        s.append(String.format(
                Locale.ROOT,
                "(medians of %d round(s); binlog %.1f MB; %d row images expected; "
                        + "rows/s = expected rows / wall, also for raw-packets, which decodes nothing; cpu_s = process CPU "
                        + "(all threads, JIT and GC included); thr_cpu_s = the reading thread; alloc = all threads)%n",
                rounds(),
                binlogBytes / 1e6,
                expectedRows));
        s.append(agreement());
        s.append(String.format(
                Locale.ROOT,
                "ratios: network_rows_per_s_vs_connector=%.2f file_rows_per_s_vs_connector=%.2f "
                        + "network_wall_vs_raw=%.2f alloc_per_row_vs_connector=%.2f",
                rowsPerSecond(ReaderKind.OURS_NETWORK) / rowsPerSecond(ReaderKind.CONNECTOR_NETWORK),
                rowsPerSecond(ReaderKind.OURS_FILE) / rowsPerSecond(ReaderKind.CONNECTOR_FILE),
                wall(ReaderKind.OURS_NETWORK) / wall(ReaderKind.RAW_PACKETS),
                allocPerRow(ReaderKind.OURS_NETWORK) / allocPerRow(ReaderKind.CONNECTOR_NETWORK)));
        return s.toString();
    }

    private int rounds() {
        return byReader.values().stream().mapToInt(List::size).max().orElse(0);
    }

    /** Rows per reader against the workload, and the checksums of the compared columns across readers. */
    String agreement() {
        StringBuilder s = new StringBuilder();
        Long compared = null;
        boolean comparedAgree = true;
        boolean rowsAgree = true;
        StringBuilder rows = new StringBuilder();
        for (ReaderKind k : ReaderKind.values()) {
            List<Measurement> ms = byReader.get(k);
            if (ms == null || !k.decodes()) {
                continue;
            }
            for (Measurement m : ms) {
                rowsAgree &= m.rows() == expectedRows;
                if (!k.readsEveryValue()) {
                    continue;
                }
                if (compared == null) {
                    compared = m.comparedChecksum();
                }
                comparedAgree &= m.comparedChecksum() == compared;
            }
            rows.append(' ').append(k.label()).append('=').append(ms.get(0).rows());
        }
        s.append("rows:")
                .append(rows)
                .append(rowsAgree ? " (all equal to the workload's " : " (MISMATCH: expected ")
                .append(expectedRows)
                .append(")\n");
        s.append("checksum of compared columns [")
                .append(ValueFold.COMPARED_NAMES)
                .append("]: ")
                .append(comparedAgree ? "agree" : "DIFFER")
                .append(" across all readers of every value and rounds");
        s.append(String.format(Locale.ROOT, " (%016x)%n", compared == null ? 0 : compared));
        s.append("not compared: body TEXT, doc JSON (ours String, connector byte[]; folded by each reader, "
                + "checked by WorkloadAgreementIT)\n");
        s.append("full checksum ours-network vs ours-file: ")
                .append(sameAll(ReaderKind.OURS_NETWORK, ReaderKind.OURS_FILE))
                .append("; ours-network vs ours-network-lazy: ")
                .append(sameAll(ReaderKind.OURS_NETWORK, ReaderKind.OURS_NETWORK_LAZY))
                .append("; keys eager vs lazy: ")
                .append(sameAll(ReaderKind.OURS_NETWORK_KEY, ReaderKind.OURS_NETWORK_LAZY_KEY))
                .append("; connector-network vs connector-file: ")
                .append(sameAll(ReaderKind.CONNECTOR_NETWORK, ReaderKind.CONNECTOR_FILE))
                .append('\n');
        return s.toString();
    }

    private String sameAll(ReaderKind a, ReaderKind b) {
        List<Measurement> x = byReader.get(a);
        List<Measurement> y = byReader.get(b);
        if (x == null || y == null) {
            return "n/a";
        }
        return x.get(0).allChecksum() == y.get(0).allChecksum() ? "agree" : "DIFFER";
    }
}
