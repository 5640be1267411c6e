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
 * The child JVM of one measurement: runs one reader {@code PASSES} times over the whole binlog and prints the
 * measurements of each pass as one line, {@code RESULT pass=N key=value ...}, that {@link BenchMain} parses. The
 * first pass is the cold one (classes loaded, JIT compiling, heap growing); the later ones show the steady state.
 * One reader per process, so that the process-wide peak RSS ({@code VmHWM}) and the heap pools' peaks belong to
 * that reader alone (they are the peaks up to the end of each pass).
 *
 * <p>Measured around each pass (connect included): wall time ({@code System.nanoTime}); process CPU time
 * ({@code OperatingSystemMXBean#getProcessCpuTime}: every thread of the JVM, so the connector's threads, the
 * read-ahead thread, the JIT and the GC count too); the reading thread's CPU time ({@code ThreadMXBean}); the
 * CPU time of the JVM's own threads by kind (JIT compiler, GC, other), from {@code /proc/self/task}; bytes
 * allocated by all threads, those that start and end during the read included ({@link AllocationSampler}:
 * {@code BinLogStreamReader}'s read-ahead thread does that); the sum of the heap pools' peak usage;
 * {@code VmHWM} from {@code /proc/self/status}.
 *
 * <p>Usage: {@code ReaderProcess READER PASSES EXPECTED_ROWS HOST PORT USER PASSWORD SERVER_ID START_FILE END_FILE
 * END_POS FILE...}
 */
public final class ReaderProcess {

    private ReaderProcess() {}

    public static void main(String[] args) throws Exception {
        ReaderKind kind = ReaderKind.ofLabel(args[0]);
        int passes = Integer.parseInt(args[1]);
        long expectedRows = Long.parseLong(args[2]);
        List<Path> files = new ArrayList<>();
        for (int i = 11; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        Target t = new Target(
                args[3],
                Integer.parseInt(args[4]),
                args[5],
                args[6],
                Long.parseLong(args[7]),
                args[8],
                args[9],
                Long.parseLong(args[10]),
                files);
        PassRunner runner = runner(kind, t, expectedRows);
        for (int pass = 1; pass <= passes; pass++) {
            String result = measure(kind, runner, pass);
            runner.afterPass();
            System.out.println(result);
            System.out.flush();
        }
    }

    /** One pass of a reader, and what is left to do after it, not timed. */
    interface PassRunner {
        ReadResult run(int pass) throws Exception;

        default void afterPass() throws Exception {}
    }

    static PassRunner runner(ReaderKind kind, Target t, long expectedRows) throws ReflectiveOperationException {
        if (!kind.external()) {
            return pass -> run(kind, t);
        }
        String name = kind == ReaderKind.MAXWELL
                ? "org.mysqlreplication.bench.maxwell.MaxwellReader"
                : "org.mysqlreplication.bench.debezium.DebeziumReader";
        ExternalReader reader =
                (ExternalReader) Class.forName(name).getDeclaredConstructor().newInstance();
        DataStart start = DataStart.of(t);
        return new PassRunner() {
            @Override
            public ReadResult run(int pass) throws Exception {
                return reader.read(t, start, expectedRows, pass);
            }

            @Override
            public void afterPass() throws Exception {
                reader.stop();
            }
        };
    }

    /** Runs one pass in this JVM and returns its RESULT line. */
    static String measure(ReaderKind kind, PassRunner runner, int pass) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heap.add(p);
            }
        }
        AllocationSampler allocation = new AllocationSampler();
        allocation.start();
        JvmThreadCpu jvmBefore = JvmThreadCpu.read();
        long cpuBefore = os.getProcessCpuTime();
        long threadCpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ReadResult r = runner.run(pass);
        long wall = System.nanoTime() - start;
        long threadCpu = threads.getCurrentThreadCpuTime() - threadCpuBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        JvmThreadCpu jvm = JvmThreadCpu.read().minus(jvmBefore);
        long alloc = allocation.stop();
        long peakHeap = 0;
        for (MemoryPoolMXBean p : heap) {
            peakHeap += p.getPeakUsage().getUsed();
        }
        return "RESULT reader=" + kind.label() + " pass=" + pass + " wall_ns=" + wall + " cpu_ns=" + cpu
                + " thread_cpu_ns=" + threadCpu + " jit_cpu_ns=" + jvm.jitNanos() + " gc_cpu_ns=" + jvm.gcNanos()
                + " alloc=" + alloc + " peak_heap=" + peakHeap + " rss_hwm=" + vmHwmBytes() + " rows=" + r.rows()
                + " events=" + r.events() + " bytes=" + r.bytes() + " all=" + r.allChecksum()
                + " compared=" + r.comparedChecksum() + " uptime_ms="
                + ManagementFactory.getRuntimeMXBean().getUptime();
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
            case OURS_JSON:
                return OurReaders.json(t);
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
