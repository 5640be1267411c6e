package org.mysqlreplication.testing.replay;

/**
 * A {@link MysqlReplayServer} could not be set up or started: a binlog file that cannot be read or served, a port
 * that cannot be bound, keys that cannot be made. The message says which.
 */
public final class ReplayServerException extends RuntimeException {

    public ReplayServerException(String message) {
        super(message);
    }

    public ReplayServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
