package org.mysqlreplication.testing;

/**
 * A throwaway server could not be found, started, queried or stopped. The message says which step failed
 * and, for a failed start, ends with the tail of the server's error log.
 */
public final class LocalMariaDbException extends RuntimeException {

    public LocalMariaDbException(String message) {
        super(message);
    }

    public LocalMariaDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
