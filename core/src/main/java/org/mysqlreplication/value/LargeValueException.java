package org.mysqlreplication.value;

import org.mysqlreplication.BinlogException;

/**
 * A {@link LargeValue} was asked for something its size does not allow, such as a byte array of more than a Java
 * array holds. The message gives the size, never the content.
 *
 * <p>Immutable and thread-safe.
 */
public final class LargeValueException extends BinlogException {

    public LargeValueException(String message) {
        super(message);
    }
}
