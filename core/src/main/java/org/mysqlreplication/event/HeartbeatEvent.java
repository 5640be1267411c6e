package org.mysqlreplication.event;

import java.util.Objects;

/**
 * HEARTBEAT_LOG_EVENT (and HEARTBEAT_LOG_EVENT_V2): sent by the server when it has nothing else to send;
 * {@code logFile} is the binlog the server is reading, {@code position} its position when the event says it (V2,
 * otherwise the header's log position).
 *
 * <p>Immutable and thread-safe.
 */
public record HeartbeatEvent(EventHeader header, String logFile, long position) implements BinlogEvent {

    public HeartbeatEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(logFile, "logFile");
    }

    @Override
    public String dump() {
        return DumpText.start("HeartbeatLogEvent", header)
                .field("Current binlog", logFile)
                .end();
    }
}
