package org.mysqlreplication.event.decode;

import java.util.zip.CRC32;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;

/**
 * {@link EventDecoder#decodeSpilled} and {@link EventDecoder#skipSpilled}: the checks {@link EventDecoder} makes
 * on an event in memory (header, size, CRC32), made on a rows event in a spill file by reading it through a
 * window, then its body by {@link SpilledRowsDecoder}. Only rows events are spilled, so the checksum rules are
 * those of every event but FORMAT_DESCRIPTION: the context's algorithm, over all bytes before the checksum.
 *
 * <p>Not thread-safe: one per event.
 */
final class SpilledEventDecoder {

    private final EventDecoder decoder;
    private final SpillFile file;
    private final long offset;
    private final EventHeader header;
    private final long position;
    private int headerLength;
    private SpillCursor body;

    /** For the event at {@code offset} of {@code file}, whose header and position the caller read. */
    SpilledEventDecoder(EventDecoder decoder, SpillFile file, long offset, EventHeader header, long position) {
        this.decoder = decoder;
        this.file = file;
        this.offset = offset;
        this.header = header;
        this.position = position;
    }

    /** The common header of the event at {@code offset} of {@code file}. */
    static EventHeader readHeader(SpillFile file, long offset, DecodeContext ctx, long knownPosition) {
        try {
            return EventDecoder.readHeader(
                    new SpillCursor(file, offset, file.length() - offset).window(EventHeader.SIZE));
        } catch (BinlogException e) {
            file.release();
            throw new EventDecodeException(
                    "event header truncated: " + e.getMessage(), ctx.binlogFile(), knownPosition, "<unknown>", 0, e);
        }
    }

    /** The event, or null for a skip; releases the file unless the event holds a large value. */
    BinlogEvent run(boolean skip) {
        boolean keep = false;
        try {
            SpilledRowsDecoder rows = prepare(skip);
            if (rows == null) {
                return null;
            }
            BinlogEvent event = decodeBody(rows);
            keep = rows.largeValues() > 0;
            return event;
        } finally {
            if (!keep) {
                file.release(); // nothing refers to the file: its disk space comes back now, not after a GC
            }
        }
    }

    /**
     * A statement event (QUERY, ANNOTATE_ROWS, ROWS_QUERY) too large for the heap: its checksum verified over the
     * whole file, then decoded from its first bytes up to the large-value threshold of body, its text cut there and
     * marked with its whole length. The file is released.
     */
    BinlogEvent runTruncated(boolean skip) {
        try {
            DecodeContext ctx = decoder.context();
            int checksum = checkSize();
            if (checksum > 0 && ctx.verifyChecksum()) {
                verifyChecksum(new SpillCursor(file, offset, file.length() - offset));
            }
            if (skip && !EventRegistry.carriesState(header.eventType())) {
                return null;
            }
            long bodyLength = header.eventSize() - headerLength - checksum;
            int keep = (int) Math.min(bodyLength, ctx.largeValueThreshold());
            byte[] head = new byte[headerLength + keep];
            file.readFully(offset, head, 0, head.length);
            ctx.setTruncatedBy(bodyLength - keep);
            try {
                return decoder.decodeBody(header, ByteReader.of(head, headerLength, keep), headerLength, position);
            } finally {
                ctx.setTruncatedBy(0);
            }
        } finally {
            file.release();
        }
    }

    /** Sets the event's position and header length; checks its size; its checksum's length. */
    private int checkSize() {
        DecodeContext ctx = decoder.context();
        ctx.setEventPosition(position);
        long available = file.length() - offset;
        headerLength = decoder.headerLength(header);
        int checksum = ctx.checksumAlgorithm().length();
        if (header.eventSize() < headerLength + checksum || header.eventSize() > available) {
            throw decoder.sizeOutside(header, headerLength + checksum, available, position);
        }
        return checksum;
    }

    /** Checks size and checksum; the rows decoder of the body, or null for a skip. */
    private SpilledRowsDecoder prepare(boolean skip) {
        DecodeContext ctx = decoder.context();
        int checksum = checkSize();
        long available = file.length() - offset;
        if (!header.eventType().isRowsEvent()) {
            throw new EventDecodeException(
                    "only rows events are decoded from a spill file",
                    ctx.binlogFile(),
                    position,
                    header.typeName(),
                    -1,
                    null);
        }
        if (checksum > 0 && ctx.verifyChecksum()) {
            verifyChecksum(new SpillCursor(file, offset, available));
        }
        if (skip) {
            return null;
        }
        body = new SpillCursor(file, offset + headerLength, header.eventSize() - headerLength - checksum);
        return new SpilledRowsDecoder(body, file, ctx.largeValueThreshold());
    }

    private BinlogEvent decodeBody(SpilledRowsDecoder rows) {
        DecodeContext ctx = decoder.context();
        BinlogEvent event;
        try {
            event = rows.decode(header, ctx);
        } catch (RuntimeException e) {
            throw decoder.failure(e, header, position, offsetInEvent());
        }
        if (body.remaining() > 0) {
            throw new EventDecodeException(
                    body.remaining() + " byte(s) left over after the event body",
                    ctx.binlogFile(),
                    position,
                    header.typeName(),
                    offsetInEvent(),
                    null);
        }
        return event;
    }

    private int offsetInEvent() {
        return (int) Math.min(Integer.MAX_VALUE, headerLength + body.position());
    }

    /** CRC32 of every byte before the last 4, read through {@code cursor}'s window, against those 4 bytes. */
    private void verifyChecksum(SpillCursor cursor) {
        CRC32 crc = new CRC32();
        long covered = header.eventSize() - 4;
        while (cursor.position() < covered) {
            ByteReader w = cursor.window((int) Math.min(SpillCursor.BUFFER, covered - cursor.position()));
            crc.update(w.array(), w.arrayOffset(), w.remaining());
            cursor.advance(w.remaining());
        }
        long expected = cursor.window(4).readUint32();
        if (crc.getValue() != expected) {
            throw new ChecksumException(
                    decoder.context().binlogFile(), position, header.typeName(), expected, crc.getValue());
        }
    }
}
