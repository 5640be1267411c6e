package org.mysqlreplication.event;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.json.MysqlJson;

/**
 * One row image of a rows event: the table schema, which columns the image has (binlog_row_image FULL has all,
 * MINIMAL/NOBLOB fewer), and their values as standard Java types ({@code null} for SQL NULL).
 *
 * <p>Columns are addressed by their index in the table (as in TABLE_MAP) or by name. A column absent from the
 * image is not the same as NULL: {@link #isPresent(int)} tells them apart, and {@link #get(int)} of an absent
 * column throws. Columns whose name is unknown are called {@code @1}, {@code @2}, ... (1-based, as mysqlbinlog
 * does) in {@link #asMap()} and in dumps.
 *
 * <p>By default a row's values are decoded with its event. With lazy rows ({@code lazyRows(true)} in the
 * reader's config, or {@code DecodeOptions.lazyRows}) a row is a view: it keeps a copy of its event's bytes
 * and decodes a value when it is read, each time it is read, so a consumer pays only for the columns it reads;
 * a value whose bytes break its type's layout then fails when it is read, with a {@link RowValueException}
 * that names the column and where the row comes from (the row's structure, where each value starts and ends,
 * was checked when the event was decoded). Either way {@link #getLong(int)}, {@link #getInt(int)} and
 * {@link #getDouble(int)} read integer and floating-point columns as primitives (without a boxed object in a
 * lazy row), and {@link #getString(int)}, {@link #getBigDecimal(int)} and {@link #getBytes(int)} check the
 * type for the caller.
 *
 * <p>Immutable and thread-safe as long as the values are (the decoders produce immutable values, except
 * {@code byte[]}, {@code float[]} and {@link BitSet}, which are new for each read). {@link #toString()} does
 * not show values.
 */
public final class Row {

    private final TableSchema table;
    private final BitSet present;
    /** The values of a row built from values; {@code null} for a view over {@link #images}. */
    private final Object[] values;
    private final RowImages images;
    private final int base;

    /**
     * A row of the given values.
     *
     * @param table   the table
     * @param present which columns the image has
     * @param values  one entry per table column (absent ones {@code null}); not copied, the caller hands it over
     */
    public Row(TableSchema table, BitSet present, Object[] values) {
        this(table, (BitSet) present.clone(), Objects.requireNonNull(values, "values"), null, 0);
    }

    private Row(TableSchema table, BitSet present, Object[] values, RowImages images, int base) {
        this.table = Objects.requireNonNull(table, "table");
        this.present = present;
        this.values = values;
        this.images = images;
        this.base = base;
        int columns = table.columns().size();
        if (values != null && values.length != columns) {
            throw new IllegalArgumentException("row of " + values.length + " value(s) for a table of " + columns
                    + " column(s)");
        }
        if (present.length() > columns) {
            throw new IllegalArgumentException("present bitmap names column " + (present.length() - 1)
                    + " of a table of " + columns + " column(s)");
        }
    }

    /**
     * A row that shares {@code present} instead of copying it: the rows of one event all have the same bitmap,
     * so a decoder hands one over for all of them. Neither {@code present} nor {@code values} is copied; the
     * caller must never modify either afterwards.
     */
    public static Row sharing(TableSchema table, BitSet present, Object[] values) {
        return new Row(table, present, Objects.requireNonNull(values, "values"), null, 0);
    }

    /**
     * A view of image {@code image} of {@code images}, whose columns are {@code present} (shared, not copied:
     * the caller must never modify it). For rows decoders.
     */
    public static Row view(TableSchema table, BitSet present, RowImages images, int image) {
        return new Row(table, present, null, Objects.requireNonNull(images, "images"),
                image * table.columns().size());
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
        return table.columns().size();
    }

    public boolean isPresent(int column) {
        Objects.checkIndex(column, size());
        return present.get(column);
    }

    /** Whether the column is present and SQL NULL. */
    public boolean isNull(int column) {
        return isPresent(column) && (values != null ? values[column] == null : images.isNull(base, column));
    }

    /** The value of column {@code column} ({@code null} for SQL NULL); throws if the image lacks the column. */
    public Object get(int column) {
        checkPresent(column);
        return values != null ? values[column] : images.value(base, column);
    }

