package org.mysqlreplication.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.PreviousGtidsEvent;
import org.mysqlreplication.event.TransactionBoundary;
import org.mysqlreplication.gtid.MysqlGtidSet;

/**
 * Follows the MySQL GTID set executed by a stream: the GTID of each transaction (anonymous ones are not counted) is
 * added once the transaction has ended, by {@link TransactionBoundary}'s rule. The PREVIOUS_GTIDS event at the
 * start of each binlog file adds the GTIDs of all earlier files.
 *
 * <p>Not thread-safe; one per reader, fed every event in binlog order, wanted by the user or not.
 */
final class MysqlGtidTracker {

    private MysqlGtidSet executed;
    private MysqlGtidSet.Tsid openSource;
    private long openGno;
    private final TransactionBoundary boundary = new TransactionBoundary();

    MysqlGtidTracker(MysqlGtidSet start) {
        this.executed = start != null ? start : MysqlGtidSet.empty();
    }

    void onEvent(BinlogEvent event) {
        TransactionBoundary.Step step = boundary.next(event);
        if (event instanceof GtidEvent g) {
            openSource = g.anonymous() ? null : new MysqlGtidSet.Tsid(g.sourceId(), g.tag());
            openGno = g.gno();
        } else if (event instanceof PreviousGtidsEvent p) {
            for (PreviousGtidsEvent.SidIntervals s : p.sids()) {
                MysqlGtidSet.Tsid tsid = new MysqlGtidSet.Tsid(s.sid(), s.tag());
                Map<MysqlGtidSet.Tsid, List<MysqlGtidSet.Interval>> m = new HashMap<>(executed.intervals());
                List<MysqlGtidSet.Interval> list = new ArrayList<>(m.getOrDefault(tsid, List.of()));
                s.intervals().forEach(i -> list.add(new MysqlGtidSet.Interval(i.start(), i.end() - 1)));
                m.put(tsid, list);
                executed = new MysqlGtidSet(m);
            }
        } else if (step == TransactionBoundary.Step.ENDS && openSource != null) {
            executed = executed.add(openSource, openGno);
            openSource = null;
        }
    }

    /** The set executed after the last transaction that has ended. */
    MysqlGtidSet executed() {
        return executed;
    }
}
