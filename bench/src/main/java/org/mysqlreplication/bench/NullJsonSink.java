package org.mysqlreplication.bench;

import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * {@code /dev/null} for JSON lines: an {@link OutputStream} that keeps no byte but looks at every one it is given,
 * counting bytes and lines ({@code \n}) and summing them into a checksum (per write call: cheap, and the
 * same for the same bytes in the same calls), so that a writer cannot skip producing
 * them and two runs can be compared. One writing thread; {@link #lines()} may be read by another.
 */
public final class NullJsonSink extends OutputStream {

    private long bytes;
    /** Volatile: a watcher thread reads it while a producer writes (Maxwell, Debezium). */
    private volatile long lines;

    private long checksum;

    @Override
    public void write(int b) {
        bytes++;
        checksum = checksum * 31 + (byte) b;
        if (b == '\n') {
            lines++;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        long sum = 0;
        int n = 0;
        for (int i = off, end = off + len; i < end; i++) {
            byte x = b[i];
            sum += x;
            n += x == '\n' ? 1 : 0;
        }
        checksum = checksum * 31 + sum;
        lines += n;
        bytes += len;
    }

    /**
     * Waits (from another thread than the writer) until {@code lines} lines were written, the producer stopped
     * ({@code running} false), or {@code idleMillis} passed without a new line.
     */
    public void awaitLines(long lines, long idleMillis, BooleanSupplier running) throws InterruptedException {
        long seen = -1;
        long lastProgress = System.nanoTime();
        while (running.getAsBoolean() && lines() < lines) {
            Thread.sleep(1);
            long n = lines();
            if (n != seen) {
                seen = n;
                lastProgress = System.nanoTime();
            } else if ((System.nanoTime() - lastProgress) / 1_000_000 > idleMillis) {
                return;
            }
        }
    }

    public long bytes() {
        return bytes;
    }

    public long lines() {
        return lines;
    }

    public long checksum() {
        return checksum;
    }
}
