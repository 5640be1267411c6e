package org.mysqlreplication.event.decode;

import java.io.InputStream;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;

/**
 * A forward cursor over a region of a {@link SpillFile}, read through a buffer of {@value #BUFFER} bytes (or the
 * region's size when smaller): a
 * decoder asks for a {@link #window} over the next bytes, reads what it needs from it, and {@link #advance}s by
 * what it read. Bytes it jumps over (a large value) are never read.
 *
 * <p>Not thread-safe: one per event being decoded.
 */
final class SpillCursor {

    /** The window buffer: several {@link SpilledRowsDecoder#MAX_INLINE} windows, so refills are rare. */
    static final int BUFFER = 256 * 1024;

    private final SpillFile file;
    private final long start;
    private final long end;
    private final byte[] buf;
    private long pos;
    private long bufStart;
    private int bufLength;

    /** A cursor over {@code length} bytes of {@code file} from {@code offset}. */
    SpillCursor(SpillFile file, long offset, long length) {
        this.file = file;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
        this.buf = new byte[(int) Math.max(0, Math.min(BUFFER, length))];
    }

    /** Bytes passed so far, from the region's start. */
    long position() {
        return pos - start;
    }

    /** Where the cursor is in the file. */
    long filePosition() {
        return pos;
    }

    long remaining() {
        return end - pos;
    }

    /**
     * A reader over the next {@code n} bytes, or all that remain when fewer do, without moving the cursor. It
     * is valid until the next call: it may share the window buffer, which a later call refills. More than the
     * buffer holds comes in a new array of its own.
     */
    ByteReader window(int n) {
        int want = (int) Math.min(n, remaining());
        if (want > buf.length) {
            byte[] own = new byte[want];
            file.readFully(pos, own, 0, want);
            return ByteReader.of(own);
        }
        if (pos + want > bufStart + bufLength || pos < bufStart) {
            refill();
        }
        return ByteReader.of(buf, (int) (pos - bufStart), want);
    }

    /** Fills the buffer from the cursor on, keeping what it already holds of those bytes. */
    private void refill() {
        int keep = 0;
        if (pos >= bufStart && pos < bufStart + bufLength) {
            keep = (int) (bufStart + bufLength - pos);
            System.arraycopy(buf, (int) (pos - bufStart), buf, 0, keep);
        }
        int length = (int) Math.min(buf.length, end - pos);
        file.readFully(pos + keep, buf, keep, length - keep);
        bufStart = pos;
        bufLength = length;
    }

    /** The file the region is in. */
    SpillFile file() {
        return file;
    }

    /** A stream over the bytes from the cursor to the region's end, which the cursor moves past. */
    InputStream rest() {
        InputStream in = file.openStream(pos, remaining());
        pos = end;
        return in;
    }

    /** Moves past {@code n} bytes, which must remain. */
    void advance(long n) {
        if (n < 0 || n > remaining()) {
            throw new BodyFormatException(
                    "a value of " + n + " bytes runs past the end of the event: " + remaining() + " byte(s) remain");
        }
        pos += n;
    }
}
