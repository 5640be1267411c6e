package org.mysqlreplication.event;

import org.mysqlreplication.BinlogException;

/**
 * A row value could not be given as asked: its bytes break the column type's layout (found when the value is
 * read: rows decode their values on access), or a typed accessor was used on a column of another type, on
 * SQL NULL, or on a value out of the accessor's range. The message names the table, the column and where the
 * row comes from (binlog file, event position, event type) when known; never the value.
 *
 * <p>Immutable and thread-safe.
 */
public final class RowValueException extends BinlogException {

    public RowValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
