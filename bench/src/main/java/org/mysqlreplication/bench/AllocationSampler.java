package org.mysqlreplication.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated by every thread of this JVM during a measurement, including threads that start and end inside
 * it (such as {@code BinLogStreamReader}'s read-ahead thread): a daemon samples
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} of all threads every few milliseconds and
 * keeps the last value seen per thread, so a thread that ends loses at most its last sampling interval.
 *
 * <p>Not thread-safe: one measurement at a time, started and stopped by the same thread.
 */
final class AllocationSampler {

    private static final long INTERVAL_MS = 2;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> baseline = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private volatile boolean running;
    private Thread sampler;

    void start() {
        baseline.putAll(snapshot());
        running = true;
        sampler = new Thread(
                () -> {
                    while (running) {
                        record();
                        try {
                            Thread.sleep(INTERVAL_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "allocation-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and returns the bytes allocated since {@link #start()} by all threads but the sampler. */
    long stop() throws InterruptedException {
        running = false;
        sampler.join();
        record();
        long samplerId = sampler.getId();
        long sum = 0;
        for (Map.Entry<Long, Long> e : last.entrySet()) {
            if (e.getKey() != samplerId) {
                sum += e.getValue() - baseline.getOrDefault(e.getKey(), 0L);
            }
        }
        return sum;
    }

    private synchronized void record() {
        last.putAll(snapshot());
    }

    private Map<Long, Long> snapshot() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] > 0) {
                m.put(ids[i], bytes[i]);
            }
        }
        return m;
    }
}
