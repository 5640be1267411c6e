package org.mysqlreplication.event;

import java.util.Objects;

/**
 * MySQL XA_PREPARE_LOG_EVENT: ends the events of an XA transaction at {@code XA PREPARE} (or {@code XA COMMIT ...
 * ONE PHASE} when {@code onePhase}), with its XID.
 *
 * <p>Immutable and thread-safe.
 */
public record XaPrepareEvent(EventHeader header, boolean onePhase, XaXid xid) implements BinlogEvent {

    public XaPrepareEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(xid, "xid");
    }

    @Override
    public String dump() {
        return DumpText.start("XAPrepareEvent", header)
                .field("One phase", onePhase)
                .field("XID formatID", xid.formatId())
                .field("XID", xid.text())
                .end();
    }
}
