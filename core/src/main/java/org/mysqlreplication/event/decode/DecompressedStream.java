package org.mysqlreplication.event.decode;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;

/**
 * The decompressed bytes of one compressed part of an event, read as they come from its compressed bytes (in the
 * heap or in a spill file): MySQL's TRANSACTION_PAYLOAD (zstd, or stored as it is) and MariaDB's compressed record
 * (zlib). Nothing is decompressed ahead of what the caller reads but the decompressor's own window (zlib: 32 KiB;
 * zstd: the frame's window, at most 8 MiB in aircompressor), so a caller that reads an event at a time holds an
 * event at a time.
 *
 * <p>The length the event declares is never trusted for an allocation: {@link #readAfter} grows its array as the
 * data really expands. More or fewer bytes than declared, trailing bytes after the compressed data and corrupt data
 * are {@link BodyFormatException}s; no failure of the decompressor escapes as anything else.
 *
 * <p>Not thread-safe: one per compressed part being read.
 */
final class DecompressedStream implements AutoCloseable {

    /** The largest array the JVM allocates. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final int CHUNK = 64 * 1024;

    private final String algorithm;
    private final InputStream in;
    /** The compressed bytes, for what follows the end of the compressed data. */
    private final InputStream source;
    /** zlib's, whose state tells a finished stream from a cut one; null for the others. */
    private final Inflater inflater;

    private final long declared;
    private long position;

    private DecompressedStream(String algorithm, InputStream in, InputStream source, Inflater inflater, long declared) {
        this.algorithm = algorithm;
        this.in = in;
        this.source = source;
        this.inflater = inflater;
        this.declared = declared;
    }

    /** A zstd stream (one or more frames) that makes up all of {@code compressed}, of {@code declared} bytes. */
    static DecompressedStream zstd(InputStream compressed, long declared) {
        checkDeclared(declared);
        return new DecompressedStream("zstd", new ZstdInputStream(compressed), compressed, null, declared);
    }

    /** A zlib stream that makes up all of {@code compressed}, of {@code declared} bytes. */
    static DecompressedStream zlib(InputStream compressed, long declared) {
        checkDeclared(declared);
        Inflater inflater = new Inflater();
        return new DecompressedStream(
                "zlib", new InflaterInputStream(compressed, inflater, CHUNK), compressed, inflater, declared);
    }

    /** Bytes stored as they are: all of {@code bytes}, {@code length} of them. */
    static DecompressedStream stored(InputStream bytes, long length) {
        checkDeclared(length);
        return new DecompressedStream("stored", bytes, bytes, null, length);
    }

    private static void checkDeclared(long declared) {
        if (declared < 0) {
            throw new BodyFormatException("compressed data declares " + Long.toUnsignedString(declared)
                    + " uncompressed byte(s), more than a signed 64-bit length");
        }
    }

    /** The uncompressed length the event declares. */
    long declared() {
        return declared;
    }

    /** The bytes read so far. */
    long position() {
        return position;
    }

    /** The declared bytes not read yet. */
    long remaining() {
        return declared - position;
    }

    /** Reads the next {@code n} bytes, which the declared length must cover, into {@code b} from {@code off}. */
    void readFully(byte[] b, int off, int n) {
        checkCovered(n);
        for (int done = 0; done < n; ) {
            int r = read(b, off + done, n - done);
            if (r < 0) {
                throw ended();
            }
            done += r;
            position += r;
        }
    }

    /**
     * {@code prefix} followed by the next {@code n} bytes, in a new array that grows (doubling) as they really
     * come: a corrupt declared length allocates about what the data expands to, not what it says.
     */
    byte[] readAfter(ByteReader prefix, long n) {
        checkCovered(n);
        long total = prefix.remaining() + n;
        long largest = Math.min(total, MAX_ARRAY);
        byte[] out = new byte[(int) Math.min(largest, prefix.remaining() + (long) CHUNK)];
        System.arraycopy(prefix.array(), prefix.arrayOffset(), out, 0, prefix.remaining());
        int length = prefix.remaining();
        while (length < total) {
            if (length == out.length) {
                if (length == MAX_ARRAY) {
                    throw new BodyFormatException(total + " byte(s) of decompressed data do not fit in an array");
                }
                out = Arrays.copyOf(out, (int) Math.min(largest, 2L * out.length));
            }
            int want = out.length - length;
            readFully(out, length, want);
            length += want;
        }
        return out;
    }

    /** Appends the next {@code n} bytes to {@code file}, through a buffer of 64 KiB. */
    void copyTo(SpillFile file, long n) {
        checkCovered(n);
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(1, n))];
        for (long left = n; left > 0; ) {
            int k = (int) Math.min(buf.length, left);
            readFully(buf, 0, k);
            file.write(buf, 0, k);
            left -= k;
        }
    }

    /** Reads and drops the next {@code n} bytes (so that they are checked as the rest). */
    void skip(long n) {
        checkCovered(n);
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(1, n))];
        for (long left = n; left > 0; left -= buf.length) {
            readFully(buf, 0, (int) Math.min(buf.length, left));
        }
    }

    /**
     * Checks the end, once all declared bytes were read: the data must end there, and nothing may follow it in
     * the compressed bytes.
     */
    void finish() {
        if (position < declared) {
            throw new IllegalStateException(remaining() + " declared byte(s) not read");
        }
        if (read(new byte[1], 0, 1) >= 0) {
            throw new BodyFormatException(
                    algorithm + " data expands to more than the " + declared + " declared byte(s)");
        }
        if (inflater != null) {
            long trailing = inflater.getRemaining() + drainSource();
            if (trailing > 0) {
                throw new BodyFormatException(trailing + " byte(s) after the end of the zlib data");
            }
        }
    }

    /** Ends the decompressor (zlib holds native memory until then). */
    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
    }

    private void checkCovered(long n) {
        if (n < 0 || n > remaining()) {
            throw new BodyFormatException(
                    "needs " + n + " byte(s) past offset " + position + " of " + declared + " declared byte(s)");
        }
    }

    private BodyFormatException ended() {
        if (inflater != null && inflater.finished()) {
            return new BodyFormatException("zlib data expands to " + position + " byte(s), " + declared + " declared");
        }
        return new BodyFormatException(
                algorithm + " data ends after " + position + " of " + declared + " declared byte(s)");
    }

    /** One read of the decompressor, its failures as what they mean: data cut short, or corrupt. */
    private int read(byte[] b, int off, int n) {
        try {
            return in.read(b, off, n);
        } catch (EOFException e) {
            throw ended();
        } catch (ZipException | MalformedInputException e) {
            throw corrupt(e);
        } catch (IOException e) {
            throw corrupt(e);
        } catch (BinlogException e) {
            throw e; // the spill file holding the compressed bytes: its own typed failure
        } catch (RuntimeException e) {
            throw corrupt(e); // what a decompressor throws on data it does not expect (index, state)
        }
    }

    private BodyFormatException corrupt(Exception e) {
        return new BodyFormatException(
                algorithm + " data is corrupt after " + position + " byte(s): "
                        + (e.getMessage() != null
                                ? e.getMessage()
                                : e.getClass().getSimpleName()),
                e);
    }

    private long drainSource() {
        try {
            long n = 0;
            byte[] buf = new byte[CHUNK];
            for (int r; (r = source.read(buf)) > 0; ) {
                n += r;
            }
            return n;
        } catch (IOException e) {
            throw corrupt(e);
        }
    }
}
