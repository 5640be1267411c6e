package org.mysqlreplication.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bounds-checked cursor over {@code (byte[], offset, limit)}.
 *
 * <p>Reads are little-endian unless the method name says {@code BE} (the binlog stores DECIMAL and the
 * packed temporal types big-endian). Every read checks what remains first, so a short or corrupt input ends
 * in a {@link ByteReaderOverrunException} naming the offset, the bytes needed and the bytes available,
 * never in an {@link ArrayIndexOutOfBoundsException} or a huge allocation.
 *
 * <p>Not thread-safe: one cursor belongs to one decoding thread. The array is shared, not copied.
 */
public final class ByteReader {

    private final byte[] buf;
    private final int start;
    private final int limit;
    private int pos;

    private ByteReader(byte[] buf, int offset, int limit) {
        this.buf = buf;
        this.start = offset;
        this.pos = offset;
        this.limit = limit;
    }

    /** A reader over the whole array. */
    public static ByteReader of(byte[] bytes) {
        return new ByteReader(bytes, 0, bytes.length);
    }

    /** A reader over {@code length} bytes of {@code bytes} from {@code offset}. */
    public static ByteReader of(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IllegalArgumentException(
                    "range offset=" + offset + " length=" + length + " outside array of " + bytes.length);
        }
        return new ByteReader(bytes, offset, offset + length);
    }

    /** Bytes read so far, relative to where this reader started. */
    public int position() {
        return pos - start;
    }

    /** Bytes left to read. */
    public int remaining() {
        return limit - pos;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    /** The backing array (shared, not copied); use with {@link #arrayOffset()}. */
    public byte[] array() {
        return buf;
    }

    /** Index in {@link #array()} of the next byte to read. */
    public int arrayOffset() {
        return pos;
    }

    private void require(int n) {
        if (n < 0 || n > limit - pos) {
            throw new ByteReaderOverrunException(position(), n, remaining());
        }
    }

    /** Moves the cursor forward by {@code n} bytes. */
    public void skip(int n) {
        require(n);
        pos += n;
    }

    /** The byte at {@code index} relative to the current position, without moving. */
    public int peekUint8(int index) {
        if (index < 0 || index >= remaining()) {
            throw new ByteReaderOverrunException(position() + index, 1, Math.max(0, remaining() - index));
        }
        return buf[pos + index] & 0xFF;
    }

    public int readUint8() {
        require(1);
        return buf[pos++] & 0xFF;
    }

    public int readInt8() {
        require(1);
        return buf[pos++];
    }

    public int readUint16() {
        require(2);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public int readInt16() {
        return (short) readUint16();
    }

    public int readUint24() {
        require(3);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16;
        pos += 3;
        return v;
    }

    public int readInt24() {
        return readUint24() << 8 >> 8;
    }

    public long readUint32() {
        return readInt32() & 0xFFFF_FFFFL;
    }

    public int readInt32() {
        require(4);
        int v = (buf[pos] & 0xFF)
                | (buf[pos + 1] & 0xFF) << 8
                | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** An unsigned little-endian integer of {@code n} bytes, 0 to 8; 8 bytes may come out negative. */
    public long readUintN(int n) {
        if (n < 0 || n > 8) {
            throw new IllegalArgumentException("width " + n + " not in 0..8");
        }
        require(n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (buf[pos + i] & 0xFFL) << (8 * i);
        }
        pos += n;
        return v;
    }

    public long readUint48() {
        return readUintN(6);
    }

    /** Eight bytes little-endian as a two's complement {@code long}; callers wanting unsigned use
     * {@link Long#toUnsignedString(long)} or widen to {@link java.math.BigInteger}. */
    public long readInt64() {
        return readUintN(8);
    }

    /** A big-endian unsigned integer of {@code n} bytes, 0 to 8. */
    public long readUintBE(int n) {
        if (n < 0 || n > 8) {
            throw new IllegalArgumentException("width " + n + " not in 0..8");
        }
        require(n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (buf[pos + i] & 0xFFL);
        }
        pos += n;
        return v;
    }

    /**
     * A length-encoded integer of the client/server protocol: one byte below 0xFB, else 0xFC + 2 bytes,
     * 0xFD + 3 bytes, 0xFE + 8 bytes. 0xFB (SQL NULL in result sets) and 0xFF are rejected here; result set
     * readers check for 0xFB with {@link #peekUint8(int)} first.
     */
    public long readLenencInt() {
        int first = readUint8();
        if (first < 0xFB) {
            return first;
        }
        switch (first) {
            case 0xFC:
                return readUint16();
            case 0xFD:
                return readUint24();
            case 0xFE:
                return readInt64();
            default:
                throw new ByteReaderFormatException(
                        position() - 1,
                        "length-encoded integer prefix 0xFC..0xFE or below 0xFB",
                        String.format("0x%02X", first));
        }
    }

    /**
     * A length-encoded integer used as a count of things (columns, labels), which is not a number of bytes: it must
     * be at most {@code max}, which the caller derives from what the things take (a rows event's column count, say,
     * from its bitmaps' 1 bit per column: a count may well exceed the bytes that remain).
     */
    public int readLenencCount(long max) {
        int at = position();
        long n = readLenencInt();
        if (n < 0 || n > max || n > Integer.MAX_VALUE) {
            throw new ByteReaderFormatException(at, "a count of at most " + max, Long.toUnsignedString(n));
        }
        return (int) n;
    }

    /**
     * A length-encoded integer used as a length in bytes: must fit what remains, so it is safe to allocate. Not for
     * counts (see {@link #readLenencCount(long)}).
     */
    public int readLenencLength() {
        long len = readLenencInt();
        if (len < 0 || len > remaining()) {
            throw new ByteReaderOverrunException(
                    position(), len < 0 || len > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) len, remaining());
        }
        return (int) len;
    }

    public byte[] readBytes(int n) {
        require(n);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public byte[] readRemainingBytes() {
        return readBytes(remaining());
    }

    public String readString(int n, Charset charset) {
        require(n);
        String s = new String(buf, pos, n, charset);
        pos += n;
        return s;
    }

    public String readString(int n) {
        return readString(n, StandardCharsets.UTF_8);
    }

    /** A string ended by a NUL byte, which is consumed and not returned. */
    public String readNulTerminatedString(Charset charset) {
        int end = pos;
        while (end < limit && buf[end] != 0) {
            end++;
        }
        if (end == limit) {
            throw new ByteReaderFormatException(position(), "NUL-terminated string", "no NUL before the end");
        }
        String s = new String(buf, pos, end - pos, charset);
        pos = end + 1;
        return s;
    }

    public String readNulTerminatedString() {
        return readNulTerminatedString(StandardCharsets.UTF_8);
    }

    public String readLenencString(Charset charset) {
        return readString(readLenencLength(), charset);
    }

    public String readRemainingString(Charset charset) {
        return readString(remaining(), charset);
    }

    /** A bounded sub-reader over the next {@code n} bytes; this reader moves past them. */
    public ByteReader slice(int n) {
        require(n);
        ByteReader s = new ByteReader(buf, pos, pos + n);
        pos += n;
        return s;
    }

    /**
     * A bitmap of {@code bits} bits, least significant bit first in each byte (the binlog's column bitmaps).
     */
    public java.util.BitSet readBitmap(int bits) {
        int n = (bits + 7) >>> 3;
        return java.util.BitSet.valueOf(readBytes(n));
    }
}
