package org.mysqlreplication.value;

import org.mysqlreplication.BinlogException;

/**
 * A column type whose metadata or values this library cannot decode (yet), for example the pre-5.0
 * {@code DECIMAL} or a type that never appears in a binlog. The message names the type; the caller adds
 * the binlog file and position.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnsupportedColumnTypeException extends BinlogException {

    private final ColumnType type;

    public UnsupportedColumnTypeException(ColumnType type, String reason) {
        super("column type " + type + " (code " + type.code() + ") not supported: " + reason);
        this.type = type;
    }

    /** The type that could not be decoded. */
    public ColumnType type() {
        return type;
    }
}
