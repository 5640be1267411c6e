package org.mysqlreplication.event;

import java.util.Map;
import java.util.Objects;

/**
 * MySQL VIEW_CHANGE_EVENT (Group Replication, 5.7.6+): marks where a member joined or left the group: the new
 * view's id, the next certification sequence number and the certification information (row hash to GTID set text).
 *
 * <p>Immutable and thread-safe.
 */
public record ViewChangeEvent(EventHeader header, String viewId, long seqNumber, Map<String, String> certificationInfo)
        implements BinlogEvent {

    public ViewChangeEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(viewId, "viewId");
        certificationInfo = Map.copyOf(certificationInfo);
    }

    @Override
    public String dump() {
        return DumpText.start("ViewChangeEvent", header)
                .field("view_id", viewId)
                .field("seq_number", seqNumber)
                .field("certification_info", certificationInfo.size())
                .end();
    }
}
