package org.mysqlreplication.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.PreviousGtidsEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.XaPrepareEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.gtid.MysqlGtidSet;

/**
 * Follows the MySQL GTID set executed by a stream: the GTID of each transaction (a GTID or GTID_TAGGED event
 * starts one; anonymous ones are not counted) is added once the transaction has ended: at its XID event, at a
 * COMMIT or ROLLBACK query, at an XA PREPARE, or, for a transaction without BEGIN (DDL), at its one query. The
 * PREVIOUS_GTIDS event at the start of each binlog file adds the GTIDs of all earlier files.
 *
 * <p>Not thread-safe; one per reader, fed every event in binlog order, wanted by the user or not.
 */
final class MysqlGtidTracker {

    private MysqlGtidSet executed;
    private MysqlGtidSet.Tsid openSource;
    private long openGno;
    /** Whether the open transaction began with BEGIN (or XA START) and so ends at XID, COMMIT or XA PREPARE. */
    private boolean begun;

    MysqlGtidTracker(MysqlGtidSet start) {
        this.executed = start != null ? start : MysqlGtidSet.empty();
    }

    void onEvent(BinlogEvent event) {
        if (event instanceof GtidEvent g) {
            openSource = g.anonymous() ? null : new MysqlGtidSet.Tsid(g.sourceId(), g.tag());
            openGno = g.gno();
            begun = false;
        } else if (event instanceof PreviousGtidsEvent p) {
            for (PreviousGtidsEvent.SidIntervals s : p.sids()) {
                MysqlGtidSet.Tsid tsid = new MysqlGtidSet.Tsid(s.sid(), s.tag());
                Map<MysqlGtidSet.Tsid, List<MysqlGtidSet.Interval>> m = new HashMap<>(executed.intervals());
                List<MysqlGtidSet.Interval> list = new ArrayList<>(m.getOrDefault(tsid, List.of()));
                s.intervals().forEach(i -> list.add(new MysqlGtidSet.Interval(i.start(), i.end() - 1)));
                m.put(tsid, list);
                executed = new MysqlGtidSet(m);
            }
        } else if (openSource != null && endsTransaction(event)) {
            executed = executed.add(openSource, openGno);
            openSource = null;
        }
    }

    private boolean endsTransaction(BinlogEvent event) {
        if (event instanceof XidEvent || event instanceof XaPrepareEvent) {
            return true;
        }
        if (!(event instanceof QueryEvent q)) {
            return false;
        }
        String sql = q.query().strip().toUpperCase(Locale.ROOT);
        if (!begun && (sql.equals("BEGIN") || sql.startsWith("XA START"))) {
            begun = true;
            return false;
        }
        return !begun || sql.equals("COMMIT") || sql.equals("ROLLBACK");
    }

    /** The set executed after the last transaction that has ended. */
    MysqlGtidSet executed() {
        return executed;
    }
}
