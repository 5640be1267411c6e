package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.PreviousGtidsEvent;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.gtid.MysqlGtidSet;

/**
 * The MySQL GTID set a reader reports, on MySQL fixture files read through the file reader: after transaction k it
 * is the file's PREVIOUS_GTIDS plus the GTIDs of the first k transactions (as the events say), and skipping the
 * transactions in that set, as a server does for COM_BINLOG_DUMP_GTID, leaves exactly transactions k+1.. .
 */
class MysqlGtidTrackerTest {

    private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");

    @Test
    void setAfterEachTransactionResumesWithTheNext() {
        for (String f : List.of(
                "zendesk-maxwell/src/test/resources/sql/replay/binlog.000004",
                "zalora-binlog-parser/data/gtid-fixtures/mysql-bin.01",
                "enhancedformysql-mysql-8.0.40/mysql-test/std_data/binlog_recovery/duplicate_xid_xa_commit.000001",
                "enhancedformysql-mysql-8.0.40/mysql-test/std_data/rpl_atomic_ddl_rollback_full.000001",
                "Percona-Lab-percona-binlog-server/mtr/binlog_streaming/std_data/data_80045_gtid/data_80045_gtid/"
                        + "binlog.000001",
                "blackbeam-rust_mysql_common/test-data/binlogs/binlog_transaction_with_GTID_TAG.000001")) {
            List<BinlogEvent> events = new ArrayList<>();
            try (BinlogFileReader r = new BinlogFileReader(ROOT.resolve(f))) {
                r.forEach(events::add);
            }
            MysqlGtidTracker tracker = new MysqlGtidTracker(null);
            MysqlGtidSet expected = MysqlGtidSet.empty();
            List<GtidEvent> transactions = new ArrayList<>();
            List<MysqlGtidSet> after = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                BinlogEvent e = events.get(i);
                tracker.onEvent(e);
                if (e instanceof PreviousGtidsEvent p) {
                    expected = MysqlGtidSet.parse(p.gtidSet());
                    assertThat(tracker.executed()).isEqualTo(expected);
                } else if (e instanceof GtidEvent g && !g.anonymous()) {
                    assertThat(tracker.executed()).as(f + " before " + g.gtid()).isEqualTo(expected);
                    transactions.add(g);
                    expected = expected.add(new MysqlGtidSet.Tsid(g.sourceId(), g.tag()), g.gno());
                    after.add(expected);
                }
            }
            assertThat(transactions).as(f).isNotEmpty();
            assertThat(tracker.executed()).as(f + " at the end").isEqualTo(expected);
            for (int k = 0; k < transactions.size(); k++) {
                MysqlGtidSet saved = after.get(k);
                List<GtidEvent> served = transactions.stream()
                        .filter(g -> !saved.contains(new MysqlGtidSet.Tsid(g.sourceId(), g.tag()), g.gno()))
                        .toList();
                assertThat(served)
                        .as(f + " after transaction " + k)
                        .isEqualTo(transactions.subList(k + 1, transactions.size()));
            }
        }
    }
}
