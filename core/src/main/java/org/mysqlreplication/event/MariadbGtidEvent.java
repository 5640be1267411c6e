package org.mysqlreplication.event;

import java.util.Objects;
import org.mysqlreplication.gtid.MariadbGtid;

/**
 * MariaDB GTID_EVENT: starts an event group (transaction or DDL) and gives its GTID; the server id of the GTID
 * is the header's.
 *
 * @param seqNo           the sequence number (unsigned 64 bits)
 * @param domainId        the replication domain (unsigned 32 bits)
 * @param flags           {@code FL_*} flags ({@link #FL_STANDALONE}, {@link #FL_GROUP_COMMIT_ID}, ...)
 * @param commitId        the group commit id when {@link #FL_GROUP_COMMIT_ID} is set, else {@code null}
 * @param xid             the XA transaction id when {@link #FL_PREPARED_XA} or {@link #FL_COMPLETED_XA} is set,
 *                        else {@code null}
 * @param flagsExtra      MariaDB 10.8+'s extra flags byte, 0 when absent
 * @param extraEngines    the number of other engines in the transaction when {@code flagsExtra} has
 *                        FL_EXTRA_MULTI_ENGINE (1), else 0
 * @param startAlterSeqNo the sequence number of the START ALTER for a COMMIT/ROLLBACK ALTER (flagsExtra 4/8), else
 *                        {@code null}
 * @param threadId        the thread id of the session when flagsExtra has FL_EXTRA_THREAD_ID (16, MariaDB 11.5+),
 *                        else {@code null}
 *
 * <p>Immutable and thread-safe.
 */
public record MariadbGtidEvent(
        EventHeader header,
        long seqNo,
        long domainId,
        int flags,
        Long commitId,
        XaXid xid,
        int flagsExtra,
        int extraEngines,
        Long startAlterSeqNo,
        Long threadId)
        implements BinlogEvent {

    public static final int FL_STANDALONE = 1;
    public static final int FL_GROUP_COMMIT_ID = 2;
    public static final int FL_TRANSACTIONAL = 4;
    public static final int FL_ALLOW_PARALLEL = 8;
    public static final int FL_WAITED = 16;
    public static final int FL_DDL = 32;
    public static final int FL_PREPARED_XA = 64;
    public static final int FL_COMPLETED_XA = 128;

    public MariadbGtidEvent {
        Objects.requireNonNull(header, "header");
    }

    /** The GTID with the header's server id. */
    public MariadbGtid mariadbGtid() {
        return new MariadbGtid(domainId, header.serverId(), seqNo);
    }

    /** The GTID as text: {@code domain-server-seq}. */
    public String gtid() {
        return mariadbGtid().toString();
    }

    /** Whether the group is a single statement outside a transaction (DDL or non-transactional). */
    public boolean standalone() {
        return (flags & FL_STANDALONE) != 0;
    }

    @Override
    public String dump() {
        return DumpText.start("MariadbGtidEvent", header)
                .field("Flags", flags)
                .field("GTID", gtid())
                .end();
    }
}
