package org.mysqlreplication.net;

import org.mysqlreplication.BinlogException;

/**
 * The connection to the server failed or ended: connect refused or timed out, a read or write failed, a read
 * timed out, or the stream ended before a packet was complete. The message names the peer ({@code host:port})
 * and what was being done; it never contains a password.
 *
 * <p>A reconnect policy may treat this as retryable. Immutable and thread-safe.
 */
public class ConnectionException extends BinlogException {

    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
