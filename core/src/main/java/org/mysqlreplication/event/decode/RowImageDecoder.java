package org.mysqlreplication.event.decode;

import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.atomic.LongAdder;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.UndecodedText;
import org.mysqlreplication.value.ValueDecoder;
import org.mysqlreplication.value.ValueLengths;
import org.mysqlreplication.value.json.JsonPartialUpdate;

/**
 * Reads row images: a null bitmap with one bit per included column, then each included non-NULL value in
 * column order. Eager rows: {@link #read} decodes the values with {@link ValueDecoder}. Lazy rows:
 * {@link #scan} only delimits them, recording each one's start for {@link RowImages}, its size taken from
 * {@link ValueLengths} (the fixed size of its type, or its length prefix), so every value is known to lie
 * inside the event before a row is handed out.
 *
 * <p>Not thread-safe: one per rows event.
 */
final class RowImageDecoder {

    private static final int NOT_YET = Integer.MIN_VALUE;
    /** {@code value_options} bit of an after image whose JSON columns may hold partial updates. */
    private static final long PARTIAL_JSON_UPDATES = 1;

    private final TableSchema table;
    private final ColumnDef[] defs;
    /** Per column: its values' fixed size, {@link ValueLengths#VARIABLE}, or not yet asked. */
    private final int[] fixed;
    /** The columns of the image being read that have a value, from {@link Image#valued}. */
    private final int[] valued;
    /** Partial updates: how many JSON columns the table has (-1: not counted yet), and per column whether the
     * after image being read holds a partial update (reused from image to image). */
    private int jsonColumns = -1;

    private boolean[] partial;
    /** Where eagerly decoded values that come out as {@link UndecodedText} are counted. */
    private final LongAdder undecodedText;

    RowImageDecoder(TableSchema table, LongAdder undecodedText) {
        this.table = table;
        this.undecodedText = undecodedText;
        this.defs = new ColumnDef[table.columns().size()];
        this.fixed = new int[defs.length];
        this.valued = new int[defs.length];
        for (int i = 0; i < defs.length; i++) {
            defs[i] = table.columns().get(i).def();
        }
        Arrays.fill(fixed, NOT_YET);
    }

    TableSchema table() {
        return table;
    }

    int columns() {
        return defs.length;
    }

    /** The column definitions, for {@link RowImages}: the caller hands them over, this decoder is done. */
    ColumnDef[] defs() {
        return defs;
    }

    /**
     * Delimits one image of the columns in {@code included}, from the reader's position, and records in
     * {@code offsets[base + i]} where column {@code i}'s value starts, as an index from {@code origin} in the
     * reader's array ({@link RowImages#NO_VALUE} for NULL and absent columns). The null bitmap is tested in
     * place in the input array (bit k, least significant bit first, is the k-th included column).
     */
    void scan(ByteReader in, Image included, int[] offsets, int base, int origin) {
        int n = included.valued(in, valued);
        Arrays.fill(offsets, base, base + defs.length, RowImages.NO_VALUE);
        for (int k = 0; k < n; k++) {
            int i = valued[k];
            offsets[base + i] = in.arrayOffset() - origin;
            try {
                int size = fixed[i] != NOT_YET ? fixed[i] : (fixed[i] = ValueLengths.fixed(defs[i]));
                if (size >= 0) {
                    in.skip(size);
                } else {
                    ValueLengths.skipVariable(in, defs[i]);
                }
            } catch (RuntimeException e) {
                throw columnFailure(table, i, e);
            }
        }
    }

    /**
     * Decodes one image of the columns in {@code included} into a row of values (eager rows). The null bitmap
     * is tested in place, as in {@link #scan}.
     */
    Row read(ByteReader in, Image included) {
        return read(in, included, null);
    }

    /**
     * Decodes an after image of a PARTIAL_UPDATE_ROWS_EVENT: first its {@code value_options} (length-encoded;
     * bit 0 is PARTIAL_JSON_UPDATES) and, with that bit, one bit per JSON column of the table (included or not)
     * telling whether the column holds a {@link JsonPartialUpdate} instead of a document; then the image.
     */
    Row readPartialAfter(ByteReader in, Image included) {
        long options = in.readLenencInt();
        if ((options & ~PARTIAL_JSON_UPDATES) != 0) {
            throw new BodyFormatException("row value options 0x" + Long.toHexString(options)
                    + ", of which only PARTIAL_JSON_UPDATES (1) is known");
        }
        if (options == 0) {
            return read(in, included, null);
        }
        if (jsonColumns < 0) {
            jsonColumns = 0;
            for (ColumnDef d : defs) {
                jsonColumns += d.type() == ColumnType.JSON ? 1 : 0;
            }
            partial = new boolean[defs.length];
        }
        BitSet bits = in.readBitmap(jsonColumns);
        for (int i = 0, k = 0; i < defs.length; i++) {
            if (defs[i].type() == ColumnType.JSON) {
                partial[i] = bits.get(k++);
            }
        }
        return read(in, included, partial);
    }

    private Row read(ByteReader in, Image included, boolean[] partialJson) {
        int n = included.valued(in, valued);
        Object[] values = new Object[defs.length];
        for (int k = 0; k < n; k++) {
            int i = valued[k];
            try {
                values[i] = partialJson != null && partialJson[i]
                        ? JsonPartialUpdate.read(in, defs[i].meta())
                        : ValueDecoder.decode(in, defs[i]);
                if (values[i] instanceof UndecodedText) {
                    undecodedText.increment();
                }
            } catch (RuntimeException e) {
                throw columnFailure(table, i, e);
            }
        }
        return new EagerRow(table, included.bitmap, values); // never modified after decoding
    }

    /** The included columns of the images of one rows event: the bitmap and its set bits in order. */
    static final class Image {
        private final BitSet bitmap;
        private final int[] columns;

        Image(BitSet bitmap) {
            this.bitmap = bitmap;
            this.columns = bitmap.stream().toArray();
        }

        BitSet bitmap() {
            return bitmap;
        }

        /** How many bytes the null bitmap of such an image takes: a bit per included column. */
        int nullBytes() {
            return (columns.length + 7) >>> 3;
        }

        /**
         * The one walk over an image's null bitmap, for eager, lazy and spilled rows: reads the bitmap (bit k, least
         * significant bit first, is the k-th included column) from {@code in}, leaves {@code in} at the first value,
         * and writes to {@code out} the columns that have a value (included, not NULL), in column order.
         *
         * @return how many columns it wrote
         */
        int valued(ByteReader in, int[] out) {
            int nullsAt = in.arrayOffset();
            in.skip(nullBytes());
            byte[] a = in.array();
            int n = 0;
            for (int k = 0; k < columns.length; k++) {
                if ((a[nullsAt + (k >>> 3)] & (1 << (k & 7))) == 0) {
                    out[n++] = columns[k];
                }
            }
            return n;
        }
    }

    /** A value's failure, naming its column, type and metadata. */
    static BodyFormatException columnFailure(TableSchema table, int i, RuntimeException e) {
        ColumnDef d = table.columns().get(i).def();
        return new BodyFormatException(
                "column " + i + " (" + table.label(i) + ", " + d.type() + ", meta " + d.meta() + "): " + e.getMessage(),
                e);
    }
}
