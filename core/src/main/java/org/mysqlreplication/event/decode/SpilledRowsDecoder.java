package org.mysqlreplication.event.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.LargeValue;
import org.mysqlreplication.value.UndecodedText;
import org.mysqlreplication.value.ValueDecoder;

/**
 * The body of one rows event in a spill file, read through a {@link SpillCursor}: the post-header and bitmaps
 * ({@link RowsPostHeader}), then each row image's null bitmap and values. A value with a length prefix (see
 * {@link ValueDecoder#lengthPrefixWidth}) longer than the large-value threshold becomes a {@link LargeValue} over
 * its bytes in the file, which are skipped, not read; every other value is read into a small window and decoded
 * by {@link ValueDecoder} as in memory, so such a row is the row the in-memory decoding gives, but for its large
 * values.
 *
 * <p>Not thread-safe: one per event.
 */
final class SpilledRowsDecoder {

    /**
     * The most bytes read at once for anything but a length-prefixed value: the post-header (at most 10 bytes,
     * 65,533 of extra data, a 9-byte column count and two bitmaps of at most 4,096 columns), or a VARCHAR's 65,535
     * bytes and prefix.
     */
    static final int MAX_INLINE = 68 * 1024;

    private final SpillCursor body;
    private final SpillFile file;
    private final long threshold;
    private TableSchema table;
    private ColumnDef[] defs;
    private int largeValues;
    /** The columns of the image being read that have a value. */
    private int[] valued;

    private LongAdder undecodedText;

    SpilledRowsDecoder(SpillCursor body, SpillFile file, long threshold) {
        this.body = body;
        this.file = file;
        this.threshold = threshold;
    }

    /** How many {@link LargeValue}s the event holds: none means nothing refers to the file after decoding. */
    int largeValues() {
        return largeValues;
    }

    BinlogEvent decode(EventHeader header, DecodeContext ctx) {
        undecodedText = ctx.undecodedText();
        ByteReader head = body.window(MAX_INLINE);
        RowsPostHeader post = new RowsPostHeader();
        post.read(header, head, ctx);
        body.advance(head.position());
        post.checkImagesCanEnd(body.remaining());
        table = post.table();
        defs = new ColumnDef[table.columns().size()];
        for (int i = 0; i < defs.length; i++) {
            defs[i] = table.columns().get(i).def();
        }
        valued = new int[defs.length];
        RowImageDecoder.Image before = new RowImageDecoder.Image(post.before());
        if (post.update()) {
            RowImageDecoder.Image after =
                    post.after() == post.before() ? before : new RowImageDecoder.Image(post.after());
            List<UpdateRow> rows = new ArrayList<>();
            while (body.remaining() > 0) {
                Row b = image(before);
                rows.add(new UpdateRow(b, image(after)));
            }
            return post.updateEvent(header, rows);
        }
        List<Row> rows = new ArrayList<>();
        while (body.remaining() > 0) {
            rows.add(image(before));
        }
        return post.event(header, rows);
    }

    /** One row image: null bitmap (bit k for the k-th included column), then the non-NULL values. */
    private Row image(RowImageDecoder.Image included) {
        ByteReader nulls = body.window(included.nullBytes());
        int n = included.valued(nulls, valued);
        body.advance(nulls.position());
        Object[] values = new Object[defs.length];
        for (int k = 0; k < n; k++) {
            int i = valued[k];
            try {
                values[i] = value(defs[i]);
            } catch (RuntimeException e) {
                throw RowImageDecoder.columnFailure(table, i, e);
            }
        }
        return new EagerRow(table, included.bitmap(), values); // never modified after decoding
    }

    private Object value(ColumnDef def) {
        int width = ValueDecoder.lengthPrefixWidth(def);
        if (width == 0) {
            return decodeInWindow(MAX_INLINE, def);
        }
        long length = body.window(width).readUintN(width);
        if (length <= threshold) {
            return decodeInWindow((int) Math.min(Integer.MAX_VALUE, width + length), def);
        }
        body.advance(width);
        long offset = body.filePosition();
        body.advance(length);
        largeValues++;
        return LargeValue.of(file, offset, length, def);
    }

    private Object decodeInWindow(int n, ColumnDef def) {
        ByteReader in = body.window(n);
        Object v = ValueDecoder.decode(in, def);
        if (v instanceof UndecodedText) {
            undecodedText.increment();
        }
        body.advance(in.position());
        return v;
    }
}
