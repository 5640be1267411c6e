package org.mysqlreplication.event.decode;

import java.util.zip.CRC32;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.UserVarEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;

/**
 * {@link EventDecoder#decodeSpilled} and {@link EventDecoder#skipSpilled}: the checks {@link EventDecoder} makes
 * on an event in memory (header, size, CRC32), made on an event in a spill file by reading it through a window,
 * then its body: a rows event's by {@link SpilledRowsDecoder}, a statement's from its first bytes, a compressed
 * event's by its {@link SpilledBodyDecoder}, a USER_VAR's by {@link UserVarDecoder#decodeSpilled}. Only these
 * types are spilled ({@link EventRegistry#spillable}), so the checksum rules are those of every event but
 * FORMAT_DESCRIPTION: the context's algorithm, over all bytes before the checksum; an event inside a
 * TRANSACTION_PAYLOAD has none.
 *
 * <p>Not thread-safe: one per event.
 */
final class SpilledEventDecoder {

    private final EventDecoder decoder;
    private final SpillFile file;
    private final long offset;
    private final EventHeader header;
    private final long position;
    /** An event of a TRANSACTION_PAYLOAD: no checksum. */
    private final boolean inner;

    private int headerLength;
    private SpillCursor body;

    /** For the event at {@code offset} of {@code file}, whose header and position the caller read. */
    SpilledEventDecoder(
            EventDecoder decoder, SpillFile file, long offset, EventHeader header, long position, boolean inner) {
        this.decoder = decoder;
        this.file = file;
        this.offset = offset;
        this.header = header;
        this.position = position;
        this.inner = inner;
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
    BinlogEvent decode(boolean skip) {
        if (EventRegistry.endsWithText(header.eventType())) {
            return runTruncated(skip);
        }
        if (header.eventType() == EventType.USER_VAR_EVENT) {
            return runUserVar(skip);
        }
        if (EventRegistry.entry(header.eventType()) != null
                && EventRegistry.entry(header.eventType()).decoder() instanceof SpilledBodyDecoder) {
            return runStreamed(skip);
        }
        return run(skip);
    }

    /** A rows event: the event, or null for a skip; releases the file unless the event holds a large value. */
    private BinlogEvent run(boolean skip) {
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
    private BinlogEvent runTruncated(boolean skip) {
        try {
            DecodeContext ctx = decoder.context();
            int checksum = verify();
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

    /**
     * A USER_VAR event: its checksum verified over the whole file, then decoded from the file, its value a
     * {@link org.mysqlreplication.value.LargeValue} when larger than the threshold (see
     * {@link UserVarDecoder#decodeSpilled}). The file is released unless the event holds that value.
     */
    private BinlogEvent runUserVar(boolean skip) {
        boolean keep = false;
        try {
            int checksum = verify();
            if (skip) {
                return null;
            }
            UserVarEvent event;
            try {
                event = UserVarDecoder.decodeSpilled(header, body(checksum), file, decoder.context());
            } catch (RuntimeException e) {
                throw decoder.failure(e, header, position, offsetInEvent());
            }
            checkConsumed();
            keep = event.largeValue() != null;
            return event;
        } finally {
            if (!keep) {
                file.release();
            }
        }
    }

    /**
     * A compressed event (see {@link SpilledBodyDecoder}): its checksum verified over the whole file, then its body
     * decoded by its type's decoder from the file. The file is released: what the event keeps is in files of its own.
     */
    private BinlogEvent runStreamed(boolean skip) {
        try {
            int checksum = verify();
            if (skip && !EventRegistry.carriesState(header.eventType())) {
                return null;
            }
            SpilledBodyDecoder d =
                    (SpilledBodyDecoder) EventRegistry.entry(header.eventType()).decoder();
            try {
                return d.decodeSpilled(header, body(checksum), decoder.context());
            } catch (RuntimeException e) {
                throw decoder.failure(e, header, position, offsetInEvent());
            }
        } finally {
            file.release();
        }
    }

    /**
     * A TRANSACTION_PAYLOAD: its checksum verified, its header fields read, its events opened to be read from the
     * file, which they release when they are closed (here, on a failure).
     */
    PayloadEvents openPayload() {
        boolean opened = false;
        try {
            int checksum = verify();
            try {
                PayloadEvents events = TransactionPayloadDecoder.open(body(checksum), decoder.context(), file);
                opened = true;
                return events;
            } catch (RuntimeException e) {
                throw decoder.failure(e, header, position, offsetInEvent());
            }
        } finally {
            if (!opened) {
                file.release();
            }
        }
    }

    /** Checks size and checksum (reading the file through); the checksum's length. */
    private int verify() {
        int checksum = checkSize();
        if (checksum > 0 && decoder.context().verifyChecksum()) {
            verifyChecksum(new SpillCursor(file, offset, file.length() - offset));
        }
        return checksum;
    }

    /** A cursor over the body: the bytes between the header and the checksum of {@code checksum} bytes. */
    private SpillCursor body(int checksum) {
        body = new SpillCursor(file, offset + headerLength, header.eventSize() - headerLength - checksum);
        return body;
    }

    /** Sets the event's position and header length; checks its size; its checksum's length. */
    private int checkSize() {
        DecodeContext ctx = decoder.context();
        ctx.setEventPosition(position);
        long available = file.length() - offset;
        headerLength = decoder.headerLength(header);
        int checksum = inner ? 0 : ctx.checksumAlgorithm().length();
        if (header.eventSize() < headerLength + checksum || header.eventSize() > available) {
            throw decoder.sizeOutside(header, headerLength + checksum, available, position);
        }
        return checksum;
    }

    /** Checks size and checksum; the rows decoder of the body, or null for a skip. */
    private SpilledRowsDecoder prepare(boolean skip) {
        DecodeContext ctx = decoder.context();
        if (!header.eventType().isRowsEvent()) {
            ctx.setEventPosition(position);
            throw new EventDecodeException(
                    "only rows events, statements, user variables and compressed events are decoded from a spill file",
                    ctx.binlogFile(),
                    position,
                    header.typeName(),
                    -1,
                    null);
        }
        int checksum = verify();
        if (skip) {
            return null;
        }
        return new SpilledRowsDecoder(body(checksum), file, ctx.largeValueThreshold());
    }

    private BinlogEvent decodeBody(SpilledRowsDecoder rows) {
        DecodeContext ctx = decoder.context();
        BinlogEvent event;
        try {
            event = rows.decode(header, ctx);
        } catch (RuntimeException e) {
            throw decoder.failure(e, header, position, offsetInEvent());
        }
        checkConsumed();
        return event;
    }

    /** An event that leaves bytes of its body unread is an error. */
    private void checkConsumed() {
        DecodeContext ctx = decoder.context();
        if (body.remaining() > 0) {
            throw new EventDecodeException(
                    body.remaining() + " byte(s) left over after the event body",
                    ctx.binlogFile(),
                    position,
                    header.typeName(),
                    offsetInEvent(),
                    null);
        }
    }

    private int offsetInEvent() {
        return body == null ? -1 : (int) Math.min(Integer.MAX_VALUE, headerLength + body.position());
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
