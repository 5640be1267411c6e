package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * MariaDB's compressed rows events ({@code log_bin_compress=ON}): WRITE/UPDATE/DELETE_ROWS_COMPRESSED_EVENT_V1
 * (166-168) and WRITE/UPDATE/DELETE_ROWS_COMPRESSED_EVENT (169-171), a v1 or v2 rows event whose row images are
 * one compressed record ({@link CompressedBytes#mariadbRecord}). Before it stand, uncompressed, the table id and
 * flags (8 bytes), in v2 the extra data (its 2-byte length counts itself), the column count and the column
 * bitmap(s), as {@code row_log_event_uncompress} in MariaDB's {@code log_event.cc} reads them.
 *
 * <p>The rebuilt body is decoded by {@link RowsDecoder} as the uncompressed type
 * ({@link EventType#uncompressed()}), into the same {@link WriteRowsEvent}, {@link UpdateRowsEvent} or
 * {@link DeleteRowsEvent}, which then gets the event's own header back (its type code stays 166-171). Lazy rows
 * name the uncompressed type in their errors.
 */
final class MariadbCompressedRowsDecoder implements BodyDecoder {

    private static final int TABLE_ID_AND_FLAGS = 8;

    private final RowsDecoder rows = new RowsDecoder();

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        EventType plainType = header.eventType().uncompressed();
        int start = body.arrayOffset();
        body.skip(TABLE_ID_AND_FLAGS);
        if (plainType.code() >= EventType.WRITE_ROWS_EVENT.code()) {
            int extraLength = body.peekUint8(0) | body.peekUint8(1) << 8;
            if (extraLength < 2) {
                throw new BodyFormatException("extra data length " + extraLength + ", expected at least 2");
            }
            body.skip(extraLength);
        }
        long columns = body.readLenencInt();
        boolean update = plainType == EventType.UPDATE_ROWS_EVENT || plainType == EventType.UPDATE_ROWS_EVENT_V1;
        long bitmaps = columns < 0 || columns > 8L * body.remaining()
                ? Long.MAX_VALUE
                : (update ? 2 : 1) * ((columns + 7) / 8);
        if (bitmaps > body.remaining()) {
            throw new BodyFormatException(
                    columns + " column(s): their bitmaps need more than the " + body.remaining() + " byte(s) left");
        }
        body.skip((int) bitmaps);
        int headLength = body.arrayOffset() - start;
        byte[] images = CompressedBytes.mariadbRecord(body);
        byte[] plain = new byte[headLength + images.length];
        System.arraycopy(body.array(), start, plain, 0, headLength);
        System.arraycopy(images, 0, plain, headLength, images.length);
        EventHeader plainHeader = new EventHeader(
                header.timestamp(),
                plainType,
                plainType.code(),
                header.serverId(),
                header.eventSize(),
                header.logPos(),
                header.flags());
        return withHeader(rows.decode(plainHeader, ByteReader.of(plain), ctx), header);
    }

    /** The rows event with the compressed event's own header. */
    private static BinlogEvent withHeader(BinlogEvent event, EventHeader header) {
        if (event instanceof WriteRowsEvent w) {
            return new WriteRowsEvent(
                    header, w.tableId(), w.table(), w.flags(), w.includedColumns(), w.rows(), w.extraData());
        }
        if (event instanceof UpdateRowsEvent u) {
            return new UpdateRowsEvent(
                    header,
                    u.tableId(),
                    u.table(),
                    u.flags(),
                    u.includedColumnsBefore(),
                    u.includedColumnsAfter(),
                    u.rows(),
                    u.extraData());
        }
        DeleteRowsEvent d = (DeleteRowsEvent) event;
        return new DeleteRowsEvent(
                header, d.tableId(), d.table(), d.flags(), d.includedColumns(), d.rows(), d.extraData());
    }
}
