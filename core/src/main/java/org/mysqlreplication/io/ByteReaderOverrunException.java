package org.mysqlreplication.io;

import org.mysqlreplication.BinlogException;

/**
 * A read asked for more bytes than the input has: the input is truncated or a length field is corrupt.
 * Higher layers catch it and add where it happened (binlog file, position, event type).
 */
public final class ByteReaderOverrunException extends BinlogException {

    private final int offset;
    private final int needed;
    private final int available;

    public ByteReaderOverrunException(int offset, int needed, int available) {
        super("read past the end: at offset " + offset + " needed " + needed + " byte(s), " + available + " available");
        this.offset = offset;
        this.needed = needed;
        this.available = available;
    }

    public int offset() {
        return offset;
    }

    public int needed() {
        return needed;
    }

    public int available() {
        return available;
    }
}
