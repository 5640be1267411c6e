package org.mysqlreplication.event.decode;

import java.util.List;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.TransactionPayloadEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * TRANSACTION_PAYLOAD_EVENT (40, MySQL 8.0.20+): a header of fields, each a type, a length and a value (all
 * length-encoded integers: 1 payload size, 2 compression type, 3 uncompressed size; fields of other types are
 * skipped by their length, as MySQL's {@code Transaction_payload::decode} does), ended by type 0; then the payload
 * to the end of the body: the transaction's events, zstd-compressed (type 0) or as they are (type 255). The
 * uncompressed size defaults to the payload size when absent or 0, as in MySQL.
 *
 * <p>The events inside are decoded by the {@link EventDecoder} of the context, in that context, so their
 * TABLE_MAPs register for their rows events.
 */
final class TransactionPayloadDecoder implements BodyDecoder {

    private static final int END_MARK = 0;
    private static final int PAYLOAD_SIZE = 1;
    private static final int COMPRESSION_TYPE = 2;
    private static final int UNCOMPRESSED_SIZE = 3;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        long payloadSize = -1;
        long compression = -1;
        long uncompressedSize = 0;
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
        if (payloadSize != body.remaining()) {
            throw new BodyFormatException("payload size " + payloadSize + " (-1: not given), but " + body.remaining()
                    + " byte(s) follow the header");
        }
        uncompressedSize = uncompressedSize == 0 ? payloadSize : uncompressedSize;
        byte[] payload;
        if (compression == TransactionPayloadEvent.ZSTD) {
            payload = CompressedBytes.zstd(body, uncompressedSize);
        } else if (compression == TransactionPayloadEvent.NONE && uncompressedSize == payloadSize) {
            payload = body.readRemainingBytes();
        } else {
            throw new BodyFormatException("compression type " + compression + " with " + payloadSize + " byte(s)"
                    + " declared as " + uncompressedSize + ": expected 0 (zstd) or 255 (none, sizes equal)");
        }
        List<BinlogEvent> events = ctx.innerEvents(payload);
        if (events.isEmpty()) {
            throw new BodyFormatException("a transaction payload without any event");
        }
        return new TransactionPayloadEvent(header, (int) compression, payloadSize, uncompressedSize, events);
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
