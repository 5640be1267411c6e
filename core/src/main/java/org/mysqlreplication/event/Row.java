package org.mysqlreplication.event;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.Map;
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
 * <p>Rows come from the decoders, which have two implementations of this interface (decoded values, and lazy views);
 * every failure of a method here is a {@link RowValueException}: a column that is absent, unnamed, out of range, or
 * of another type than the accessor reads.
 *
 * <p>Immutable and thread-safe as long as the values are (the decoders produce immutable values, except
 * {@code byte[]}, {@code float[]} and {@link BitSet}, which are new for each read). {@link #toString()} does
 * not show values.
 */
public interface Row {

    /** The table of the row, with the columns it was decoded by. */
    TableSchema table();

    /** The columns this image has (a copy). */
    BitSet present();

    /** The table's column count (present or not). */
    int size();

    /** Whether the image has column {@code column} (FULL images have them all). */
    boolean isPresent(int column);

    /** Whether column {@code column} is present and SQL NULL. */
    boolean isNull(int column);

    /** The value of column {@code column} ({@code null} for SQL NULL); the column must be present. */
    Object get(int column);

    /** The value of the column named {@code name} (case-insensitive); see {@link #get(int)}. */
    Object get(String name);

    /** An integer or YEAR/BIT-as-integer column's value as a {@code long}, without boxing in a lazy row. */
    long getLong(int column);

    long getLong(String name);

    /** As {@link #getLong(int)}, for values in the {@code int} range. */
    int getInt(int column);

    /** A FLOAT or DOUBLE column's value. */
    double getDouble(int column);

    /** A text column's value (also MySQL JSON as its text); {@code null} for NULL. */
    String getString(int column);

    String getString(String name);

    /** A DECIMAL column's value; {@code null} for NULL. */
    BigDecimal getBigDecimal(int column);

    /** A binary column's value; {@code null} for NULL. */
    byte[] getBytes(int column);

    /** The column's name, or {@code @n} (1-based) when it is not known. */
    String columnName(int column);

    /** The present columns by name ({@code @n} for unnamed ones), in column order. */
    Map<String, Object> asMap();

    /**
     * Hands column {@code column}'s value, as the bytes the server wrote, to {@code sink} when this row keeps them:
     * a lazy row does, for a present value that is not NULL; a row of decoded values does not. For writers that
     * format values straight from the binlog (the JSON lines writer): the value {@link #get(int)} gives is the one
     * those bytes decode to.
     *
     * @return what {@code sink} returned; {@code false}, without calling it, when the row has no bytes for the value
     *     (absent, NULL, or a row of decoded values): read it with {@link #get(int)} then
     */
    default boolean raw(int column, RawValueSink sink) {
        return false;
    }
}
