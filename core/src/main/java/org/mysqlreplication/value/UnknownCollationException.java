package org.mysqlreplication.value;

import org.mysqlreplication.BinlogException;

/**
 * A collation id or character set name that {@link Collations} does not know, or a MySQL character set
 * that has no Java equivalent ({@code dec8}, {@code hp8}, {@code swe7}, {@code keybcs2}, {@code armscii8},
 * {@code geostd8}).
 *
 * <p>Immutable and thread-safe.
 */
public final class UnknownCollationException extends BinlogException {

    UnknownCollationException(String message) {
        super(message);
    }
}
