package org.mysqlreplication.event.decode;

import java.util.function.Consumer;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;

/**
 * The events inside one TRANSACTION_PAYLOAD, taken one at a time from its decompressed stream: each comes out as an
 * {@link Payload} like an event read from a socket or a file, in the heap when it is no larger than the large-value
 * threshold, else copied as it decompresses into a spill file of the reader's (when the context has
 * {@link DecodeContext#spillFiles() spill files} and the type is one that is decoded from a spill file, see
 * {@link EventRegistry#spillable}). So at most one inner event's bytes are in the heap at a time, however large the
 * transaction; the compressed payload itself is read from the event's spill file when it came in one.
 *
 * <p>Every failure, of the stream (corrupt, longer or shorter than declared) or of decoding an event it gave, is an
 * {@link EventDecodeException} naming the payload's file, position and type and the offset of the inner event in
 * the uncompressed payload (but a typed failure that is not about the bytes: see {@link #failure}).
 *
 * <p>Not thread-safe: one per payload being read.
 */
final class PayloadEvents implements AutoCloseable {

    /** How many of a spilled inner event's first bytes stay in the heap: its header and table id. */
    private static final int SPILL_HEAD = 64;

    private final TransactionPayloadDecoder.Fields fields;
    private final DecompressedStream in;
    /** The file the compressed payload is read from, released when this is closed; null when it is in the heap. */
    private final SpillFile source;

    private final SpillFiles spillFiles;
    private final int threshold;
    private final String binlogFile;
    private final long position;
    private long offset;
    private long events;
    private boolean closed;

    PayloadEvents(TransactionPayloadDecoder.Fields fields, DecompressedStream in, SpillFile source, DecodeContext ctx) {
        this.fields = fields;
        this.in = in;
        this.source = source;
        this.spillFiles = ctx.spillFiles();
        this.threshold = ctx.largeValueThreshold();
        this.binlogFile = ctx.binlogFile();
        this.position = ctx.eventPosition();
    }

    /** The payload's header fields. */
    TransactionPayloadDecoder.Fields fields() {
        return fields;
    }

    /** The payload's position in its binlog file, which its events share; -1 when not known. */
    long position() {
        return position;
    }

    /**
     * Reads the next inner event's bytes, header first and no checksum, and gives them to {@code reader} (which
     * decodes them, or their spill file is released); false, and {@code reader} not called, after the last one, once
     * the stream was checked to end exactly at the declared size. Closes this at the end and on a failure.
     *
     * @throws EventDecodeException when the stream is corrupt or disagrees with its sizes, holds no event, or its event
     *     cannot be decoded (see {@link #failure})
     */
    boolean readNext(Consumer<Payload> reader) {
        Payload p = next();
        if (p == null) {
            return false;
        }
        try {
            reader.accept(p);
            return true;
        } catch (RuntimeException e) {
            close();
            throw failure(e);
        }
    }

    /** The next inner event's bytes, or null after the last one. */
    private Payload next() {
        try {
            offset = in.position();
            if (in.remaining() == 0) {
                in.finish();
                if (events == 0) {
                    throw new BodyFormatException("a transaction payload without any event");
                }
                close();
                return null;
            }
            events++;
            return read();
        } catch (RuntimeException e) {
            close();
            throw failure(e);
        }
    }

    private Payload read() {
        byte[] header = new byte[EventHeader.SIZE];
        int n = (int) Math.min(header.length, in.remaining());
        in.readFully(header, 0, n); // the data may end first: that is what is wrong then
        if (n < header.length) {
            throw new BodyFormatException("event header truncated: " + n + " byte(s) of 19 remain");
        }
        EventHeader h = EventDecoder.readHeader(ByteReader.of(header));
        if (h.eventSize() < EventHeader.SIZE || h.eventSize() - EventHeader.SIZE > in.remaining()) {
            in.skip(in.remaining());
            in.finish(); // data that goes on past the declared size is what is wrong then
            throw new BodyFormatException("event size " + h.eventSize() + " outside 19.."
                    + (EventHeader.SIZE + in.remaining()) + " (a header .. the bytes left in the payload)");
        }
        long body = h.eventSize() - EventHeader.SIZE;
        if (h.eventSize() <= threshold || spillFiles == null || !EventRegistry.spillable(h.eventType())) {
            return Payload.of(ByteReader.of(in.readAfter(ByteReader.of(header), body)));
        }
        SpillFile spill = spillFiles.create();
        try {
            spill.write(header, 0, header.length);
            in.copyTo(spill, body);
        } catch (RuntimeException e) {
            spill.release();
            throw e;
        }
        byte[] head = new byte[SPILL_HEAD];
        spill.readFully(0, head, 0, head.length);
        return Payload.spilled(ByteReader.of(head), spill, 0);
    }

    /**
     * What a failure reading or decoding the event given last becomes: an {@link EventDecodeException} of the
     * payload that says where in it, but for a typed failure that is not about the bytes (a spill file, a schema
     * resolver's lost connection), which comes out as it is.
     */
    private RuntimeException failure(RuntimeException e) {
        if (e instanceof BinlogException
                && !(e instanceof EventDecodeException)
                && !(e instanceof BodyFormatException)) {
            return e;
        }
        return new EventDecodeException(
                "event at offset " + offset + " of the uncompressed payload: " + e.getMessage(),
                binlogFile,
                position,
                EventType.TRANSACTION_PAYLOAD_EVENT.name(),
                -1,
                e);
    }

    /** Releases the decompressor and the compressed payload's spill file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        in.close();
        if (source != null) {
            source.release();
        }
    }
}
