package org.mysqlreplication.event.decode;

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
 * What a WRITE/UPDATE/DELETE rows event holds before its row images, v0 (PRE_GA 20-22), v1 (23-25) and v2
 * (30-32): table id (6, or 4 when the post-header is 6), flags (2), and in v2 the extra-data length (2, counting
 * itself) and extra data; then the column count (length-encoded) and the included-columns bitmap (a second one
 * for the after image of v1/v2 updates; v0 updates have one for both). Read the same way for events in memory
 * ({@link RowsDecoder}) and in a spill file ({@link SpilledRowsDecoder}).
 *
 * <p>Mutable and reused: {@link RowsDecoder} reads every event's post-header into one instance. As a record made
 * per event, it cost the in-memory path 176 bytes per rows event in {@code RowsEventBenchmark} (the JIT no longer
 * scalar-replaced what it had), where the point was that this path allocates nothing more.
 *
 * <p>Not thread-safe: one per {@link RowsDecoder}, or per spilled event.
 */
final class RowsPostHeader {

    private long tableId;
    private int flags;
    private byte[] extra;
    private TableSchema table;
    private BitSet before;
    private BitSet after;
    private boolean update;
    private boolean write;

    TableSchema table() {
        return table;
    }

    /** The included columns of the (before) images, padding bits cleared. */
    BitSet before() {
        return before;
    }

    /** The included columns of an update's after images; {@link #before()} itself for other events. */
    BitSet after() {
        return after;
    }

    boolean update() {
        return update;
    }

    /** Reads the post-header and bitmaps from {@code body}, which is left at the first row image. */
    void read(EventHeader header, ByteReader body, DecodeContext ctx) {
        EventType type = header.eventType();
        boolean v2 = type == EventType.WRITE_ROWS_EVENT
                || type == EventType.UPDATE_ROWS_EVENT
                || type == EventType.DELETE_ROWS_EVENT
                || type == EventType.PARTIAL_UPDATE_ROWS_EVENT;
        boolean v0 = type == EventType.PRE_GA_WRITE_ROWS_EVENT
                || type == EventType.PRE_GA_UPDATE_ROWS_EVENT
                || type == EventType.PRE_GA_DELETE_ROWS_EVENT;
        int postHeader = ctx.postHeaderLength(header.typeCode(), v2 ? 10 : 8);
        tableId = tableIdLength(postHeader) == 4 ? body.readUint32() : body.readUint48();
        flags = body.readUint16();
        extra = new byte[0];
        if (v2) {
            int extraLength = body.readUint16();
            if (extraLength < 2) {
                throw new BodyFormatException("extra data length " + extraLength + ", expected at least 2");
            }
            extra = body.readBytes(extraLength - 2);
        }
        body.skip(Math.max(0, postHeader - (v2 ? 10 : 8)));
        // a count of columns, not of bytes: each costs one bit of each bitmap, and NULLs take no row bytes at all
        int columns = body.readLenencCount(8L * body.remaining());
        TableMapEvent tableMap = ctx.tableMap(tableId);
        if (tableMap == null) {
            throw new TableMapMissingException(tableId, ctx.binlogFile(), ctx.eventPosition(), header.typeName());
        }
        table = ctx.tableSchema(tableId);
        if (columns != tableMap.columnCount()) {
            throw new BodyFormatException(
                    "rows event has " + columns + " column(s), its table map " + tableMap.columnCount());
        }
        before = bitmap(body, columns);
        update = type == EventType.UPDATE_ROWS_EVENT
                || type == EventType.UPDATE_ROWS_EVENT_V1
                || type == EventType.PRE_GA_UPDATE_ROWS_EVENT
                || type == EventType.PARTIAL_UPDATE_ROWS_EVENT;
        after = update && !v0 ? bitmap(body, columns) : before;
        write = type == EventType.WRITE_ROWS_EVENT
                || type == EventType.WRITE_ROWS_EVENT_V1
                || type == EventType.PRE_GA_WRITE_ROWS_EVENT;
    }

    /**
     * The length of a rows or table map event's table id: 4 bytes when the format description gives the event a
     * post-header of 6 (MySQL 5.1.4 and before), else 6. The one rule for the decoders and the event selection.
     */
    static int tableIdLength(int postHeaderLength) {
        return postHeaderLength == 6 ? 4 : 6;
    }

    /** An image of no column takes no bytes: rows that follow such images could never end. */
    void checkImagesCanEnd(long rowBytes) {
        if ((before.isEmpty() || after.isEmpty()) && rowBytes > 0) {
            throw new BodyFormatException("row images with no included column, but " + rowBytes + " byte(s) of rows");
        }
    }

    /** The WRITE or DELETE rows event of these rows. */
    BinlogEvent event(EventHeader header, List<Row> rows) {
        return write
                ? new WriteRowsEvent(header, tableId, table, flags, before, rows, extra)
                : new DeleteRowsEvent(header, tableId, table, flags, before, rows, extra);
    }

    /** The UPDATE rows event of these rows. */
    BinlogEvent updateEvent(EventHeader header, List<UpdateRow> rows) {
        return new UpdateRowsEvent(header, tableId, table, flags, before, after, rows, extra);
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
