package org.mysqlreplication.event.decode;

import java.util.Locale;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.XaPrepareEvent;
import org.mysqlreplication.event.XidEvent;

/**
 * Where the transaction being read began and how many events of it were read: what a position to the row is made
 * of (see {@link org.mysqlreplication.event.ResumePosition}). A transaction begins with a GTID event (MariaDB's, or
 * MySQL's GTID or ANONYMOUS_GTID) or, without GTIDs, with a {@code BEGIN} query; it ends with its XID, an XA
 * PREPARE, a {@code COMMIT}/{@code ROLLBACK} query (non-transactional engines), or, for a statement that is its own
 * group (DDL: MariaDB's standalone flag, or MySQL's GTID followed by a query that is not {@code BEGIN}), that query.
 *
 * <p>Counted are the events of the binlog itself, the same whenever it is read: not those the server makes up
 * (artificial events, heartbeats), and not MariaDB's ANNOTATE_ROWS, which a server sends only when asked.
 *
 * <p>Not thread-safe: one per {@link EventReader}.
 */
final class TransactionTracker {

    private BinlogPosition start;
    private long events;
    private boolean standalone;
    private boolean mysqlGtid;
    private BinlogPosition lastOpen;

    /** The first event of the transaction being read, or null between transactions. */
    BinlogPosition start() {
        return start;
    }

    /** The index the next counted event of the transaction will have (its first event is 0). */
    long next() {
        return events;
    }

    /** Forgets the transaction (a new session, whose first transaction begins afresh). */
    void reset() {
        start = null;
        events = 0;
    }

    /** Whether an event is one of the binlog's own, counted in its transaction (its events count, not a payload). */
    static boolean counted(EventHeader h) {
        EventType t = h.eventType();
        return !EventReader.isArtificial(h)
                && t != EventType.MARIADB_ANNOTATE_ROWS_EVENT
                && t != EventType.TRANSACTION_PAYLOAD_EVENT;
    }

    /**
     * The transaction of the event counted last, or null when it was in none or ended its transaction (after it, a
     * reader is between transactions).
     */
    BinlogPosition lastOpen() {
        return lastOpen;
    }

    /**
     * Counts an event that starts at {@code at} of {@code file} ({@code event} null when it was not decoded: such
     * an event neither begins nor ends a transaction): the index it has in its transaction, or -1 when it is in
     * none. After a transaction's last event the tracker is between transactions.
     */
    long count(EventHeader header, BinlogEvent event, String file, long at) {
        if (!counted(header)) {
            return start == null ? -1 : events - 1;
        }
        if (start == null) {
            if (event == null || !begins(event) || file == null || at < 0) {
                lastOpen = null;
                return -1;
            }
            start = new BinlogPosition(file, at);
            events = 0;
            mysqlGtid = event instanceof GtidEvent;
            standalone = event instanceof MariadbGtidEvent g && g.standalone();
        }
        long index = events++;
        lastOpen = start;
        if (event != null && ends(event, index)) {
            start = null;
            events = 0;
            lastOpen = null;
        }
        return index;
    }

    private static boolean begins(BinlogEvent event) {
        return event instanceof MariadbGtidEvent
                || event instanceof GtidEvent
                || event instanceof QueryEvent q && q.query().strip().equalsIgnoreCase("BEGIN");
    }

    private boolean ends(BinlogEvent event, long index) {
        if (event instanceof XidEvent || event instanceof XaPrepareEvent) {
            return true;
        }
        if (!(event instanceof QueryEvent q) || index == 0) {
            return false;
        }
        String sql = q.query().strip().toUpperCase(Locale.ROOT);
        if (sql.equals("COMMIT")
                || sql.equals("ROLLBACK")
                || sql.startsWith("XA COMMIT")
                || sql.startsWith("XA ROLLBACK")) {
            return true;
        }
        // a statement that is its own group: MariaDB flags it; after MySQL's GTID it is a query that is not BEGIN
        return index == 1 && (standalone || mysqlGtid && !sql.equals("BEGIN"));
    }
}
