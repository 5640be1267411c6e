package org.mysqlreplication.event;

import java.util.Objects;

/**
 * STOP_EVENT: the server stopped (written at the end of a binlog file on shutdown). It has no body.
 *
 * <p>Immutable and thread-safe.
 */
public record StopEvent(EventHeader header) implements BinlogEvent {

    public StopEvent {
        Objects.requireNonNull(header, "header");
    }

    @Override
    public String dump() {
        return DumpText.start("StopEvent", header).end();
    }
}
