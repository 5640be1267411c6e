package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.TransactionBoundary;

/**
 * Where the transaction being read began and how many events of it were read: what a position to the row is made
 * of (see {@link org.mysqlreplication.event.ResumePosition}); where a transaction begins and ends is
 * {@link TransactionBoundary}'s rule.
 *
 * <p>Counted are the events of the binlog itself, the same whenever it is read: not those the server makes up
 * (artificial events, heartbeats), and not MariaDB's ANNOTATE_ROWS, which a server sends only when asked.
 *
 * <p>Not thread-safe: one per {@link EventReader}.
 */
final class TransactionTracker {

    private BinlogPosition start;
    private long events;
    private final TransactionBoundary boundary = new TransactionBoundary();
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
        boundary.reset();
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
        TransactionBoundary.Step step = event != null
                ? boundary.next(event)
                : boundary.inTransaction() ? TransactionBoundary.Step.INSIDE : TransactionBoundary.Step.OUTSIDE;
        if (step == TransactionBoundary.Step.BEGINS) {
            start = file == null || at < 0 ? null : new BinlogPosition(file, at);
            events = 0;
        }
        if (start == null) {
            lastOpen = null;
            return -1;
        }
        long index = events++;
        lastOpen = start;
        if (step == TransactionBoundary.Step.ENDS) {
            start = null;
            events = 0;
            lastOpen = null;
        }
        return index;
    }
}
