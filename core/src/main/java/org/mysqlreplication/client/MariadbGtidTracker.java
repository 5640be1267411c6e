package org.mysqlreplication.client;

import java.util.Locale;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.MariadbGtidListEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.XaPrepareEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.gtid.MariadbGtid;
import org.mysqlreplication.gtid.MariadbGtidPosition;

/**
 * Follows the MariaDB GTID position of a stream: the GTID of each event group (a GTID event starts one) counts once
 * the group has ended: at its XID event, at a COMMIT or ROLLBACK query (non-transactional engines), at an XA
 * PREPARE, or, for a standalone group (DDL), at its one query. A GTID_LIST event (at the start of each binlog
 * file) adds the domains the position has no GTID for yet.
 *
 * <p>Not thread-safe; one per reader, fed every event in binlog order, wanted by the user or not.
 */
final class MariadbGtidTracker {

    private MariadbGtidPosition position;
    /** The GTID of the group in progress, or null between groups. */
    private MariadbGtid open;

    private boolean standalone;

    MariadbGtidTracker(MariadbGtidPosition start) {
        this.position = start != null ? start : MariadbGtidPosition.empty();
    }

    void onEvent(BinlogEvent event) {
        if (event instanceof MariadbGtidEvent g) {
            open = g.mariadbGtid();
            standalone = g.standalone();
        } else if (event instanceof MariadbGtidListEvent list) {
            position = position.withMissingDomains(list.gtids());
        } else if (open != null && endsGroup(event)) {
            position = position.with(open);
            open = null;
        }
    }

    private boolean endsGroup(BinlogEvent event) {
        if (event instanceof XidEvent || event instanceof XaPrepareEvent) {
            return true;
        }
        return event instanceof QueryEvent q && (standalone || endsTransaction(q.query()));
    }

    private static boolean endsTransaction(String query) {
        String q = query.strip().toUpperCase(Locale.ROOT);
        return q.equals("COMMIT") || q.equals("ROLLBACK") || q.startsWith("XA COMMIT") || q.startsWith("XA ROLLBACK");
    }

    /** The position after the last group that has ended. */
    MariadbGtidPosition position() {
        return position;
    }
}
