package org.mysqlreplication.event;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mysqlreplication.schema.TableSchema;

/**
 * One row image of a rows event: the table schema, which columns the image has (binlog_row_image FULL has all,
 * MINIMAL/NOBLOB fewer), and their values as standard Java types ({@code null} for SQL NULL).
 *
 * <p>Columns are addressed by their index in the table (as in TABLE_MAP) or by name. A column absent from the
 * image is not the same as NULL: {@link #isPresent(int)} tells them apart, and {@link #get(int)} of an absent
 * column throws. Columns whose name is unknown are called {@code @1}, {@code @2}, ... (1-based, as mysqlbinlog
 * does) in {@link #asMap()} and in dumps.
 *
 * <p>Immutable and thread-safe as long as the values are (the decoders produce immutable values, except
 * {@code byte[]}, which callers must not modify). {@link #toString()} does not show values.
 */
public final class Row {

    private final TableSchema table;
    private final BitSet present;
    private final Object[] values;

    /**
     * @param table   the table
     * @param present which columns the image has
     * @param values  one entry per table column (absent ones {@code null}); not copied, the caller hands it over
     */
    public Row(TableSchema table, BitSet present, Object[] values) {
        this(table, (BitSet) present.clone(), values, true);
    }

    private Row(TableSchema table, BitSet present, Object[] values, boolean owned) {
        this.table = Objects.requireNonNull(table, "table");
        this.present = present;
        this.values = Objects.requireNonNull(values, "values");
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException("row of " + values.length + " value(s) for a table of "
                    + table.columns().size() + " column(s)");
        }
        if (present.length() > values.length) {
            throw new IllegalArgumentException("present bitmap names column " + (present.length() - 1)
                    + " of a table of " + values.length + " column(s)");
        }
    }

    /**
     * A row that shares {@code present} instead of copying it: the rows of one event all have the same bitmap,
     * so a decoder hands one over for all of them. Neither {@code present} nor {@code values} is copied; the
     * caller must never modify either afterwards.
     */
    public static Row sharing(TableSchema table, BitSet present, Object[] values) {
        return new Row(table, present, values, true);
    }

    public TableSchema table() {
        return table;
    }

    /** A copy of the bitmap of the columns this image has. */
    public BitSet present() {
        return (BitSet) present.clone();
    }

    /** The number of columns of the table (present or not). */
    public int size() {
        return values.length;
    }

    public boolean isPresent(int column) {
        Objects.checkIndex(column, values.length);
        return present.get(column);
    }

    /** Whether the column is present and SQL NULL. */
    public boolean isNull(int column) {
        return isPresent(column) && values[column] == null;
    }

    /** The value of column {@code column} ({@code null} for SQL NULL); throws if the image lacks the column. */
    public Object get(int column) {
        if (!isPresent(column)) {
            throw new IllegalArgumentException("column " + column + " (" + columnName(column)
                    + ") is not in this row image of " + table.database() + "." + table.table());
        }
        return values[column];
    }

    /** The value of the column named {@code name} (case-insensitive). */
    public Object get(String name) {
        int i = table.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column named " + name + " in " + table.database() + "."
                    + table.table());
        }
        return get(i);
    }

    /** The name of a column, or {@code @n} (1-based) when the schema does not know it. */
    public String columnName(int column) {
        String n = table.columns().get(column).name();
        return n != null ? n : "@" + (column + 1);
    }

    /** The present columns, name to value, in column order (a new mutable map). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            m.put(columnName(i), values[i]);
        }
        return m;
    }

    @Override
    public String toString() {
        return "Row[" + table.database() + "." + table.table() + ", " + present.cardinality() + " of "
                + values.length + " column(s)]";
    }
}
