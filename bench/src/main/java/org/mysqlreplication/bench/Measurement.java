package org.mysqlreplication.bench;

import java.util.HashMap;
import java.util.Map;

/** One reader's measurements in one round, parsed from its child JVM's {@code RESULT} line. Immutable. */
public record Measurement(
        ReaderKind reader,
        long wallNanos,
        long cpuNanos,
        long threadCpuNanos,
        long allocated,
        long peakHeap,
        long rssHwm,
        long rows,
        long events,
        long bytes,
        long allChecksum,
        long comparedChecksum) {

    /** Parses {@code RESULT reader=... wall_ns=... ...}. */
    public static Measurement parse(String line) {
        if (!line.startsWith("RESULT ")) {
            throw new IllegalArgumentException("not a RESULT line: " + line);
        }
        Map<String, String> kv = new HashMap<>();
        for (String part : line.substring(7).trim().split(" ")) {
            int eq = part.indexOf('=');
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return new Measurement(
                ReaderKind.ofLabel(kv.get("reader")),
                num(kv, "wall_ns"),
                num(kv, "cpu_ns"),
                num(kv, "thread_cpu_ns"),
                num(kv, "alloc"),
                num(kv, "peak_heap"),
                num(kv, "rss_hwm"),
                num(kv, "rows"),
                num(kv, "events"),
                num(kv, "bytes"),
                num(kv, "all"),
                num(kv, "compared"));
    }

    private static long num(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException("RESULT line without " + key);
        }
        return Long.parseLong(v);
    }
}
