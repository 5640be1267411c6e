package org.mysqlreplication.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of one measurement: runs one reader once over the whole binlog and prints its measurements as
 * one line, {@code RESULT key=value ...}, that {@link BenchMain} parses. One reader per process, so that the
 * process-wide peak RSS ({@code VmHWM}) and the heap pools' peaks belong to that reader alone.
 *
 * <p>Measured around the read (connect included): wall time ({@code System.nanoTime}); process CPU time
 * ({@code OperatingSystemMXBean#getProcessCpuTime}: every thread of the JVM, so the connector's threads, the
 * JIT and the GC count too); the reading thread's CPU time; bytes allocated by all threads, those that start
 * and end during the read included ({@link AllocationSampler}: {@code BinLogStreamReader}'s read-ahead thread
 * does that); the sum of the heap pools' peak usage;
 * {@code VmHWM} from {@code /proc/self/status}.
 *
 * <p>Usage: {@code ReaderProcess READER HOST PORT USER PASSWORD SERVER_ID START_FILE END_FILE END_POS FILE...}
 */
public final class ReaderProcess {

    private ReaderProcess() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        ReaderKind kind = ReaderKind.ofLabel(args[0]);
        List<Path> files = new ArrayList<>();
        for (int i = 9; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        Target t = new Target(
                args[1],
                Integer.parseInt(args[2]),
                args[3],
                args[4],
                Long.parseLong(args[5]),
                args[6],
                args[7],
                Long.parseLong(args[8]),
                files);
        System.out.println(measure(kind, t));
    }

    /** Runs the reader once in this JVM and returns the RESULT line. */
    static String measure(ReaderKind kind, Target t) throws IOException, InterruptedException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heap.add(p);
                p.resetPeakUsage();
            }
        }
        AllocationSampler allocation = new AllocationSampler();
        allocation.start();
        long cpuBefore = os.getProcessCpuTime();
        long threadCpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ReadResult r = run(kind, t);
        long wall = System.nanoTime() - start;
        long threadCpu = threads.getCurrentThreadCpuTime() - threadCpuBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long alloc = allocation.stop();
        long peakHeap = 0;
        for (MemoryPoolMXBean p : heap) {
            peakHeap += p.getPeakUsage().getUsed();
        }
        return "RESULT reader=" + kind.label() + " wall_ns=" + wall + " cpu_ns=" + cpu + " thread_cpu_ns=" + threadCpu
                + " alloc=" + alloc + " peak_heap=" + peakHeap + " rss_hwm=" + vmHwmBytes() + " rows=" + r.rows()
                + " events=" + r.events() + " bytes=" + r.bytes() + " all=" + r.allChecksum()
                + " compared=" + r.comparedChecksum();
    }

    static ReadResult run(ReaderKind kind, Target t) {
        switch (kind) {
            case OURS_NETWORK:
                return OurReaders.network(t, false, false);
            case OURS_NETWORK_LAZY:
                return OurReaders.network(t, true, false);
            case OURS_NETWORK_KEY:
                return OurReaders.network(t, false, true);
            case OURS_NETWORK_LAZY_KEY:
                return OurReaders.network(t, true, true);
            case CONNECTOR_NETWORK:
                return ConnectorReaders.network(t);
            case RAW_PACKETS:
                return RawPacketReader.read(t);
            case OURS_FILE:
                return OurReaders.files(t);
            case CONNECTOR_FILE:
                return ConnectorReaders.files(t);
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /** Peak resident set size of this process, or -1 where /proc is absent. */
    static long vmHwmBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return -1;
    }
}
