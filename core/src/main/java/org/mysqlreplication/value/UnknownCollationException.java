package org.mysqlreplication.value;

import org.mysqlreplication.BinlogException;

/**
 * A collation id or character set name that {@link Collations} does not know (every charset of MySQL 8 and
 * MariaDB 10.11 is known, so this means a newer server's, or a wrong id).
 *
 * <p>Immutable and thread-safe.
 */
public final class UnknownCollationException extends BinlogException {

    UnknownCollationException(String message) {
        super(message);
    }
}
