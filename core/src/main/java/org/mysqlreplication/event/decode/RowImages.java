package org.mysqlreplication.event.decode;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.mysqlreplication.event.RawValueSink;
import org.mysqlreplication.event.RowValueException;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.PrimitiveValues;
import org.mysqlreplication.value.UndecodedText;
import org.mysqlreplication.value.ValueDecoder;

/**
 * The row images of one rows event as the server wrote them, and where each value starts: what the lazy
 * rows ({@link LazyRow}) of that event read their values from, on access. Built by the rows decoder, which has checked
 * that every value lies inside the bytes (the images were delimited value by value); what the bytes of a value
 * mean is checked when it is read.
 *
 * <p>Image {@code r} has the entries {@code offsets[r * n .. r * n + n)} ({@code n} = the table's column
 * count): the index in {@code bytes} where column {@code i}'s value starts, or {@link #NO_VALUE} for SQL NULL
 * and for a column the image lacks.
 *
 * <p>Immutable once built (the arrays are handed over, never modified) and thread-safe.
 */
final class RowImages {

    /** The offset entry of a NULL or absent value. */
    static final int NO_VALUE = -1;

    private final TableSchema table;
    private final byte[] bytes;
    private final ColumnDef[] defs;
    private final int[] offsets;
    private final String binlogFile;
    private final long position;
    private final String eventType;
    private final LongAdder undecodedText;

    /**
     * @param table      the table
     * @param bytes      the row images, owned by this object from now on
     * @param defs       one per table column, owned by this object from now on
     * @param offsets    see the class comment; owned by this object from now on
     * @param binlogFile the binlog file of the event, {@code null} when not known (for error messages)
     * @param position   the event's position in it, -1 when not known
     * @param eventType  the event type's name
     * @param undecodedText where every value read that comes out as an {@link UndecodedText} is counted (a value
     *                   read twice counts twice)
     */
    RowImages(
            TableSchema table,
            byte[] bytes,
            ColumnDef[] defs,
            int[] offsets,
            String binlogFile,
            long position,
            String eventType,
            LongAdder undecodedText) {
        this.undecodedText = undecodedText;
        this.table = Objects.requireNonNull(table, "table");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.defs = Objects.requireNonNull(defs, "defs");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.binlogFile = binlogFile;
        this.position = position;
        this.eventType = eventType;
        if (defs.length != table.columns().size()) {
            throw new IllegalArgumentException(defs.length + " column definition(s) for a table of "
                    + table.columns().size() + " column(s)");
        }
    }

    boolean isNull(int base, int column) {
        return offsets[base + column] == NO_VALUE;
    }

    /** The value decoded from its bytes, as {@link ValueDecoder} gives it; {@code null} for NULL. */
    Object value(int base, int column) {
        int off = offsets[base + column];
        if (off == NO_VALUE) {
            return null;
        }
        ColumnDef def = defs[column];
        if (PrimitiveValues.isInteger(def) || PrimitiveValues.isFloatingPoint(def)) {
            return PrimitiveValues.boxed(bytes, off, def); // the common case, without a ByteReader
        }
        try {
            Object v = ValueDecoder.decode(ByteReader.of(bytes, off, bytes.length - off), def);
            if (v instanceof UndecodedText && undecodedText != null) {
                undecodedText.increment();
            }
            return v;
        } catch (RuntimeException e) {
            throw failure(column, e.getMessage(), e);
        }
    }

    /** Hands a non-NULL value's bytes to {@code sink}; false for NULL. */
    boolean raw(int base, int column, RawValueSink sink) {
        int off = offsets[base + column];
        return off != NO_VALUE && sink.accept(bytes, off, defs[column]);
    }

    /** An integer column's value without boxing; see {@link PrimitiveValues#readLong}. */
    long longValue(int base, int column) {
        ColumnDef def = defs[column];
        if (!PrimitiveValues.isInteger(def)) {
            throw failure(column, "getLong needs an integer column", null);
        }
        try {
            return PrimitiveValues.readLong(bytes, present(base, column), def);
        } catch (ArithmeticException e) {
            throw failure(column, e.getMessage() + "; get() gives it as a BigInteger", e);
        }
    }

    /** A FLOAT or DOUBLE column's value without boxing. */
    double doubleValue(int base, int column) {
        ColumnDef def = defs[column];
        if (!PrimitiveValues.isFloatingPoint(def)) {
            throw failure(column, "getDouble needs a FLOAT or DOUBLE column", null);
        }
        return PrimitiveValues.readDouble(bytes, present(base, column), def);
    }

    private int present(int base, int column) {
        int off = offsets[base + column];
        if (off == NO_VALUE) {
            throw failure(column, "the value is NULL (check isNull first, or use get())", null);
        }
        return off;
    }

    /** An error naming the column and where the row comes from. */
    RowValueException failure(int column, String what, Throwable cause) {
        return new RowValueException(
                "column " + column + " (" + table.label(column) + ", "
                        + defs[column].type() + ") of " + table.database() + "." + table.table() + ": " + what
                        + " (file "
                        + (binlogFile == null ? "<unknown>" : binlogFile) + ", position "
                        + (position < 0 ? "<unknown>" : Long.toString(position)) + ", event " + eventType + ")",
                cause);
    }
}
