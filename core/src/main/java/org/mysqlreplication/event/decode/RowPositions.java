package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.ResumePosition;
import org.mysqlreplication.event.RowsEvent;

/**
 * The {@link EventReader}'s positions to the row (see {@link ResumePosition}): where the event handed out last stands
 * in its transaction, which the positions to resume at are made of, and, when a reader resumes at such a position,
 * which events and rows of the transaction it re-reads were handed out before.
 *
 * <p>Not thread-safe: one per {@link EventReader}.
 */
final class RowPositions {

    /** Where an event stands in its transaction: its start (null outside one), its index, the rows it lost. */
    record Mark(BinlogPosition tx, long index, int rowOffset) {}

    /**
     * Resuming to the row: events of the transaction resumed with an index below this are not handed out, and the
     * event with this index loses its first {@link #resumeRows} rows; -1 once done (or when not resuming).
     */
    private long resumeEvents = -1;

    private long resumeRows;
    /** The event handed out last, and where it stands in its transaction. */
    private BinlogEvent handed;

    private Mark handedMark;

    /** The session about to start resumes inside a transaction: see {@link EventReader#resumeWithin}. */
    void resumeWithin(long skipEvents, long skipRows) {
        resumeEvents = skipEvents > 0 ? skipEvents : -1;
        resumeRows = skipRows;
    }

    /** Whether, resuming to the row, the event of {@code h} is one handed out before: read for its state only. */
    boolean skipped(TransactionTracker tx, EventHeader h) {
        return resumeEvents >= 0
                && tx.start() != null
                && tx.next() < resumeEvents
                && TransactionTracker.counted(h)
                && !EventRegistry.carriesState(h.eventType());
    }

    /**
     * Resuming to the row, for the event of {@code index} in its transaction: -1 when it was handed out before the
     * position resumed at, else how many of its first rows were (0 for all but the one event the position names).
     */
    int resumedRows(long index) {
        if (resumeEvents < 0 || index < 0) {
            return 0;
        }
        if (index < resumeEvents) {
            return -1;
        }
        int rows = index == resumeEvents ? (int) Math.min(resumeRows, Integer.MAX_VALUE) : 0;
        resumeEvents = -1;
        return rows;
    }

    /** The event {@code e}, which stands where {@code mark} says, was handed out. */
    void handedOut(BinlogEvent e, Mark mark) {
        handed = e;
        handedMark = mark;
    }

    /** See {@link EventReader#resumePosition()}; {@code position} is the reader's. */
    ResumePosition resumePosition(BinlogPosition position) {
        if (handed == null || handedMark.tx() == null) {
            return position == null ? null : ResumePosition.at(position);
        }
        return new ResumePosition(
                handedMark.tx(), handedMark.index() + 1, 0, handed.header().serverId(), null, null);
    }

    /** See {@link EventReader#resumePositionAfterRow(int)}; {@code position} is the reader's. */
    ResumePosition resumePositionAfterRow(int row, BinlogPosition position) {
        if (!(handed instanceof RowsEvent r)) {
            throw new IllegalStateException("the event handed out last is not a rows event: " + handed);
        }
        if (row < 0 || row >= r.rowCount()) {
            throw new IllegalArgumentException("row " + row + " of an event of " + r.rowCount() + " row(s)");
        }
        if (row == r.rowCount() - 1) {
            return resumePosition(position);
        }
        if (handedMark.tx() == null) {
            throw new IllegalStateException("the reader did not see where the transaction of this rows event began"
                    + " (it started inside it): no position to its rows");
        }
        return new ResumePosition(
                handedMark.tx(),
                handedMark.index(),
                handedMark.rowOffset() + row + 1L,
                r.header().serverId(),
                null,
                null);
    }
}
