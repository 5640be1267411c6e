package org.mysqlreplication.event.decode;

import java.util.BitSet;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ValueDecoder;

/**
 * One row image: a null bitmap with one bit per included column, then each included non-NULL value in column
 * order, decoded by {@link ValueDecoder} with the column's {@link ColumnDef}.
 */
final class RowImageDecoder {

    private final TableSchema table;
    private final ColumnDef[] defs;

    RowImageDecoder(TableSchema table) {
        this.table = table;
        this.defs = new ColumnDef[table.columns().size()];
        for (int i = 0; i < defs.length; i++) {
            defs[i] = table.columns().get(i).def();
        }
    }

    /**
     * Reads one image of the columns in {@code included}. The null bitmap is tested in place in the input
     * array (bit k of the bitmap, least significant bit first, is the k-th included column), so a row costs no
     * bitmap allocation.
     */
    Row read(ByteReader in, Image included) {
        int[] columns = included.columns;
        int nullsAt = in.arrayOffset();
        in.skip((columns.length + 7) >>> 3);
        byte[] a = in.array();
        Object[] values = new Object[defs.length];
        for (int k = 0; k < columns.length; k++) {
            if ((a[nullsAt + (k >>> 3)] & (1 << (k & 7))) == 0) {
                int i = columns[k];
                try {
                    values[i] = ValueDecoder.decode(in, defs[i]);
                } catch (RuntimeException e) {
                    throw new BodyFormatException("column " + i + " (" + columnName(i) + ", " + defs[i].type()
                            + ", meta " + defs[i].meta() + "): " + e.getMessage(), e);
                }
            }
        }
        return Row.sharing(table, included.bitmap, values); // never modified after decoding
    }

    /** The included columns of the images of one rows event: the bitmap and its set bits in order. */
    static final class Image {
        private final BitSet bitmap;
        private final int[] columns;

        Image(BitSet bitmap) {
            this.bitmap = bitmap;
            this.columns = bitmap.stream().toArray();
        }
    }

    private String columnName(int i) {
        String n = table.columns().get(i).name();
        return n == null ? "@" + (i + 1) : n;
    }
}
