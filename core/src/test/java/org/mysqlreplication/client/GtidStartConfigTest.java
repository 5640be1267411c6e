package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.gtid.MysqlGtidSet;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;

/** Where a GTID start is refused before anything is read: with another start, and against a MySQL server. */
class GtidStartConfigTest {

    private static final MariadbGtidPosition GTID = MariadbGtidPosition.parse("0-1-100");

    private static BinLogStreamReaderConfig.Builder config(int port) {
        return BinLogStreamReaderConfig.builder()
                .connection("127.0.0.1", port, "repl", "secret")
                .serverId(100)
                .readAheadBytes(0);
    }

    @Test
    void aGtidStartExcludesTheOtherStarts() {
        assertThat(config(3306).startAtGtid(GTID).build().start()).isEqualTo(StartPosition.after(GTID));
        assertThatThrownBy(() -> config(3306)
                        .startAtGtid(GTID)
                        .startFile("mysql-bin.000001")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GTID");
        assertThatThrownBy(
                        () -> config(3306).startAtGtid(GTID).resumeStream(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resumeStream");
    }

    private static MysqlReplayServer mysql() throws Exception {
        Path file = Path.of(
                "..",
                "..",
                "shared",
                "fixtures",
                "binlogs",
                "apecloud-mysql-binlog-connector-rust",
                "tests",
                "parse_file_tests",
                "mysql-bin.000057");
        assumeTrue(Files.isRegularFile(file), "fixture " + file.toAbsolutePath() + " is absent");
        return MysqlReplayServer.builder()
                .binlog(file)
                .serverVersion("8.0.31")
                .user("repl", "secret", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .start();
    }

    /** The stand-in MySQL 8.0 server of {@link TransactionPayloadStreamTest}. */
    @Test
    void aMysqlServerRefusesAMariadbGtidStartWithAConfigurationError() throws Exception {
        try (MysqlReplayServer server = mysql();
                BinLogStreamReader reader = new BinLogStreamReader(
                        config(server.port()).startAtGtid(GTID).build())) {
            assertThatThrownBy(reader::fetchOne)
                    .isInstanceOf(BinlogConfigurationException.class)
                    .hasMessageContaining("0-1-100")
                    .hasMessageContaining("MariaDB");
        }
    }

    /**
     * A MySQL GTID start sends COM_BINLOG_DUMP_GTID as com_binlog_dump_gtid (sql/rpl_source.cc) reads it: flags
     * NON_BLOCK | THROUGH_GTID, server id 100, empty file name, position 4, the set in Gtid_set::encode's form (sids
     * in UUID order). The set holds the file's PREVIOUS_GTIDS (76f3e7be-...:1-10), which a MySQL server no longer
     * has and would refuse the dump without.
     */
    @Test
    void aMysqlGtidStartSendsComBinlogDumpGtid() throws Exception {
        MysqlGtidSet set = MysqlGtidSet.parse(
                "76f3e7be-6720-11ed-9cad-0242ac110002:1-10,3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5");
        try (MysqlReplayServer server = mysql();
                BinLogStreamReader reader = new BinLogStreamReader(
                        config(server.port()).startAtGtid(set).build())) {
            assertThat(reader.fetchOne()).isInstanceOf(RotateEvent.class);
            assertThat(reader.position()).isEqualTo(new BinlogPosition("mysql-bin.000057", 4));
            assertThat(HexFormat.of().formatHex(server.lastGtidDump()))
                    .isEqualTo("0500" + "64000000" + "00000000"
                            + "0400000000000000" + "58000000" + "0200000000000000" + "3e11fa4771ca11e19e33c80aa9429562"
                            + "0100000000000000" + "0100000000000000" + "0600000000000000"
                            + "76f3e7be672011ed9cad0242ac110002" + "0100000000000000" + "0100000000000000"
                            + "0b00000000000000");
        }
    }

    @Test
    void aMariadbPositionAndAMysqlSetExcludeEachOther() {
        assertThatThrownBy(() -> config(3306)
                        .startAtGtid(GTID)
                        .startAtGtid(MysqlGtidSet.empty())
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