    /** The value of the column named {@code name} (case-insensitive). */
    public Object get(String name) {
        return get(indexOf(name));
    }

    /**
     * An integer column's value (TINYINT to BIGINT, signed or unsigned, YEAR) as a {@code long}, without
     * boxing.
     *
     * @throws RowValueException if the column is not an integer column, is NULL, or is a BIGINT UNSIGNED above
     *                           {@link Long#MAX_VALUE} (which {@link #get(int)} gives as a {@code BigInteger})
     */
    public long getLong(int column) {
        checkPresent(column);
        if (values == null) {
            return images.longValue(base, column);
        }
        Object v = values[column];
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        throw mismatch(column, "getLong needs an integer value", v);
    }

    /** As {@link #getLong(int)}, for the column named {@code name}. */
    public long getLong(String name) {
        return getLong(indexOf(name));
    }

    /**
     * An integer column's value as an {@code int}.
     *
     * @throws RowValueException as {@link #getLong(int)}, and when the value is outside the {@code int} range
     *                           (an INT UNSIGNED above {@link Integer#MAX_VALUE}, a BIGINT)
     */
    public int getInt(int column) {
        long v = getLong(column);
        if ((int) v != v) {
            throw mismatch(column, "value outside the int range: use getLong", null);
        }
        return (int) v;
    }

    /**
     * A FLOAT or DOUBLE column's value as a {@code double}, without boxing.
     *
     * @throws RowValueException if the column is not FLOAT or DOUBLE, or is NULL
     */
    public double getDouble(int column) {
        checkPresent(column);
        if (values == null) {
            return images.doubleValue(base, column);
        }
        Object v = values[column];
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        throw mismatch(column, "getDouble needs a FLOAT or DOUBLE value", v);
    }

    /**
     * A text column's value (CHAR, VARCHAR, TEXT with a known collation, ENUM with known labels) as a
     * {@link String}, a MySQL JSON column's as its JSON text ({@link MysqlJson#text()}); {@code null} for NULL.
     *
     * @throws RowValueException if the column's values are not strings
     */
    public String getString(int column) {
        Object v = get(column);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof MysqlJson json) {
            return json.text();
        }
        throw mismatch(column, "getString needs a text value", v);
    }

    /** As {@link #getString(int)}, for the column named {@code name}. */
    public String getString(String name) {
        return getString(indexOf(name));
    }

    /**
     * A DECIMAL column's value; {@code null} for NULL.
     *
     * @throws RowValueException if the column is not a DECIMAL
     */
    public BigDecimal getBigDecimal(int column) {
        Object v = get(column);
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        throw mismatch(column, "getBigDecimal needs a DECIMAL value", v);
    }

    /**
     * A binary column's value (BINARY, VARBINARY, BLOB, GEOMETRY, a string of unknown collation...) as a new
     * array; {@code null} for NULL.
     *
     * @throws RowValueException if the column's values are not bytes
     */
    public byte[] getBytes(int column) {
        Object v = get(column);
        if (v == null || v instanceof byte[]) {
            return (byte[]) v;
        }
        throw mismatch(column, "getBytes needs a binary value", v);
    }

    private void checkPresent(int column) {
        if (!isPresent(column)) {
            throw new IllegalArgumentException("column " + column + " (" + columnName(column)
                    + ") is not in this row image of " + table.database() + "." + table.table());
        }
    }

    private int indexOf(String name) {
        int i = table.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column named " + name + " in " + table.database() + "."
                    + table.table());
        }
        return i;
    }

    private RowValueException mismatch(int column, String what, Object value) {
        String found = value == null ? "NULL" : value.getClass().getSimpleName();
        if (images != null) {
            return images.failure(column, what + ", found " + found, null);
        }
        return new RowValueException("column " + column + " (" + columnName(column) + ") of " + table.database()
                + "." + table.table() + ": " + what + ", found " + found, null);
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
            m.put(columnName(i), get(i));
        }
        return m;
    }

    @Override
    public String toString() {
        return "Row[" + table.database() + "." + table.table() + ", " + present.cardinality() + " of "
                + size() + " column(s)]";
    }
}
