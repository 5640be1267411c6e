package org.mysqlreplication.io;

import org.mysqlreplication.BinlogException;

/** Bytes that do not have the shape the format requires at that offset. */
public final class ByteReaderFormatException extends BinlogException {

    public ByteReaderFormatException(int offset, String expected, String found) {
        super("at offset " + offset + " expected " + expected + ", found " + found);
    }
}
