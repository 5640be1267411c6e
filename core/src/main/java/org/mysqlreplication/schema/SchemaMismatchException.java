package org.mysqlreplication.schema;

import org.mysqlreplication.BinlogException;

/**
 * A table's schema disagrees with its TABLE_MAP event and the {@link SchemaMismatchPolicy} is
 * {@link SchemaMismatchPolicy#FAIL}. The event decoder wraps it in an {@code EventDecodeException} that adds the
 * binlog file and position.
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaMismatchException extends BinlogException {

    private final transient SchemaMismatch mismatch;

    public SchemaMismatchException(SchemaMismatch mismatch) {
        super(mismatch.message());
        this.mismatch = mismatch;
    }

    /** What disagrees. */
    public SchemaMismatch mismatch() {
        return mismatch;
    }
}
