package org.mysqlreplication.io;

import org.mysqlreplication.BinlogException;

/**
 * Writing or reading a {@link SpillFile} failed: the disk is full, the spill directory is not writable, or the
 * file system reported an error. The message names the spill file and the offset; it never holds file content.
 *
 * <p>Immutable and thread-safe.
 */
public class SpillFileException extends BinlogException {

    public SpillFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
