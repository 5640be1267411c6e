package org.mysqlreplication.jsonl;

import org.mysqlreplication.BinlogException;

/**
 * Writing JSON lines failed: the output refused the text (an {@link java.io.IOException} from the
 * {@link Appendable}, which is the cause), or a large value could not be read from its spill file. The message
 * never contains a row value.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonLinesException extends BinlogException {

    public JsonLinesException(String message, Throwable cause) {
        super(message, cause);
    }
}
