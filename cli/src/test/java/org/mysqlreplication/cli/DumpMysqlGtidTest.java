package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;

/**
 * {@code dump --start-gtid} with a MySQL GTID set, tagged, against the replay server serving MySQL 9.6.0's binlog
 * of rust_mysql_common's test data (see PROVENANCE.md): its PREVIOUS_GTIDS is {@code 55778904-...:1-13:mytag:1-2}
 * and it holds one transaction, {@code mytag:3}, inserting into {@code test.orders}.
 */
class DumpMysqlGtidTest {

    private static final Path FILE = Path.of(
            "..",
            "..",
            "shared",
            "fixtures",
            "binlogs",
            "blackbeam-rust_mysql_common",
            "test-data",
            "binlogs",
            "binlog_transaction_with_GTID_TAG.000001");
    private static final String UUID = "55778904-0299-11f1-b1b8-4ef0c4956feb";
    private static MysqlReplayServer server;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isRegularFile(FILE), "fixture " + FILE.toAbsolutePath() + " is absent");
        server = MysqlReplayServer.builder()
                .binlog(FILE)
                .user("repl", "gtid-cli-pw", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String[] dump(String startGtid) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "dump",
                "--host",
                MysqlReplayServer.HOST,
                "--port",
                String.valueOf(server.port()),
                "--user",
                "repl",
                "--password",
                "gtid-cli-pw",
                "--server-id",
                "78",
                "--only-events",
                "GtidEvent,WriteRowsEvent",
                "--start-gtid",
                startGtid);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void aTaggedSetStartsAfterItsLastTransaction() {
        String[] before = dump(UUID + ":1-13:mytag:1-2");
        assertThat(before[0]).as(before[2]).isEqualTo("0");
        assertThat(before[1]).contains(UUID + ":mytag:3", "Table: test.orders");
        String[] after = dump(UUID + ":1-13:mytag:1-3");
        assertThat(after[0]).as(after[2]).isEqualTo("0");
        assertThat(after[1]).doesNotContain("mytag:3").doesNotContain("WriteRowsEvent");
    }

    @Test
    void aMalformedSetIsAUsageErrorNamingIt() {
        String[] r = dump(UUID + ":5-2");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--start-gtid", "'5-2'");
    }
}
