package org.mysqlreplication;

/**
 * Root of every exception this library throws. Unchecked: a replication stream has no sensible
 * way to recover from most failures locally, and callers that can (reconnect policies) catch this type.
 *
 * <p>Messages say what went wrong, what was expected against what was found, and where (binlog file,
 * position, event type, offset). They never contain passwords or row values.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class BinlogException extends RuntimeException {

    public BinlogException(String message) {
        super(message);
    }

    public BinlogException(String message, Throwable cause) {
        super(message, cause);
    }
}
