package org.mysqlreplication.event;

import java.util.Objects;
import java.util.UUID;

/**
 * MySQL GTID_LOG_EVENT or ANONYMOUS_GTID_LOG_EVENT (the header type tells): starts a transaction and gives its
 * GTID ({@code source_id:gno}; an anonymous one has a zero UUID and gno 0). Fields that older servers do not write
 * are {@code null}: logical timestamps (5.7.6+), commit timestamps in microseconds (8.0.1+), transaction length
 * (8.0.2+), server versions (8.0.14+), commit group ticket (8.0.33+).
 *
 * GTID_TAGGED_LOG_EVENT (MySQL 8.3+) decodes to this record too, with its tag ({@code uuid:tag:gno}); it always
 * carries every field.
 *
 * @param flags                    {@code gtid_flags}: 1 = the transaction may have changes logged with SBR
 * @param tag                      the GTID's tag (lowercase, as MySQL normalises it), empty when untagged
 *
 * <p>Immutable and thread-safe.
 */
public record GtidEvent(
        EventHeader header,
        int flags,
        UUID sourceId,
        long gno,
        Long lastCommitted,
        Long sequenceNumber,
        Long immediateCommitTimestamp,
        Long originalCommitTimestamp,
        Long transactionLength,
        Long immediateServerVersion,
        Long originalServerVersion,
        Long commitGroupTicket,
        String tag)
        implements BinlogEvent {

    public GtidEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(tag, "tag");
    }

    /** An untagged GTID event (GTID_LOG_EVENT, ANONYMOUS_GTID_LOG_EVENT): the tag is empty. */
    public GtidEvent(
            EventHeader header,
            int flags,
            UUID sourceId,
            long gno,
            Long lastCommitted,
            Long sequenceNumber,
            Long immediateCommitTimestamp,
            Long originalCommitTimestamp,
            Long transactionLength,
            Long immediateServerVersion,
            Long originalServerVersion,
            Long commitGroupTicket) {
        this(
                header,
                flags,
                sourceId,
                gno,
                lastCommitted,
                sequenceNumber,
                immediateCommitTimestamp,
                originalCommitTimestamp,
                transactionLength,
                immediateServerVersion,
                originalServerVersion,
                commitGroupTicket,
                "");
    }

    /** Whether this is an ANONYMOUS_GTID_LOG_EVENT (GTID mode off). */
    public boolean anonymous() {
        return header.eventType() == EventType.ANONYMOUS_GTID_LOG_EVENT;
    }

    /**
     * The GTID as MySQL prints it ({@code 3e11fa47-71ca-11e1-9e33-c80aa9429562:23}, tagged
     * {@code 3e11fa47-71ca-11e1-9e33-c80aa9429562:mytag:23}), {@code ANONYMOUS} if so.
     */
    public String gtid() {
        return anonymous() ? "ANONYMOUS" : sourceId + (tag.isEmpty() ? "" : ":" + tag) + ":" + gno;
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
