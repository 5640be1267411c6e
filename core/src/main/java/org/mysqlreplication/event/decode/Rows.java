package org.mysqlreplication.event.decode;

import java.util.BitSet;
import java.util.Objects;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.schema.TableSchema;

/**
 * Rows built from values rather than decoded, for tests and tools that make events of their own. The decoders make
 * their rows without copies; rows made here copy what they are given.
 *
 * <p>Thread-safe: it holds nothing.
 */
public final class Rows {

    private Rows() {}

    /**
     * A row of {@code table} with the columns of {@code present}, whose values are {@code values} (one per table
     * column, {@code null} for NULL and for absent columns); both are copied.
     *
     * @throws IllegalArgumentException when the values or the bitmap do not fit the table
     */
    public static Row of(TableSchema table, BitSet present, Object[] values) {
        Objects.requireNonNull(table, "table");
        int columns = table.columns().size();
        if (values.length != columns) {
            throw new IllegalArgumentException(
                    "row of " + values.length + " value(s) for a table of " + columns + " column(s)");
        }
        if (present.length() > columns) {
            throw new IllegalArgumentException("present bitmap names column " + (present.length() - 1)
                    + " of a table of " + columns + " column(s)");
        }
        return new EagerRow(table, (BitSet) present.clone(), values.clone());
    }
}
