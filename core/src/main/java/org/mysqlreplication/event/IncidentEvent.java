package org.mysqlreplication.event;

import java.util.Objects;

/**
 * INCIDENT_EVENT: the source had an incident (1 = LOST_EVENTS: changes may be missing from the binlog), which a
 * replica must treat as a reason to stop.
 *
 * <p>Immutable and thread-safe.
 */
public record IncidentEvent(EventHeader header, int incident, String message) implements BinlogEvent {

    /** {@code INCIDENT_LOST_EVENTS}. */
    public static final int LOST_EVENTS = 1;

    public IncidentEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String dump() {
        return DumpText.start("IncidentEvent", header)
                .field("Incident", incident)
                .field("Message", message)
                .end();
    }
}
