package org.mysqlreplication.event.decode;

/**
 * An event's CRC32 does not match its bytes: the binlog or the stream is corrupt.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChecksumException extends EventDecodeException {

    private final long expected;
    private final long found;

    public ChecksumException(String binlogFile, long position, String eventType, long expected, long found) {
        super(
                String.format("CRC32 mismatch: the event says 0x%08x, its bytes give 0x%08x", expected, found),
                binlogFile,
                position,
                eventType,
                -1,
                null);
        this.expected = expected;
        this.found = found;
    }

    /** The CRC32 stored in the event. */
    public long expected() {
        return expected;
    }

    /** The CRC32 computed over the event's header and body. */
    public long found() {
        return found;
    }
}
