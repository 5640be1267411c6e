package org.mysqlreplication.event.decode;

import java.util.BitSet;
import org.mysqlreplication.event.RowValueException;
import org.mysqlreplication.schema.TableSchema;

/**
 * A row whose values were decoded with its event (the default): one value per table column, {@code null} for NULL
 * and absent columns.
 *
 * <p>Immutable; thread-safe as its values are.
 */
final class EagerRow extends AbstractRow {

    /** Handed over by the decoder and never modified. */
    private final Object[] values;

    EagerRow(TableSchema table, BitSet present, Object[] values) {
        super(table, present);
        this.values = values;
    }

    @Override
    Object value(int column) {
        return values[column];
    }

    @Override
    public boolean isNull(int column) {
        return isPresent(column) && values[column] == null;
    }

    @Override
    public long getLong(int column) {
        Object v = get(column);
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        throw mismatch(column, "getLong needs an integer value", v);
    }

    @Override
    public double getDouble(int column) {
        Object v = get(column);
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        throw mismatch(column, "getDouble needs a FLOAT or DOUBLE value", v);
    }

    @Override
    RowValueException failure(int column, String what) {
        return new RowValueException(
                "column " + column + " (" + table.label(column) + ") of " + table.database() + "." + table.table()
                        + ": " + what,
                null);
    }
}
