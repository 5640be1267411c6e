package org.mysqlreplication.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * One pass of one reader in one round, parsed from its child JVM's {@code RESULT} line. Immutable.
 *
 * @param pass           1 for the JVM's first (cold) pass, 2.. for the warm ones
 * @param cpuNanos       the process's CPU time, all threads
 * @param threadCpuNanos the reading thread's CPU time
 * @param jitCpuNanos    the JIT compiler threads' CPU time (a lower bound, see {@link JvmThreadCpu})
 * @param gcCpuNanos     the garbage collector threads' CPU time (a lower bound)
 */
public record Measurement(
        ReaderKind reader,
        int pass,
        long wallNanos,
        long cpuNanos,
        long threadCpuNanos,
        long jitCpuNanos,
        long gcCpuNanos,
        long allocated,
        long peakHeap,
        long rssHwm,
        long rows,
        long events,
        long bytes,
        long allChecksum,
        long comparedChecksum) {

    /** Parses {@code RESULT reader=... pass=... wall_ns=... ...} ({@code pass}, {@code jit_cpu_ns}, {@code gc_cpu_ns} optional). */
    public static Measurement parse(String line) {
        if (!line.startsWith("RESULT ")) {
            throw new IllegalArgumentException("not a RESULT line: " + line);
        }
        Map<String, String> kv = new HashMap<>();
        for (String part : line.substring(7).trim().split(" ")) {
            int eq = part.indexOf('=');
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        kv.putIfAbsent("pass", "1");
        kv.putIfAbsent("jit_cpu_ns", "0");
        kv.putIfAbsent("gc_cpu_ns", "0");
        return new Measurement(
                ReaderKind.ofLabel(kv.get("reader")),
                (int) num(kv, "pass"),
                num(kv, "wall_ns"),
                num(kv, "cpu_ns"),
                num(kv, "thread_cpu_ns"),
                num(kv, "jit_cpu_ns"),
                num(kv, "gc_cpu_ns"),
                num(kv, "alloc"),
                num(kv, "peak_heap"),
                num(kv, "rss_hwm"),
                num(kv, "rows"),
                num(kv, "events"),
                num(kv, "bytes"),
                num(kv, "all"),
                num(kv, "compared"));
    }

    /** The process CPU time outside the reading, JIT and GC threads (the read-ahead thread, the VM's, ...). */
    public long otherCpuNanos() {
        return cpuNanos - threadCpuNanos - jitCpuNanos - gcCpuNanos;
    }

    /** Whether this is a warm pass (not the JVM's first). */
    public boolean warm() {
        return pass > 1;
    }

    private static long num(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException("RESULT line without " + key);
        }
        return Long.parseLong(v);
    }
}
