package org.mysqlreplication.bench;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.BooleanSupplier;

/**
 * {@code /dev/null} for JSON lines: an {@link OutputStream} that keeps no byte but looks at every one it is given,
 * counting bytes and lines ({@code \n}) and summing them into a checksum (eight bytes at a time: cheap; the
 * same for the same bytes in the same calls), so that a writer cannot skip producing
 * them and two runs can be compared. One writing thread; {@link #lines()} may be read by another.
 */
public final class NullJsonSink extends OutputStream {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

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
        long n = 0;
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) { // eight bytes at a time
            long w = (long) WORDS.get(b, i);
            sum += w;
            long x = w ^ NEWLINES; // a newline byte is 0 here
            long y = ~(((x & LOW7) + LOW7) | x | LOW7); // the high bit of each byte that was 0, exactly
            n += Long.bitCount(y);
        }
        for (; i < end; i++) {
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
