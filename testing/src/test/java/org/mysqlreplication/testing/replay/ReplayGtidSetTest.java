package org.mysqlreplication.testing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * GTID sets in {@code Gtid_set::encode}'s two formats ({@code sql/rpl_gtid_set.cc}): the classic one, as in the
 * COM_BINLOG_DUMP_GTID example of core's GtidStartConfigTest, and the tagged one of MySQL 8.3+, as the
 * PREVIOUS_GTIDS event of MySQL 9.6.0's {@code binlog_transaction_with_GTID_TAG.000001} holds it: format 1,
 * 2 entries, 55778904-...:[1,14) untagged and the same UUID with tag {@code mytag} (length byte 0x0a = 5 << 1)
 * and [1,3), which MySQL prints as {@code uuid:1-13:mytag:1-2}.
 */
class ReplayGtidSetTest {

    @Test
    void classicEncoding() {
        byte[] set = HexFormat.of()
                .parseHex("0100000000000000" + "3e11fa4771ca11e19e33c80aa9429562" + "0100000000000000"
                        + "0100000000000000" + "0600000000000000");
        ReplayGtidSet s = ReplayGtidSet.decode(set, 0, set.length);
        assertThat(s).hasToString("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5");
        assertThat(s.contains("3e11fa47-71ca-11e1-9e33-c80aa9429562", 5)).isTrue();
        assertThat(s.contains("3e11fa47-71ca-11e1-9e33-c80aa9429562", 6)).isFalse();
    }

    @Test
    void taggedEncodingFromMysql96ShowsAsGtidPurgedAndItsTaggedGtidInGtidExecuted() throws Exception {
        try (MysqlReplayServer server = MysqlReplayServer.builder()
                        .binlog(
                                ReplayFixtures.file(
                                        "blackbeam-rust_mysql_common/test-data/binlogs/binlog_transaction_with_GTID_TAG.000001"))
                        .serverVersion("9.6.0")
                        .user("repl", "pw", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                        .start();
                Connection c = DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:" + server.port() + "/?sslMode=DISABLED", "repl", "pw");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@gtid_purged, @@gtid_executed")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("55778904-0299-11f1-b1b8-4ef0c4956feb:1-13:mytag:1-2");
            // and the file's one transaction, the GTID_TAGGED event's mytag:3 (see TaggedGtidReaderTest)
            assertThat(rs.getString(2)).isEqualTo("55778904-0299-11f1-b1b8-4ef0c4956feb:1-13:mytag:1-3");
        }
    }
}
