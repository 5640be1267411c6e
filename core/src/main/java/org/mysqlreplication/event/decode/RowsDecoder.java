package org.mysqlreplication.event.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.schema.TableSchema;

/**
 * WRITE/UPDATE/DELETE rows events, v0 (PRE_GA 20-22), v1 (23-25) and v2 (30-32), in memory: the post-header and
 * column bitmaps ({@link RowsPostHeader}), then row images to the end of the body. Each image is a null bitmap over
 * the included columns followed by the non-NULL values, read by {@link RowImageDecoder}: decoded into values, or,
 * when the context asks for lazy rows, delimited only, the rows being views over a copy of the images' bytes
 * ({@link RowImages}) that decode each value when it is read.
 *
 * <p>Not thread-safe: it reads every event's post-header into one {@link RowsPostHeader}; one per
 * {@link EventDecoder}.
 */
final class RowsDecoder implements BodyDecoder {

    private static final int DUMMY_TABLE_ID = 0x00FF_FFFF;

    private final RowsPostHeader post = new RowsPostHeader();

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        post.read(header, body, ctx);
        post.checkImagesCanEnd(body.remaining());
        TableSchema table = post.table();
        BitSet before = post.before();
        BitSet after = post.after();
        boolean update = post.update();
        RowImageDecoder decoder = new RowImageDecoder(table, ctx.undecodedText());
        RowImageDecoder.Image beforeImage = new RowImageDecoder.Image(before);
        RowImageDecoder.Image afterImage =
                !update ? null : after == before ? beforeImage : new RowImageDecoder.Image(after);
        boolean partial = header.eventType() == EventType.PARTIAL_UPDATE_ROWS_EVENT;
        List<Row> images = ctx.lazyRows() && !partial
                ? views(header, body, ctx, decoder, beforeImage, afterImage)
                : decoded(body, decoder, beforeImage, afterImage, partial);
        if (update) {
            List<UpdateRow> rows = new ArrayList<>(images.size() / 2);
            for (int r = 0; r < images.size(); r += 2) {
                rows.add(new UpdateRow(images.get(r), images.get(r + 1)));
            }
            return post.updateEvent(header, rows);
        }
        return post.event(header, images);
    }

    /**
     * Every image decoded into values; an update's before and after images alternate. {@code partial}: the
     * after images are those of a PARTIAL_UPDATE_ROWS_EVENT (always decoded eagerly).
     */
    private static List<Row> decoded(
            ByteReader body,
            RowImageDecoder decoder,
            RowImageDecoder.Image before,
            RowImageDecoder.Image after,
            boolean partial) {
        List<Row> rows = null;
        while (body.hasRemaining()) {
            int from = body.remaining();
            Row b = decoder.read(body, before);
            Row a = after == null ? null : partial ? decoder.readPartialAfter(body, after) : decoder.read(body, after);
            if (rows == null) {
                int images = after != null ? 2 : 1;
                rows = new ArrayList<>(expectedImages(images, from, body.remaining()));
            }
            rows.add(b);
            if (a != null) {
                rows.add(a);
            }
        }
        return rows != null ? rows : List.of();
    }

    /**
     * Every image delimited, as lazy views over one copy of the images' bytes; an update's before and after
     * images alternate.
     */
    private static List<Row> views(
            EventHeader header,
            ByteReader body,
            DecodeContext ctx,
            RowImageDecoder decoder,
            RowImageDecoder.Image before,
            RowImageDecoder.Image after) {
        int n = decoder.columns();
        int origin = body.arrayOffset();
        int[] offsets = new int[2 * n];
        int images = 0;
        int start = body.remaining();
        while (body.hasRemaining()) {
            if (offsets.length < (images + 2) * n) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            decoder.scan(body, before, offsets, images++ * n, origin);
            if (after != null) {
                decoder.scan(body, after, offsets, images++ * n, origin);
            }
            if (images == (after != null ? 2 : 1) && body.hasRemaining()) {
                offsets = Arrays.copyOf(offsets, expectedImages(images, start, body.remaining()) * n);
            }
        }
        TableSchema table = decoder.table();
        RowImages data = new RowImages(
                table,
                Arrays.copyOfRange(body.array(), origin, body.arrayOffset()),
                decoder.defs(),
                offsets,
                ctx.binlogFile(),
                ctx.eventPosition(),
                header.typeName(),
                ctx.undecodedText());
        List<Row> rows = new ArrayList<>(images);
        for (int r = 0; r < images; r++) {
            rows.add(new LazyRow(table, (r & 1) == 0 || after == null ? before.bitmap() : after.bitmap(), data, r));
        }
        return rows;
    }

    /**
     * How many images an event holds, guessed from the size of the first row once it is read, so that the list
     * or array sized by it rarely grows.
     */
    private static int expectedImages(int images, int start, int remaining) {
        int first = Math.max(1, start - remaining);
        long expected = images + (long) images * remaining / first;
        return (int) Math.min(Integer.MAX_VALUE / 64, expected + (expected >> 3) + 2);
    }
}
