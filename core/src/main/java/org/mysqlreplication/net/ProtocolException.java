package org.mysqlreplication.net;

import org.mysqlreplication.BinlogException;

/**
 * The peer broke a rule of the client/server protocol: a packet out of sequence, a packet of an unexpected
 * kind for the current state, or a payload that does not parse. The message names the rule, what was
 * expected and what was found. Not retryable on the same connection.
 *
 * <p>Immutable and thread-safe.
 */
public class ProtocolException extends BinlogException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
