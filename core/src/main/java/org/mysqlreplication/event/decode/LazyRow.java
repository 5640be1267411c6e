package org.mysqlreplication.event.decode;

import java.util.BitSet;
import org.mysqlreplication.event.RawValueSink;
import org.mysqlreplication.event.RowValueException;
import org.mysqlreplication.schema.TableSchema;

/**
 * A lazy row: a view over one image of its event's {@link RowImages}, decoding a value each time it is read;
 * integers and floating-point values are read as primitives, without a boxed object.
 *
 * <p>Immutable and thread-safe.
 */
final class LazyRow extends AbstractRow {

    private final RowImages images;
    /** The index of this image's first entry in the images' offsets. */
    private final int base;

    LazyRow(TableSchema table, BitSet present, RowImages images, int image) {
        super(table, present);
        this.images = images;
        this.base = image * table.columns().size();
    }

    @Override
    Object value(int column) {
        return images.value(base, column);
    }

    @Override
    public boolean isNull(int column) {
        return isPresent(column) && images.isNull(base, column);
    }

    @Override
    public long getLong(int column) {
        checkPresent(column);
        return images.longValue(base, column);
    }

    @Override
    public double getDouble(int column) {
        checkPresent(column);
        return images.doubleValue(base, column);
    }

    @Override
    public boolean raw(int column, RawValueSink sink) {
        return isPresent(column) && images.raw(base, column, sink);
    }

    @Override
    RowValueException failure(int column, String what) {
        return images.failure(column, what, null);
    }
}
