package org.mysqlreplication.event;

import java.util.Objects;

/**
 * A place in the server's binary log: a file name and the byte offset of the next event to read. Saving
 * {@link BinLogStreamReader#position()} after handling an event and starting a new reader there resumes at
 * exactly the next event.
 *
 * <p>Immutable and thread-safe.
 */
public record BinlogPosition(String file, long position) {

    /** The offset of the first event in every binlog file, after the 4-byte magic number. */
    public static final long FIRST_EVENT = 4;

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
        if (file.isEmpty()) {
            throw new IllegalArgumentException("binlog file name is empty");
        }
        if (position < 0 || position > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("binlog position " + position + " not in 0..4294967295");
        }
    }

    @Override
    public String toString() {
        return file + ":" + position;
    }
}
