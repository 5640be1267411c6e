package org.mysqlreplication.event.decode;

import org.mysqlreplication.BinlogException;

/**
 * A body decoder found something its format forbids; {@link EventDecoder} turns it into an
 * {@link EventDecodeException} that says where. Never carries a row value.
 */
final class BodyFormatException extends BinlogException {

    BodyFormatException(String message) {
        super(message);
    }

    BodyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
