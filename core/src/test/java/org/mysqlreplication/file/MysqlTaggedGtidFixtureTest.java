package org.mysqlreplication.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.file.Fixtures.only;
import static org.mysqlreplication.file.Fixtures.readAll;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.PreviousGtidsEvent;

/**
 * The MySQL 9.6.0 fixture with a tagged GTID (rust_mysql_common's binlog_transaction_with_GTID_TAG, written after
 * {@code SET gtid_next='...:mytag:3'} following mytag:1-2): its GTID_TAGGED event and its tagged PREVIOUS_GTIDS,
 * checked against the file itself: the transaction length is the size of the transaction's events, the server
 * version that of the FDE.
 */
class MysqlTaggedGtidFixtureTest {

    private static final String FILE =
            "blackbeam-rust_mysql_common/test-data/binlogs/" + "binlog_transaction_with_GTID_TAG.000001";
    private static final String UUID = "55778904-0299-11f1-b1b8-4ef0c4956feb";

    @Test
    void taggedGtidAndPreviousGtids() {
        List<BinlogEvent> events = readAll(FILE);
        assertThat(((FormatDescriptionEvent) events.get(0)).serverVersion()).startsWith("9.6.0");
        assertThat(only(events, PreviousGtidsEvent.class))
                .singleElement()
                .extracting(PreviousGtidsEvent::gtidSet)
                .isEqualTo(UUID + ":1-13:mytag:1-2");
        GtidEvent g = only(events, GtidEvent.class).get(0);
        assertThat(g.gtid()).isEqualTo(UUID + ":mytag:3");
        int at = events.indexOf(g);
        long sum = 0;
        for (int k = at; k < events.size() && events.get(k).header().typeCode() != 4; k++) { // up to the ROTATE
            sum += events.get(k).header().eventSize();
        }
        assertThat(g.transactionLength()).isEqualTo(sum);
        assertThat(g.immediateServerVersion()).isEqualTo(90600);
        assertThat(g.immediateCommitTimestamp() / 1_000_000)
                .isBetween(g.header().timestamp() - 1, g.header().timestamp() + 1);
        assertThat(g.sequenceNumber()).isEqualTo(1);
    }
}
