package org.mysqlreplication.gtid;

import org.mysqlreplication.BinlogException;

/**
 * A GTID or GTID position given as text is malformed: the message says which part and what was expected.
 *
 * <p>Immutable and thread-safe.
 */
public final class GtidFormatException extends BinlogException {

    public GtidFormatException(String message) {
        super(message);
    }
}
