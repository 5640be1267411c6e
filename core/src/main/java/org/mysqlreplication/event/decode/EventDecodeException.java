package org.mysqlreplication.event.decode;

import org.mysqlreplication.BinlogException;

/**
 * An event could not be decoded. The message says what went wrong and where: binlog file, the position of the
 * event in it, the event type and the offset inside the event. It never contains a row value.
 *
 * <p>Immutable and thread-safe.
 */
public class EventDecodeException extends BinlogException {

    private final String binlogFile;
    private final long position;
    private final String eventType;
    private final int offset;

    /**
     * @param what       what went wrong, expected against found
     * @param binlogFile the binlog file name, {@code null} when not known
     * @param position   the position of the event's first byte in the file, -1 when not known
     * @param eventType  the event type name
     * @param offset     the offset inside the event (from its first header byte), -1 when not known
     * @param cause      the underlying failure, or {@code null}
     */
    public EventDecodeException(
            String what, String binlogFile, long position, String eventType, int offset, Throwable cause) {
        super(
                what + " (file " + (binlogFile == null ? "<unknown>" : binlogFile) + ", position "
                        + (position < 0 ? "<unknown>" : Long.toString(position)) + ", event " + eventType
                        + (offset < 0 ? "" : ", offset " + offset + " in the event") + ")",
                cause);
        this.binlogFile = binlogFile;
        this.position = position;
        this.eventType = eventType;
        this.offset = offset;
    }

    /** The binlog file name, or {@code null}. */
    public String binlogFile() {
        return binlogFile;
    }

    /** The position of the event in its binlog file, or -1. */
    public long position() {
        return position;
    }

    /** The event type name. */
    public String eventType() {
        return eventType;
    }

    /** The offset inside the event where decoding failed, or -1. */
    public int offset() {
        return offset;
    }
}
