package org.mysqlreplication.event.decode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.schema.TableSchema;

/**
 * WRITE/UPDATE/DELETE rows events, v0 (PRE_GA 20-22), v1 (23-25) and v2 (30-32): table id (6, or 4 when the
 * post-header is 6), flags (2), and in v2 the extra-data length (2, counting itself) and extra data; then the
 * column count (length-encoded), the included-columns bitmap (a second one for the after image of v1/v2 updates;
 * v0 updates have one for both), then row images to the end of the body. Each image is a null bitmap over the
 * included columns followed by the non-NULL values, decoded by {@link RowImageDecoder}.
 */
final class RowsDecoder implements BodyDecoder {

    private static final int DUMMY_TABLE_ID = 0x00FF_FFFF;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        EventType type = header.eventType();
        boolean v2 = type == EventType.WRITE_ROWS_EVENT || type == EventType.UPDATE_ROWS_EVENT
                || type == EventType.DELETE_ROWS_EVENT;
        boolean v0 = type == EventType.PRE_GA_WRITE_ROWS_EVENT || type == EventType.PRE_GA_UPDATE_ROWS_EVENT
                || type == EventType.PRE_GA_DELETE_ROWS_EVENT;
        int postHeader = ctx.postHeaderLength(header.typeCode(), v2 ? 10 : 8);
        long tableId = postHeader == 6 ? body.readUint32() : body.readUint48();
        int flags = body.readUint16();
        byte[] extra = new byte[0];
        if (v2) {
            int extraLength = body.readUint16();
            if (extraLength < 2) {
                throw new BodyFormatException("extra data length " + extraLength + ", expected at least 2");
            }
            extra = body.readBytes(extraLength - 2);
        }
        body.skip(Math.max(0, postHeader - (v2 ? 10 : 8)));
        int columns = body.readLenencLength();
        TableMapEvent tableMap = ctx.tableMap(tableId);
        if (tableMap == null) {
            throw new TableMapMissingException(tableId, ctx.binlogFile(), ctx.eventPosition(), header.typeName());
        }
        TableSchema table = ctx.tableSchema(tableId);
        if (columns != tableMap.columnCount()) {
            throw new BodyFormatException("rows event has " + columns + " column(s), its table map "
                    + tableMap.columnCount());
        }
        BitSet before = bitmap(body, columns);
        boolean update = type == EventType.UPDATE_ROWS_EVENT || type == EventType.UPDATE_ROWS_EVENT_V1
                || type == EventType.PRE_GA_UPDATE_ROWS_EVENT;
        BitSet after = update && !v0 ? bitmap(body, columns) : before;
        if (before.isEmpty() || after.isEmpty()) {
            if (body.hasRemaining()) {
                // an image of no column takes no bytes: the rows that follow could never end
                throw new BodyFormatException("row images with no included column, but " + body.remaining()
                        + " byte(s) of rows");
            }
        }
        RowImageDecoder images = new RowImageDecoder(table);
        RowImageDecoder.Image beforeImage = new RowImageDecoder.Image(before);
        if (update) {
            RowImageDecoder.Image afterImage = after == before ? beforeImage : new RowImageDecoder.Image(after);
            List<UpdateRow> rows = null;
            while (body.hasRemaining()) {
                int from = body.remaining();
                Row b = images.read(body, beforeImage);
                UpdateRow r = new UpdateRow(b, images.read(body, afterImage));
                rows = rows != null ? rows : new ArrayList<>(expectedRows(from, body.remaining()));
                rows.add(r);
            }
            rows = rows != null ? rows : List.of();
            return new UpdateRowsEvent(header, tableId, table, flags, before, after, rows, extra);
        }
        List<Row> rows = null;
        while (body.hasRemaining()) {
            int from = body.remaining();
            Row r = images.read(body, beforeImage);
            rows = rows != null ? rows : new ArrayList<>(expectedRows(from, body.remaining()));
            rows.add(r);
        }
        rows = rows != null ? rows : List.of();
        boolean write = type == EventType.WRITE_ROWS_EVENT || type == EventType.WRITE_ROWS_EVENT_V1
                || type == EventType.PRE_GA_WRITE_ROWS_EVENT;
        return write ? new WriteRowsEvent(header, tableId, table, flags, before, rows, extra)
                : new DeleteRowsEvent(header, tableId, table, flags, before, rows, extra);
    }

    /**
     * The list capacity for an event's rows, guessed from the first row's size, so that the list rarely grows
     * (the rows event copies it once more into an immutable list anyway).
     */
    private static int expectedRows(int before, int after) {
        int first = Math.max(1, before - after);
        return 1 + after / first + (after / first >> 3) + 1;
    }

    /** A column bitmap; the padding bits of its last byte (servers write them as 1) are cleared. */
    private static BitSet bitmap(ByteReader body, int columns) {
        BitSet bits = body.readBitmap(columns);
        if (bits.length() > columns) {
            bits.clear(columns, bits.length());
        }
        return bits;
    }
}
