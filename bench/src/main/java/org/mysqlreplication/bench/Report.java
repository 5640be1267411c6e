package org.mysqlreplication.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints the end-to-end comparison: per reader the medians of its cold passes (the first of each JVM) and of its
 * warm passes (the later ones, over all rounds), the agreement of row counts and checksums, the JSON targets and
 * the ratios line (always the last line, from the warm passes). Not thread-safe.
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

    /** The median of a reader's figure over its warm passes ({@code warm}) or its cold ones. */
    double median(ReaderKind k, boolean warm, ToDoubleFunction<Measurement> f) {
        List<Measurement> ms = byReader.get(k);
        if (ms == null) {
            return Double.NaN;
        }
        double[] v = ms.stream()
                .filter(m -> m.warm() == warm)
                .mapToDouble(f)
                .sorted()
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    double wall(ReaderKind k, boolean warm) {
        return median(k, warm, m -> m.wallNanos() / 1e9);
    }

    double rowsPerSecond(ReaderKind k, boolean warm) {
        return expectedRows / wall(k, warm);
    }

    double allocPerRow(ReaderKind k, boolean warm) {
        return median(k, warm, m -> (double) m.allocated() / expectedRows);
    }

    /** Process CPU (all threads) per row image, in microseconds. */
    double cpuPerRow(ReaderKind k, boolean warm) {
        return median(k, warm, m -> m.cpuNanos() / 1e3 / expectedRows);
    }

    /** The whole report; its last line is the ratios line. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append(table(false, "cold: the first pass of each reader's JVM"));
        s.append('\n');
        s.append(table(true, "warm: the later passes of each JVM, over all rounds"));
        s.append(String.format(
                Locale.ROOT,
                "(%d round(s) of %s pass(es) per JVM; binlog %.1f MB; %d row images expected; "
                        + "rows/s = expected rows / wall, also for raw-packets, which decodes nothing; cpu = process CPU "
                        + "(all threads: read-ahead, JIT and GC included); thr = the reading thread (maxwell, debezium: the thread that waits for their output); jit, gc = "
                        + "the JIT compiler and GC threads (lower bounds); oth = the rest (read-ahead and other threads); alloc = all threads; maxwell and debezium "
                        + "start after the DDL and count their JSON records as rows)%n",
                rounds(),
                passes(),
                binlogBytes / 1e6,
                expectedRows));
        s.append(agreement());
        s.append(String.format(
                Locale.ROOT,
                "json targets (warm): ours-json wall_vs_raw=%.2f cpu_per_row_vs_maxwell=%.3f; "
                        + "ours-network wall_vs_raw=%.2f%n",
                wall(ReaderKind.OURS_JSON, true) / wall(ReaderKind.RAW_PACKETS, true),
                cpuPerRow(ReaderKind.OURS_JSON, true) / cpuPerRow(ReaderKind.MAXWELL, true),
                wall(ReaderKind.OURS_NETWORK, true) / wall(ReaderKind.RAW_PACKETS, true)));
        s.append(String.format(
                Locale.ROOT,
                "ratios: network_rows_per_s_vs_connector=%.2f file_rows_per_s_vs_connector=%.2f "
                        + "network_wall_vs_raw=%.2f alloc_per_row_vs_connector=%.2f "
                        + "warm_cpu_per_row_vs_connector=%.2f json_rows_per_s_vs_maxwell=%.2f "
                        + "json_rows_per_s_vs_debezium=%.2f",
                rowsPerSecond(ReaderKind.OURS_NETWORK, true) / rowsPerSecond(ReaderKind.CONNECTOR_NETWORK, true),
                rowsPerSecond(ReaderKind.OURS_FILE, true) / rowsPerSecond(ReaderKind.CONNECTOR_FILE, true),
                wall(ReaderKind.OURS_NETWORK, true) / wall(ReaderKind.RAW_PACKETS, true),
                allocPerRow(ReaderKind.OURS_NETWORK, true) / allocPerRow(ReaderKind.CONNECTOR_NETWORK, true),
                cpuPerRow(ReaderKind.OURS_NETWORK, true) / cpuPerRow(ReaderKind.CONNECTOR_NETWORK, true),
                rowsPerSecond(ReaderKind.OURS_JSON, true) / rowsPerSecond(ReaderKind.MAXWELL, true),
                rowsPerSecond(ReaderKind.OURS_JSON, true) / rowsPerSecond(ReaderKind.DEBEZIUM, true)));
        return s.toString();
    }

    private String table(boolean warm, String title) {
        StringBuilder s = new StringBuilder(title).append('\n');
        s.append(String.format(
                Locale.ROOT,
                "%-21s %7s %10s %7s %7s %7s %7s %7s %7s %11s %9s %7s%n",
                "reader",
                "wall_s",
                "rows/s",
                "MB/s",
                "cpu_us",
                "thr_us",
                "jit_us",
                "gc_us",
                "oth_us",
                "alloc_B/row",
                "peak_heap",
                "rss_MB"));
        s.append(String.format(
                Locale.ROOT,
                "%-21s %7s %10s %7s %7s %7s %7s %7s %7s%n",
                "",
                "",
                "",
                "",
                "/row",
                "/row",
                "/row",
                "/row",
                "/row"));
        for (ReaderKind k : ReaderKind.values()) {
            if (!byReader.containsKey(k) || Double.isNaN(wall(k, warm))) {
                continue;
            }
            double wall = wall(k, warm);
            s.append(String.format(
                    Locale.ROOT,
                    "%-21s %7.2f %10.0f %7.1f %7.2f %7.2f %7.2f %7.2f %7.2f %11.0f %7.0fMB %7.0f%n",
                    k.label(),
                    wall,
                    rowsPerSecond(k, warm),
                    binlogBytes / 1e6 / wall,
                    cpuPerRow(k, warm),
                    median(k, warm, m -> m.threadCpuNanos() / 1e3 / expectedRows),
                    median(k, warm, m -> m.jitCpuNanos() / 1e3 / expectedRows),
                    median(k, warm, m -> m.gcCpuNanos() / 1e3 / expectedRows),
                    median(k, warm, m -> m.otherCpuNanos() / 1e3 / expectedRows),
                    allocPerRow(k, warm),
                    median(k, warm, m -> m.peakHeap() / 1e6),
                    median(k, warm, m -> m.rssHwm() / 1e6)));
        }
        return s.toString();
    }

    private String passes() {
        int min = byReader.values().stream()
                .flatMap(List::stream)
                .mapToInt(Measurement::pass)
                .max()
                .orElse(0);
        return Integer.toString(min);
    }

    private int rounds() {
        return (int) byReader.values().stream()
                .mapToLong(ms -> ms.stream().filter(m -> m.pass() == 1).count())
                .max()
                .orElse(0);
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
                .append("; ours-json bytes in every pass: ")
                .append(samePasses(ReaderKind.OURS_JSON))
                .append('\n');
        StringBuilder json = new StringBuilder();
        for (ReaderKind k : ReaderKind.values()) {
            List<Measurement> ms = byReader.get(k);
            if (ms != null && k.writesJson()) {
                json.append(String.format(
                        Locale.ROOT,
                        " %s=%.0f",
                        k.label(),
                        (double) ms.get(0).bytes() / Math.max(1, ms.get(0).rows())));
            }
        }
        if (json.length() > 0) {
            s.append("JSON bytes per row:").append(json).append('\n');
        }
        return s.toString();
    }

    private String samePasses(ReaderKind k) {
        List<Measurement> x = byReader.get(k);
        if (x == null) {
            return "n/a";
        }
        return x.stream().allMatch(m -> m.allChecksum() == x.get(0).allChecksum()) ? "agree" : "DIFFER";
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
