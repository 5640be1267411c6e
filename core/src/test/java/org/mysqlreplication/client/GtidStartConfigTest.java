package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.gtid.MariadbGtidPosition;

/** Where a GTID start is refused before anything is read: with another start, and against a MySQL server. */
class GtidStartConfigTest {

    private static final MariadbGtidPosition GTID = MariadbGtidPosition.parse("0-1-100");

    private static BinLogStreamReaderConfig.Builder config(int port) {
        return BinLogStreamReaderConfig.builder().connection("127.0.0.1", port, "repl", "secret").serverId(100)
                .readAheadBytes(0);
    }

    @Test
    void aGtidStartExcludesTheOtherStarts() {
        assertThat(config(3306).startAtGtid(GTID).build().startGtid()).isEqualTo(GTID);
        assertThatThrownBy(() -> config(3306).startAtGtid(GTID).startFile("mysql-bin.000001").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GTID");
        assertThatThrownBy(() -> config(3306).startAtGtid(GTID).resumeStream(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resumeStream");
    }

    /** The stand-in MySQL 8.0 server of {@link TransactionPayloadStreamTest}: MySQL GTID sets are not done yet. */
    @Test
    void aMysqlServerRefusesAMariadbGtidStartWithAConfigurationError() throws Exception {
        Path file = Path.of("..", "..", "shared", "fixtures", "binlogs", "apecloud-mysql-binlog-connector-rust",
                "tests", "parse_file_tests", "mysql-bin.000057");
        assumeTrue(Files.isRegularFile(file), "fixture " + file.toAbsolutePath() + " is absent");
        try (FileServingMysqlServer server = new FileServingMysqlServer(Files.readAllBytes(file), "mysql-bin.000057");
                BinLogStreamReader reader = new BinLogStreamReader(config(server.port()).startAtGtid(GTID).build())) {
            assertThatThrownBy(reader::fetchOne).isInstanceOf(BinlogConfigurationException.class)
                    .hasMessageContaining("0-1-100").hasMessageContaining("MariaDB");
        }
    }
}
