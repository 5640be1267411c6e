package org.mysqlreplication.event.decode;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowValueException;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.json.MysqlJson;

/**
 * What both kinds of row share: the table, the present columns, the checks of every accessor (present, in range,
 * named, of the type asked), and the typed accessors built on {@link #get(int)}. {@link EagerRow} holds decoded
 * values, {@link LazyRow} decodes them from the event's bytes when read.
 *
 * <p>Immutable; thread-safe as its values are.
 */
abstract class AbstractRow implements Row {

    final TableSchema table;
    /** Shared with the other rows of the event and never modified. */
    final BitSet present;

    AbstractRow(TableSchema table, BitSet present) {
        this.table = table;
        this.present = present;
    }

    /** The value of a present column. */
    abstract Object value(int column);

    /** An error naming the column and, where the row knows it, where the row comes from. */
    abstract RowValueException failure(int column, String what);

    @Override
    public final TableSchema table() {
        return table;
    }

    @Override
    public final BitSet present() {
        return (BitSet) present.clone();
    }

    @Override
    public final int size() {
        return table.columns().size();
    }

    @Override
    public final boolean isPresent(int column) {
        checkIndex(column);
        return present.get(column);
    }

    @Override
    public final Object get(int column) {
        checkPresent(column);
        return value(column);
    }

    @Override
    public final Object get(String name) {
        return get(indexOf(name));
    }

    @Override
    public final long getLong(String name) {
        return getLong(indexOf(name));
    }

    @Override
    public final int getInt(int column) {
        long v = getLong(column);
        if ((int) v != v) {
            throw failure(column, "value outside the int range: use getLong");
        }
        return (int) v;
    }

    @Override
    public final String getString(int column) {
        Object v = get(column);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof MysqlJson json) {
            return json.text();
        }
        throw mismatch(column, "getString needs a text value", v);
    }

    @Override
    public final String getString(String name) {
        return getString(indexOf(name));
    }

    @Override
    public final BigDecimal getBigDecimal(int column) {
        Object v = get(column);
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        throw mismatch(column, "getBigDecimal needs a DECIMAL value", v);
    }

    @Override
    public final byte[] getBytes(int column) {
        Object v = get(column);
        if (v == null || v instanceof byte[]) {
            return (byte[]) v;
        }
        throw mismatch(column, "getBytes needs a binary value", v);
    }

    @Override
    public final String columnName(int column) {
        checkIndex(column);
        return table.label(column);
    }

    @Override
    public final Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            m.put(columnName(i), get(i));
        }
        return m;
    }

    final void checkPresent(int column) {
        if (!isPresent(column)) {
            throw failure(column, "not in this row image (binlog_row_image MINIMAL or NOBLOB leaves columns out)");
        }
    }

    private void checkIndex(int column) {
        if (column < 0 || column >= size()) {
            throw new RowValueException(
                    "column " + column + " of " + table.database() + "." + table.table() + ", which has " + size()
                            + " column(s)",
                    null);
        }
    }

    private int indexOf(String name) {
        int i = table.indexOf(name);
        if (i < 0) {
            boolean unnamed = table.columns().stream().anyMatch(c -> c.name() == null);
            throw new RowValueException(
                    "no column named " + name + " in " + table.database() + "." + table.table()
                            + (unnamed
                                    ? ": its columns have no names (the binlog has no column names and the server was not"
                                            + " asked, or could not say: see binlog_row_metadata=FULL); read them by index"
                                    : ""),
                    null);
        }
        return i;
    }

    final RowValueException mismatch(int column, String what, Object value) {
        return failure(
                column,
                what + ", found " + (value == null ? "NULL" : value.getClass().getSimpleName()));
    }

    @Override
    public final String toString() {
        return "Row[" + table.database() + "." + table.table() + ", " + present.cardinality() + " of " + size()
                + " column(s)]";
    }
}
