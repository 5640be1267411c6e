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

    Row read(ByteReader in, BitSet included) {
        BitSet nulls = in.readBitmap(included.cardinality());
        Object[] values = new Object[defs.length];
        int k = 0;
        for (int i = included.nextSetBit(0); i >= 0; i = included.nextSetBit(i + 1)) {
            if (!nulls.get(k++)) {
                try {
                    values[i] = ValueDecoder.decode(in, defs[i]);
                } catch (RuntimeException e) {
                    throw new BodyFormatException("column " + i + " (" + columnName(i) + ", " + defs[i].type()
                            + ", meta " + defs[i].meta() + "): " + e.getMessage(), e);
                }
            }
        }
        return new Row(table, included, values);
    }

    private String columnName(int i) {
        String n = table.columns().get(i).name();
        return n == null ? "@" + (i + 1) : n;
    }
}
