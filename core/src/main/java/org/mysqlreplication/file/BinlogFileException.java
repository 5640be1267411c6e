package org.mysqlreplication.file;

import org.mysqlreplication.BinlogException;

/**
 * A binlog file cannot be read as one: wrong magic, truncated event, or an I/O failure. The message names the file
 * and the position.
 *
 * <p>Immutable and thread-safe.
 */
public final class BinlogFileException extends BinlogException {

    private final String file;
    private final long position;

    public BinlogFileException(String what, String file, long position, Throwable cause) {
        super(what + " (file " + file + ", position " + position + ")", cause);
        this.file = file;
        this.position = position;
    }

    public String file() {
        return file;
    }

    public long position() {
        return position;
    }
}
