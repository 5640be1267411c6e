package org.mysqlreplication.bench;

import java.io.OutputStream;

/**
 * {@code /dev/null} for JSON lines: an {@link OutputStream} that keeps no byte but looks at every one it is given,
 * counting bytes and lines ({@code \n}) and folding them into a checksum, so that a writer cannot skip producing
 * them and two runs can be compared. Not thread-safe.
 */
public final class NullJsonSink extends OutputStream {

    private long bytes;
    private long lines;
    private long checksum;

    @Override
    public void write(int b) {
        bytes++;
        checksum = checksum * 31 + (b & 0xFF);
        if (b == '\n') {
            lines++;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        long c = checksum;
        long n = 0;
        for (int i = off, end = off + len; i < end; i++) {
            byte x = b[i];
            c = c * 31 + (x & 0xFF);
            if (x == '\n') {
                n++;
            }
        }
        checksum = c;
        lines += n;
        bytes += len;
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
