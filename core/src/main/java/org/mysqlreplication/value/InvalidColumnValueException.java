package org.mysqlreplication.value;

import org.mysqlreplication.BinlogException;

/**
 * The bytes of a column value, or the column metadata that describes them, break the layout the server
 * writes: a DECIMAL digit group above 999999999, a TIME minute above 59, an ENUM index past the known
 * labels, a BLOB length width outside 1..4. The message says what was expected and names the type; it never
 * contains the value itself. The caller adds the binlog file and position.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidColumnValueException extends BinlogException {

    public InvalidColumnValueException(ColumnType type, String problem) {
        super(type + ": " + problem);
    }
}
