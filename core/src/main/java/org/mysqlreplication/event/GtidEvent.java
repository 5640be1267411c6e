package org.mysqlreplication.event;

import java.util.Objects;
import java.util.UUID;

/**
 * MySQL GTID_LOG_EVENT or ANONYMOUS_GTID_LOG_EVENT (the header type tells): starts a transaction and gives its
 * GTID ({@code source_id:gno}; an anonymous one has a zero UUID and gno 0). Fields that older servers do not write
 * are {@code null}: logical timestamps (5.7.6+), commit timestamps in microseconds (8.0.1+), transaction length
 * (8.0.2+), server versions (8.0.14+), commit group ticket (8.0.33+).
 *
 * @param flags                    {@code gtid_flags}: 1 = the transaction may have changes logged with SBR
 *
 * <p>Immutable and thread-safe.
 */
public record GtidEvent(EventHeader header, int flags, UUID sourceId, long gno, Long lastCommitted,
        Long sequenceNumber, Long immediateCommitTimestamp, Long originalCommitTimestamp, Long transactionLength,
        Long immediateServerVersion, Long originalServerVersion, Long commitGroupTicket) implements BinlogEvent {

    public GtidEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(sourceId, "sourceId");
    }

    /** Whether this is an ANONYMOUS_GTID_LOG_EVENT (GTID mode off). */
    public boolean anonymous() {
        return header.eventType() == EventType.ANONYMOUS_GTID_LOG_EVENT;
    }

    /** The GTID as MySQL prints it ({@code 3e11fa47-71ca-11e1-9e33-c80aa9429562:23}), {@code ANONYMOUS} if so. */
    public String gtid() {
        return anonymous() ? "ANONYMOUS" : sourceId + ":" + gno;
    }

    @Override
    public String dump() {
        DumpText d = DumpText.start("GtidEvent", header)
                .field("Commit", (flags & 1) != 0)
                .field("GTID_NEXT", gtid());
        if (lastCommitted != null) {
            d.field("last_committed", lastCommitted).field("sequence_number", sequenceNumber);
        }
        return d.end();
    }
}
