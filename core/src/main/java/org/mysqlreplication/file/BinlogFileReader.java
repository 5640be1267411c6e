package org.mysqlreplication.file;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.EventDecoder;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.io.ByteReader;

/**
 * Reads the events of a binlog (or relay log) file from disk, one by one, through the same {@link EventDecoder}
 * a live stream uses. The file must start with the magic {@code \xfebin}; each event is then read whole (its size
 * is in its header) and decoded with its real position in the file.
 *
 * <p>Use it as an {@link Iterable} (once) or call {@link #next()} until it returns {@code null}; close it after.
 * A file that ends inside an event raises a {@link BinlogFileException} naming the file and the position.
 *
 * <p>Not thread-safe.
 */
public final class BinlogFileReader implements Iterable<BinlogEvent>, AutoCloseable {

    /** The 4 bytes every binlog file starts with ({@code \xfebin}). */
    private static final byte[] MAGIC = {(byte) 0xFE, 'b', 'i', 'n'};

    private static final int BUFFER_SIZE = 1 << 16;

    private final String name;
    private final InputStream in;
    private final EventDecoder decoder;
    private long position;
    private boolean iterated;

    /** Opens {@code file} with a context that delivers event types it does not decode as UnknownEvent. */
    public BinlogFileReader(Path file) {
        this(file, new DecodeContext(UnknownEventPolicy.DELIVER));
    }

    /** Opens {@code file} and checks its magic; the context gets the file name. */
    public BinlogFileReader(Path file, DecodeContext ctx) {
        this.name = file.getFileName().toString();
        try {
            this.in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
        } catch (IOException e) {
            throw new BinlogFileException("cannot open: " + e.getMessage(), file.toString(), 0, e);
        }
        ctx.setBinlogFile(name);
        this.decoder = new EventDecoder(ctx);
        checkMagic();
    }

    private void checkMagic() {
        byte[] magic = new byte[MAGIC.length];
        int n = readUpTo(magic, 0, magic.length);
        if (n != MAGIC.length || !java.util.Arrays.equals(magic, MAGIC)) {
            close();
            throw new BinlogFileException("not a binlog file: expected magic fe 62 69 6e, found "
                    + hex(magic, n), name, 0, null);
        }
        position = MAGIC.length;
    }

    /** The decoder (and through it the context) this reader uses. */
    public EventDecoder decoder() {
        return decoder;
    }

    /** The position of the next event in the file. */
    public long position() {
        return position;
    }

    /** The next event, or {@code null} at the end of the file. */
    public BinlogEvent next() {
        byte[] head = new byte[EventHeader.SIZE];
        int n = readUpTo(head, 0, head.length);
        if (n == 0) {
            return null;
        }
        if (n < head.length) {
            throw new BinlogFileException("file ends inside an event header (" + n + " of 19 bytes)", name,
                    position, null);
        }
        long size = EventDecoder.readHeader(ByteReader.of(head)).eventSize();
        if (size < EventHeader.SIZE || size > Integer.MAX_VALUE - 8) {
            throw new BinlogFileException("event size " + size + " is not a valid size", name, position, null);
        }
        byte[] event = java.util.Arrays.copyOf(head, (int) size);
        int got = readUpTo(event, head.length, event.length - head.length);
        if (got < event.length - head.length) {
            throw new BinlogFileException("file ends inside an event: its header says " + size + " bytes, "
                    + (head.length + got) + " remain", name, position, null);
        }
        long at = position;
        position += size;
        // a relay log's ROTATE events name the source's binlog; positions here are in this file
        decoder.context().setBinlogFile(name);
        return decoder.decode(ByteReader.of(event), at);
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

    private int readUpTo(byte[] buf, int off, int len) {
        try {
            int total = 0;
            while (total < len) {
                int r = in.read(buf, off + total, len - total);
                if (r < 0) {
                    break;
                }
                total += r;
            }
            return total;
        } catch (EOFException e) {
            return 0;
        } catch (IOException e) {
            throw new BinlogFileException("read failed: " + e.getMessage(), name, position, e);
        }
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xFF));
        }
        return n == 0 ? "an empty file" : s.toString();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new BinlogFileException("close failed: " + e.getMessage(), name, position, e);
        }
    }
}
