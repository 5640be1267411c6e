package org.mysqlreplication.file;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.ResumePosition;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.EventReader;
import org.mysqlreplication.event.decode.EventRegistry;
import org.mysqlreplication.event.decode.EventSelector;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;

/**
 * Reads the events of a binlog (or relay log) file from disk, one by one, through the same {@link EventReader}
 * a live stream uses, with the same {@link EventSelector} filters. The file must start with the magic
 * {@code \xfebin}; each event is then read whole (its size is in its header) and decoded with its real position in
 * the file. This class is only the source of the events' bytes: framing, selection and decoding are the reader's.
 *
 * <p>A rows event larger than the context's {@link DecodeContext#largeValueThreshold() large-value threshold} is
 * not read into the heap: it is copied to a spill file (in {@code java.io.tmpdir} unless a spill directory is
 * given) and decoded from there, its BLOB-family values above the threshold coming out as
 * {@link org.mysqlreplication.value.LargeValue}s. {@link #close()} releases the spill files that are left, after
 * which those values can no longer be read.
 *
 * <p>A MySQL TRANSACTION_PAYLOAD (a compressed transaction) is not handed out itself: its events are, one by one, in
 * its place; {@link #position()} stays at the payload's start until the last of them is handed out, as in a live
 * stream.
 *
 * <p>Use it as an {@link Iterable} (once) or call {@link #next()} until it returns {@code null}; close it after.
 * A file that ends inside an event raises a {@link BinlogFileException} naming the file and the position.
 *
 * <p>Not thread-safe.
 */
public final class BinlogFileReader implements Iterable<BinlogEvent>, AutoCloseable {

    /** The 4 bytes every binlog file starts with ({@code \xfebin}). */
    private static final byte[] MAGIC = {(byte) 0xFE, 'b', 'i', 'n'};

    /** The block read from the file at once; an event larger than this grows the buffer for its time. */
    private static final int BLOCK_SIZE = 1 << 16;
    /** How many of a spilled event's first bytes the reader gets in memory. */
    private static final int SPILL_HEAD = 64;
    /** Offset of the event size (4 bytes little-endian) in the common header. */
    private static final int EVENT_SIZE_OFFSET = 9;

    private final String name;
    private final FileChannel channel;
    private final InputStream in;
    private final SpillFiles spillFiles;
    private final EventReader reader;
    /**
     * Bytes read from the file and not yet consumed are {@code buf[start, end)}. Events are decoded in place
     * from this buffer, which is reused: the decoders copy whatever an event keeps (byte arrays, strings).
     */
    private byte[] buf = new byte[BLOCK_SIZE];

    private int start;
    private int end;
    /** The offset in the file of the next byte not yet consumed. */
    private long position;

    private boolean iterated;

    /** Opens {@code file} with a context that delivers event types it does not decode as UnknownEvent. */
    public BinlogFileReader(Path file) {
        this(file, new DecodeContext(UnknownEventPolicy.DELIVER));
    }

