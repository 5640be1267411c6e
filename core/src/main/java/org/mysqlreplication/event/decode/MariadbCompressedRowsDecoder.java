package org.mysqlreplication.event.decode;

import java.util.Arrays;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;

/**
 * MariaDB's compressed rows events ({@code log_bin_compress=ON}): WRITE/UPDATE/DELETE_ROWS_COMPRESSED_EVENT_V1
 * (166-168) and WRITE/UPDATE/DELETE_ROWS_COMPRESSED_EVENT (169-171), a v1 or v2 rows event whose row images are
 * one compressed record ({@link MariadbCompressedRecord}). Before it stand, uncompressed, the table id and
 * flags (8 bytes), in v2 the extra data (its 2-byte length counts itself), the column count and the column
 * bitmap(s), as {@code row_log_event_uncompress} in MariaDB's {@code log_event.cc} reads them.
 *
 * <p>The rebuilt body is decoded as the uncompressed type ({@link EventType#uncompressed()}), into the same
 * {@link WriteRowsEvent}, {@link UpdateRowsEvent} or {@link DeleteRowsEvent}, which then gets the event's own
 * header back (its type code stays 166-171). Lazy rows name the uncompressed type in their errors. Row images that
 * decompress to no more than the large-value threshold are rebuilt in the heap and decoded by {@link RowsDecoder};
 * larger ones are decompressed as a stream into a spill file of the reader's and decoded from there by
 * {@link SpilledRowsDecoder}, as an uncompressed rows event of that size is, their large values staying in that
 * file. The compressed event itself, when larger than the threshold, is read from the reader's spill file
 * ({@link SpilledBodyDecoder}).
 */
final class MariadbCompressedRowsDecoder implements BodyDecoder, SpilledBodyDecoder {

    private static final int TABLE_ID_AND_FLAGS = 8;

    private final RowsDecoder rows = new RowsDecoder();

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int start = body.arrayOffset();
        skipHead(header.eventType().uncompressed(), body);
        ByteReader head = ByteReader.of(body.array(), start, body.arrayOffset() - start);
        return images(header, head, MariadbCompressedRecord.open(body), ctx);
    }

    @Override
    public BinlogEvent decodeSpilled(EventHeader header, SpillCursor body, DecodeContext ctx) {
        ByteReader window = body.window(SpilledRowsDecoder.MAX_INLINE + MariadbCompressedRecord.MAX_HEADER);
        int start = window.arrayOffset();
        skipHead(header.eventType().uncompressed(), window);
        ByteReader head = ByteReader.of(Arrays.copyOfRange(window.array(), start, window.arrayOffset()));
        return images(header, head, MariadbCompressedRecord.open(window, body), ctx);
    }

    /** Moves past what stands before the compressed record: table id, flags, extra data, column count, bitmaps. */
    private static void skipHead(EventType plainType, ByteReader body) {
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
    }

    /** The event of {@code head} and the row images {@code images} decompress to, with the event's own header. */
    private BinlogEvent images(EventHeader header, ByteReader head, DecompressedStream images, DecodeContext ctx) {
        EventType plainType = header.eventType().uncompressed();
        EventHeader plainHeader = new EventHeader(
                header.timestamp(),
                plainType,
                plainType.code(),
                header.serverId(),
                header.eventSize(),
                header.logPos(),
                header.flags());
        try (images) {
            if (images.declared() <= ctx.largeValueThreshold() || ctx.spillFiles() == null) {
                byte[] plain = images.readAfter(head, images.declared());
                images.finish();
                return withHeader(rows.decode(plainHeader, ByteReader.of(plain), ctx), header);
            }
            return withHeader(spilled(plainHeader, head, images, ctx), header);
        }
    }

    /** Decompresses the row images behind {@code head} into a spill file and decodes the rows from there. */
    private static BinlogEvent spilled(
            EventHeader plainHeader, ByteReader head, DecompressedStream images, DecodeContext ctx) {
        SpillFile file = ctx.spillFiles().create();
        boolean keep = false;
        try {
            file.write(head.array(), head.arrayOffset(), head.remaining());
            images.copyTo(file, images.declared());
            images.finish();
            SpilledRowsDecoder decoder =
                    new SpilledRowsDecoder(new SpillCursor(file, 0, file.length()), file, ctx.largeValueThreshold());
            BinlogEvent event = decoder.decode(plainHeader, ctx);
            keep = decoder.largeValues() > 0;
            return event;
        } finally {
            if (!keep) {
                file.release(); // no large value refers to it: its disk space comes back now
            }
        }
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
