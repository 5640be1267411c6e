package org.mysqlreplication.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.file.Fixtures.only;
import static org.mysqlreplication.file.Fixtures.readAll;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.RowsQueryEvent;

/**
 * MySQL 8 GTID events checked against the binlog itself: {@code transaction_length} is, per control_events.h,
 * the size of the whole transaction including the GTID event, so it must equal the sizes of the events up to the
 * next GTID; the immediate server version is the FDE's version as a number.
 */
class MysqlGtidFixturesTest {

    private static final String RUST_US = "rust-us-mysql-cdc-rs/tests/events/";

    @Test
    void transactionLengthsAndServerVersionsMatchTheFile() {
        for (String f : List.of(
                RUST_US + "8.0/19_30_Table_map_event_Write_rows_log_event/binlog.000018",
                RUST_US + "8.0/31_update_rows_v2/binlog.000001",
                RUST_US + "8.0/32_delete_rows_v2/binlog.000001")) {
            List<BinlogEvent> events = readAll(f);
            String version = ((FormatDescriptionEvent) events.get(0)).serverVersion();
            int[] v = java.util.Arrays.stream(version.split("-")[0].split("\\."))
                    .mapToInt(Integer::parseInt)
                    .toArray();
            long versionNumber = v[0] * 10000L + v[1] * 100L + v[2];
            int checked = 0;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof GtidEvent g) {
                    long sum = 0;
                    int k = i;
                    do {
                        sum += events.get(k++).header().eventSize();
                    } while (k < events.size() && !(events.get(k) instanceof GtidEvent));
                    if (k < events.size()) {
                        assertThat(g.transactionLength())
                                .as(f + " GTID at " + i)
                                .isEqualTo(sum);
                        checked++;
                    }
                    assertThat(g.immediateServerVersion()).isEqualTo(versionNumber);
                    assertThat(g.originalCommitTimestamp()).isEqualTo(g.immediateCommitTimestamp());
                    assertThat(g.immediateCommitTimestamp() / 1_000_000)
                            .isBetween(g.header().timestamp() - 1, g.header().timestamp() + 1);
                }
            }
            assertThat(checked).as(f).isGreaterThan(1);
        }
    }

    @Test
    void rowsQueryTextPrecedesItsRows() {
        List<BinlogEvent> events = readAll(RUST_US + "5.7/29_row_query/log.bin");
        assertThat(only(events, RowsQueryEvent.class))
                .extracting(RowsQueryEvent::query)
                .anySatisfy(q -> assertThat(q).startsWithIgnoringCase("insert"));
    }
}
