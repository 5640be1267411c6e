package org.mysqlreplication.client;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.MariadbGtidListEvent;
import org.mysqlreplication.event.TransactionBoundary;
import org.mysqlreplication.gtid.MariadbGtid;
import org.mysqlreplication.gtid.MariadbGtidPosition;

/**
 * Follows the MariaDB GTID position of a stream: the GTID of each event group counts once the group has ended, by
 * {@link TransactionBoundary}'s rule. A GTID_LIST event (at the start of each binlog file) adds the domains the
 * position has no GTID for yet.
 *
 * <p>Not thread-safe; one per reader, fed every event in binlog order, wanted by the user or not.
 */
final class MariadbGtidTracker {

    private MariadbGtidPosition position;
    /** The GTID of the group in progress, or null between groups. */
    private MariadbGtid open;

    private final TransactionBoundary boundary = new TransactionBoundary();

    MariadbGtidTracker(MariadbGtidPosition start) {
        this.position = start != null ? start : MariadbGtidPosition.empty();
    }

    void onEvent(BinlogEvent event) {
        if (event instanceof MariadbGtidListEvent list) {
            position = position.withMissingDomains(list.gtids());
            return;
        }
        TransactionBoundary.Step step = boundary.next(event);
        if (event instanceof MariadbGtidEvent g) {
            open = g.mariadbGtid();
        } else if (step == TransactionBoundary.Step.ENDS && open != null) {
            position = position.with(open);
            open = null;
        }
    }

    /** The position after the last group that has ended. */
    MariadbGtidPosition position() {
        return position;
    }
}
