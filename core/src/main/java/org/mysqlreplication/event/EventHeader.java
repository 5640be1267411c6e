package org.mysqlreplication.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The 19-byte common header of a binlog event (v4; v3 has the same layout).
 *
 * @param timestamp  seconds since the epoch when the statement started, unsigned 32 bits
 * @param eventType  the type; {@link EventType#NOT_LISTED} for a code the library does not list
 * @param typeCode   the raw type code (0-255)
 * @param serverId   the id of the server that wrote the event, unsigned 32 bits
 * @param eventSize  the size of the whole event: header, body and checksum
 * @param logPos     the position just after this event in the binlog of the server that wrote it (0 in some
 *                   artificial events such as the first ROTATE of a dump)
 * @param flags      the header flags ({@code LOG_EVENT_BINLOG_IN_USE_F} = 0x1, ...)
 *
 * <p>Immutable and thread-safe.
 */
public record EventHeader(
        long timestamp, EventType eventType, int typeCode, long serverId, long eventSize, long logPos, int flags) {

    /** Size of the v3/v4 common header. */
    public static final int SIZE = 19;

    /** Header flag: the binlog file was not closed properly (set in the FORMAT_DESCRIPTION of an open file). */
    public static final int LOG_EVENT_BINLOG_IN_USE_F = 0x1;

    public EventHeader {
        Objects.requireNonNull(eventType, "eventType");
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp " + timestamp + " not an unsigned 32-bit value");
        }
        if (typeCode < 0 || typeCode > 255) {
            throw new IllegalArgumentException("type code " + typeCode + " not in 0..255");
        }
    }

    /** The timestamp as an {@link Instant}. */
    public Instant instant() {
        return Instant.ofEpochSecond(timestamp);
    }

    /** A readable type name: the enum name, or {@code type 123} for an unlisted code. */
    public String typeName() {
        return eventType == EventType.NOT_LISTED ? "type " + typeCode : eventType.name();
    }
}
