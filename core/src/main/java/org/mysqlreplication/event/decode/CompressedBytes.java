package org.mysqlreplication.event.decode;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.mysqlreplication.io.ByteReader;

/**
 * Decompresses the compressed parts of binlog events into arrays of exactly the length the event declares: MariaDB's
 * compressed record (zlib) and MySQL's TRANSACTION_PAYLOAD (zstd).
 *
 * <p>A declared length is never trusted for an allocation: the output array starts small and doubles as the data
 * really decompresses, up to the declared length, so a corrupt length allocates no more than the compressed bytes
 * really expand to. More or fewer bytes than declared, trailing bytes after the compressed stream and a corrupt
 * stream are {@link BodyFormatException}s.
 */
final class CompressedBytes {

    /** The largest array the JVM allocates. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private static final int FIRST_CHUNK = 1 << 12;

    private CompressedBytes() {}

    /**
     * MariaDB's compressed record ({@code binlog_buf_uncompress} in {@code log_event.cc}), to the end of
     * {@code in}: one header byte {@code 1AAA0LLL} (bit 7 set; AAA the algorithm, 0 = zlib, the only one; LLL the
     * 1-4 bytes of the uncompressed length), the length big-endian, then a zlib stream.
     */
    static byte[] mariadbRecord(ByteReader in) {
        int first = in.readUint8();
        int algorithm = (first >> 4) & 0x7;
        int lengthBytes = first & 0x7;
        if ((first & 0x88) != 0x80 || lengthBytes < 1 || lengthBytes > 4) {
            throw new BodyFormatException(String.format(
                    "compressed record header 0x%02X: expected bit 7 set, bit 3" + " clear and 1 to 4 length bytes",
                    first));
        }
        if (algorithm != 0) {
            throw new BodyFormatException("compressed record algorithm " + algorithm + ": only 0 (zlib) is known");
        }
        long declared = in.readUintBE(lengthBytes);
        if (declared == 0 || declared > MAX_LENGTH) {
            throw new BodyFormatException("compressed record declares " + declared + " uncompressed byte(s)");
        }
        return inflate(in, (int) declared);
    }

    private static byte[] inflate(ByteReader in, int declared) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in.array(), in.arrayOffset(), in.remaining());
            byte[] out = new byte[firstChunk(declared, in.remaining())];
            int length = 0;
            byte[] probe = new byte[1];
            while (!inflater.finished()) {
                int n;
                if (length == declared) {
                    n = inflater.inflate(probe); // the end of the stream is due: it must bring no more bytes
                    if (n > 0) {
                        throw new BodyFormatException(
                                "zlib data expands to more than the " + declared + " declared byte(s)");
                    }
                } else {
                    out = room(out, length, declared);
                    n = inflater.inflate(out, length, out.length - length);
                    length += n;
                }
                if (n == 0 && !inflater.finished()) {
                    throw new BodyFormatException(
                            "zlib data ends after " + length + " of " + declared + " declared byte(s)");
                }
            }
            if (length != declared) {
                throw new BodyFormatException("zlib data expands to " + length + " byte(s), " + declared + " declared");
            }
            if (inflater.getRemaining() > 0) {
                throw new BodyFormatException(inflater.getRemaining() + " byte(s) after the end of the zlib data");
            }
            in.skip(in.remaining());
            return out;
        } catch (DataFormatException e) {
            throw new BodyFormatException("zlib data is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** A zstd stream (one or more frames) that makes up all of {@code in}, expanding to {@code declared} bytes. */
    static byte[] zstd(ByteReader in, long declared) {
        if (declared < 0 || declared > MAX_LENGTH) {
            throw new BodyFormatException("compressed payload declares " + Long.toUnsignedString(declared)
                    + " uncompressed byte(s), more than an array holds");
        }
        int expected = (int) declared;
        try (InputStream zstd =
                new ZstdInputStream(new ByteArrayInputStream(in.array(), in.arrayOffset(), in.remaining()))) {
            byte[] out = new byte[firstChunk(expected, in.remaining())];
            int length = 0;
            while (length < expected) {
                out = room(out, length, expected);
                int n = zstd.read(out, length, out.length - length);
                if (n < 0) {
                    throw new BodyFormatException(
                            "zstd data ends after " + length + " of " + expected + " declared byte(s)");
                }
                length += n;
            }
            if (zstd.read() >= 0) {
                throw new BodyFormatException("zstd data expands to more than the " + expected + " declared byte(s)");
            }
            in.skip(in.remaining());
            return out;
        } catch (MalformedInputException | IOException e) {
            throw new BodyFormatException("zstd data is corrupt: " + e.getMessage(), e);
        }
    }

    /** The first output array: all of it when small, else a few times the compressed size. */
    private static int firstChunk(int declared, int compressed) {
        return (int) Math.min(declared, Math.max(FIRST_CHUNK, 4L * compressed));
    }

    /** {@code out}, or a copy twice its size (at most {@code limit}) when it is full. */
    private static byte[] room(byte[] out, int length, int limit) {
        return length < out.length ? out : Arrays.copyOf(out, (int) Math.min(limit, 2L * out.length));
    }
}
