package org.mysqlreplication.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the JVM's own threads, by kind, from {@code /proc/self/task/<tid>/stat} (utime + stime, in clock
 * ticks of 10 ms): the JIT compiler threads ({@code C1/C2 CompilerThread}) and the garbage collector's
 * ({@code GC Thread}, {@code G1 ...}). A thread that ended between two readings takes its time with it (HotSpot
 * stops idle compiler threads), so these are lower bounds. Zero where /proc is absent. Immutable.
 */
record JvmThreadCpu(long jitNanos, long gcNanos) {

    private static final long NANOS_PER_TICK = 10_000_000L;

    static JvmThreadCpu read() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new JvmThreadCpu(0, 0);
        }
        long jit = 0;
        long gc = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path d : dirs) {
                String stat;
                try {
                    stat = Files.readString(d.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended while we looked
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] f = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
                if (name.contains("CompilerThre")) {
                    jit += ticks;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += ticks;
                }
            }
        } catch (IOException e) {
            return new JvmThreadCpu(0, 0);
        }
        return new JvmThreadCpu(jit * NANOS_PER_TICK, gc * NANOS_PER_TICK);
    }

    JvmThreadCpu minus(JvmThreadCpu before) {
        return new JvmThreadCpu(jitNanos - before.jitNanos, gcNanos - before.gcNanos);
    }
}