    /** Opens {@code file} and checks its magic; the context gets the file name. */
    public BinlogFileReader(Path file, DecodeContext ctx) {
        this(file, ctx, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #BinlogFileReader(Path, DecodeContext)}, spilling large rows events to {@code spillDirectory}. */
    public BinlogFileReader(Path file, DecodeContext ctx, Path spillDirectory) {
        this(file, ctx, EventSelector.ALL, spillDirectory);
    }

    /**
     * Opens {@code file} to hand out the events {@code selector} selects (rows of other tables are not decoded),
     * spilling large rows events to {@code spillDirectory}.
     */
    public BinlogFileReader(Path file, DecodeContext ctx, EventSelector selector, Path spillDirectory) {
        this.name = file.getFileName().toString();
        this.spillFiles = new SpillFiles(spillDirectory);
        try {
            this.channel = FileChannel.open(file);
        } catch (IOException e) {
            throw new BinlogFileException("cannot open: " + e.getMessage(), file.toString(), 0, e);
        }
        this.in = Channels.newInputStream(channel);
        this.reader = EventReader.forFile(name, ctx, selector);
        checkMagic();
    }

    private void checkMagic() {
        int n = Math.min(fill(MAGIC.length), MAGIC.length);
        if (n != MAGIC.length || !java.util.Arrays.equals(buf, 0, n, MAGIC, 0, MAGIC.length)) {
            close();
            throw new BinlogFileException(
                    "not a binlog file: expected magic fe 62 69 6e, found " + hex(buf, n), name, 0, null);
        }
        start = MAGIC.length;
        position = MAGIC.length;
    }

    /** The context of this file's events (format description, table maps). */
    public DecodeContext context() {
        return reader.context();
    }

    /**
     * Where the next event not yet handed out starts: this file and an offset in it. A reader of this file that
     * skips to that offset continues with exactly that event.
     */
    public BinlogPosition position() {
        return reader.position();
    }

    /**
     * Where a reader continues after the event handed out last, to the event inside its transaction (see
     * {@link ResumePosition}; the server's identity stays unknown in a file), or {@code null} before the first.
     */
    public ResumePosition resumePosition() {
        return reader.resumePosition();
    }

    /** The next event the selector selects, or {@code null} at the end of the file. */
    public BinlogEvent next() {
        BinlogEvent e = reader.poll();
        while (e == null && readEvent()) {
            e = reader.poll();
        }
        return e;
    }

    /** Reads the next event's bytes into the reader; false at the end of the file. */
    private boolean readEvent() {
        int n = fill(EventHeader.SIZE);
        if (n == 0) {
            return false;
        }
        if (n < EventHeader.SIZE) {
            throw new BinlogFileException(
                    "file ends inside an event header (" + n + " of 19 bytes)", name, position, null);
        }
        int s = start + EVENT_SIZE_OFFSET;
        long size =
                (buf[s] & 0xFFL) | (buf[s + 1] & 0xFFL) << 8 | (buf[s + 2] & 0xFFL) << 16 | (buf[s + 3] & 0xFFL) << 24;
        if (size < EventHeader.SIZE || size > Integer.MAX_VALUE - 8) {
            throw new BinlogFileException("event size " + size + " is not a valid size", name, position, null);
        }
        if (size > reader.context().largeValueThreshold()
                && EventRegistry.spillable(EventType.ofCode(buf[start + 4] & 0xFF))) {
            readSpilled(size);
            return true;
        }
        int available = fill((int) size);
        if (available < size) {
            throw new BinlogFileException(
                    "file ends inside an event: its header says " + size + " bytes, " + available + " remain",
                    name,
                    position,
                    null);
        }
        long at = position;
        int eventStart = start;
        position += size;
        start += (int) size;
        reader.read(Payload.of(ByteReader.of(buf, eventStart, (int) size)), at);
        return true;
    }

    /** Copies the event at {@code start} to a spill file (through the buffer, which it empties) and reads it. */
    private void readSpilled(long size) {
        long available = end - start + remainingInFile();
        if (available < size) {
            throw new BinlogFileException(
                    "file ends inside an event: its header says " + size + " bytes, " + available + " remain",
                    name,
                    position,
                    null);
        }
        int headLength = Math.min(fill(SPILL_HEAD), SPILL_HEAD); // the header and the table id the selector reads
        byte[] head = java.util.Arrays.copyOfRange(buf, start, start + headLength);
        SpillFile spill = spillFiles.create();
        try {
            int buffered = (int) Math.min(size, end - start);
            spill.write(buf, start, buffered);
            start += buffered;
            for (long left = size - buffered; left > 0; ) {
                start = 0;
                end = 0;
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    throw new BinlogFileException(
                            "file ends inside an event of " + size + " bytes, " + left + " short",
                            name,
                            position,
                            null);
                }
                spill.write(buf, 0, r);
                left -= r;
            }
        } catch (IOException e) {
            spill.release();
            throw new BinlogFileException("read failed: " + e.getMessage(), name, position, e);
        } catch (RuntimeException e) {
            spill.release();
            throw e;
        }
        long at = position;
        position += size;
        reader.read(Payload.spilled(ByteReader.of(head), spill, 0), at);
    }

    private long remainingInFile() {
        try {
            return channel.size() - channel.position();
        } catch (IOException e) {
            throw new BinlogFileException("read failed: " + e.getMessage(), name, position, e);
        }
    }

    /** Iterates the events; a reader can be iterated once. */
    @Override
    public Iterator<BinlogEvent> iterator() {
        if (iterated) {
            throw new IllegalStateException("a BinlogFileReader can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            private BinlogEvent nextEvent;

            @Override
            public boolean hasNext() {
                if (nextEvent == null) {
                    nextEvent = BinlogFileReader.this.next();
                }
                return nextEvent != null;
            }

            @Override
            public BinlogEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("end of " + name);
                }
                BinlogEvent e = nextEvent;
                nextEvent = null;
                return e;
            }
        };
    }

    /**
     * Reads from the file until {@code n} bytes from {@code start} are buffered or the file ends; returns the
     * bytes buffered from {@code start} (fewer than {@code n} only at the end of the file). Unconsumed bytes
     * move to the front of the buffer; the buffer grows (doubling, so a corrupt size cannot allocate much more
     * than the file holds) for an event larger than a block, and returns to a block once such an event is done.
     */
    private int fill(int n) {
        if (end - start >= n) {
            return end - start;
        }
        int buffered = end - start;
        if (n > buf.length - start) {
            byte[] target = buf.length > BLOCK_SIZE && Math.max(n, buffered) <= BLOCK_SIZE ? new byte[BLOCK_SIZE] : buf;
            System.arraycopy(buf, start, target, 0, buffered);
            buf = target;
            start = 0;
            end = buffered;
        }
        boolean eof = false; // not kept: a file still being written may have grown by the next call
        try {
            while (end - start < n && !eof) {
                if (end == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
                }
                int r = in.read(buf, end, buf.length - end);
                if (r < 0) {
                    eof = true;
                } else {
                    end += r;
                }
            }
        } catch (EOFException e) {
            eof = true;
        } catch (IOException e) {
            throw new BinlogFileException("read failed: " + e.getMessage(), name, position, e);
        }
        return end - start;
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xFF));
        }
        return n == 0 ? "an empty file" : s.toString();
    }

    /** Closes the file and releases the spill files that are left (their large values can no longer be read). */
    @Override
    public void close() {
        spillFiles.close();
        try {
            in.close();
        } catch (IOException e) {
            throw new BinlogFileException("close failed: " + e.getMessage(), name, position, e);
        }
    }
}
