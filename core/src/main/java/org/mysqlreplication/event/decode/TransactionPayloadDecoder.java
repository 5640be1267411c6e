package org.mysqlreplication.event.decode;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.TransactionPayloadEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;

/**
 * TRANSACTION_PAYLOAD_EVENT (40, MySQL 8.0.20+): a header of fields, each a type, a length and a value (all
 * length-encoded integers: 1 payload size, 2 compression type, 3 uncompressed size; fields of other types are
 * skipped by their length, as MySQL's {@code Transaction_payload::decode} does), ended by type 0; then the payload
 * to the end of the body: the transaction's events, zstd-compressed (type 0) or as they are (type 255). The
 * uncompressed size defaults to the payload size when absent or 0, as in MySQL.
 *
 * <p>{@link #open} reads the fields and opens the payload as a stream of events ({@link PayloadEvents}), which the
 * {@link EventReader} decodes one at a time as they are handed out. Decoded here as a body (by
 * {@link EventDecoder#decode} for tests and tools), the events are all decoded into the
 * {@link TransactionPayloadEvent}, in the context, so their TABLE_MAPs register for their rows events.
 */
final class TransactionPayloadDecoder implements BodyDecoder, SpilledBodyDecoder {

    private static final int END_MARK = 0;
    private static final int PAYLOAD_SIZE = 1;
    private static final int COMPRESSION_TYPE = 2;
    private static final int UNCOMPRESSED_SIZE = 3;
    /** The most bytes of header fields read from a spill file: far more than the three known fields take. */
    private static final int MAX_FIELDS = 64 * 1024;

    /** The header fields: compression type, payload size as written, uncompressed size. */
    record Fields(int compression, long payloadSize, long uncompressedSize) {}

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        return all(header, open(body, ctx, false), ctx);
    }

    @Override
    public BinlogEvent decodeSpilled(EventHeader header, SpillCursor body, DecodeContext ctx) {
        return all(header, open(body, ctx, null), ctx);
    }

    private static TransactionPayloadEvent all(EventHeader header, PayloadEvents events, DecodeContext ctx) {
        List<BinlogEvent> decoded = ctx.innerEvents(events);
        Fields f = events.fields();
        return new TransactionPayloadEvent(header, f.compression(), f.payloadSize(), f.uncompressedSize(), decoded);
    }

    /**
     * The events of the payload in {@code body}, in the heap: the payload is copied when {@code copy} (the reader
     * decodes its events after the source may have reused the body's array).
     */
    static PayloadEvents open(ByteReader body, DecodeContext ctx, boolean copy) {
        Fields f = fields(body, body.remaining());
        byte[] bytes = body.array();
        int from = body.arrayOffset();
        if (copy) {
            bytes = Arrays.copyOfRange(bytes, from, from + body.remaining());
            from = 0;
        }
        InputStream payload = new ByteArrayInputStream(bytes, from, body.remaining());
        body.skip(body.remaining());
        return new PayloadEvents(f, stream(f, payload), null, ctx);
    }

    /**
     * The events of the payload in the spill file region {@code body}; {@code owned}, when not null, is the file,
     * which the events release when they are closed.
     */
    static PayloadEvents open(SpillCursor body, DecodeContext ctx, SpillFile owned) {
        ByteReader window = body.window(MAX_FIELDS);
        Fields f = fields(window, body.remaining());
        body.advance(window.position());
        return new PayloadEvents(f, stream(f, body.rest()), owned, ctx);
    }

    /** Reads the header fields and checks them against the payload, the rest of the {@code bodyLength} bytes. */
    private static Fields fields(ByteReader body, long bodyLength) {
        long payloadSize = -1;
        long compression = -1;
        long uncompressedSize = 0;
        int start = body.position();
        for (long type = body.readLenencInt(); type != END_MARK; type = body.readLenencInt()) {
            ByteReader field = body.slice(body.readLenencLength());
            if (type == PAYLOAD_SIZE) {
                payloadSize = value(type, field);
            } else if (type == COMPRESSION_TYPE) {
                compression = value(type, field);
            } else if (type == UNCOMPRESSED_SIZE) {
                uncompressedSize = value(type, field);
            }
        }
        long payloadBytes = bodyLength - (body.position() - start);
        if (payloadSize != payloadBytes) {
            throw new BodyFormatException("payload size " + payloadSize + " (-1: not given), but " + payloadBytes
                    + " byte(s) follow the header");
        }
        uncompressedSize = uncompressedSize == 0 ? payloadSize : uncompressedSize;
        if (compression != TransactionPayloadEvent.ZSTD
                && !(compression == TransactionPayloadEvent.NONE && uncompressedSize == payloadSize)) {
            throw new BodyFormatException("compression type " + compression + " with " + payloadSize + " byte(s)"
                    + " declared as " + uncompressedSize + ": expected 0 (zstd) or 255 (none, sizes equal)");
        }
        return new Fields((int) compression, payloadSize, uncompressedSize);
    }

    private static DecompressedStream stream(Fields f, InputStream payload) {
        return f.compression() == TransactionPayloadEvent.ZSTD
                ? DecompressedStream.zstd(payload, f.uncompressedSize())
                : DecompressedStream.stored(payload, f.payloadSize());
    }

    /** A field's value: one length-encoded integer that fills the field's length exactly. */
    private static long value(long type, ByteReader field) {
        int length = field.remaining();
        long v = field.readLenencInt();
        if (field.hasRemaining()) {
            throw new BodyFormatException("payload header field " + type + " of " + length + " byte(s) holds a "
                    + (length - field.remaining()) + "-byte value");
        }
        return v;
    }
}
