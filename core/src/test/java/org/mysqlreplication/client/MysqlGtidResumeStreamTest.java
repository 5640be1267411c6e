package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.gtid.MysqlGtidSet;

/**
 * GTID resume over the protocol: a MySQL fixture served by {@link FileServingMysqlServer}, which skips the
 * transactions of the requested set as MySQL does. The set a reader reports after transaction k, given to a new
 * reader, yields exactly transactions k+1.. (no gap, no duplicate), untagged and tagged.
 */
class MysqlGtidResumeStreamTest {

    private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");

    private record Run(List<String> gtids, List<MysqlGtidSet> setBefore, MysqlGtidSet end) {}

    private static Run read(FileServingMysqlServer server, MysqlGtidSet start) {
        BinLogStreamReaderConfig.Builder b = BinLogStreamReaderConfig.builder()
                .connection("127.0.0.1", server.port(), "repl", "secret")
                .serverId(100)
                .readAheadBytes(0);
        BinLogStreamReaderConfig config = start == null
                ? b.startAt("binlog.000001", 4).build()
                : b.startAtGtid(start).build();
        List<String> gtids = new ArrayList<>();
        List<MysqlGtidSet> before = new ArrayList<>();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            for (BinlogEvent e = stream.fetchOne(); e != null; e = stream.fetchOne()) {
                if (e instanceof GtidEvent g && !g.anonymous()) {
                    gtids.add(g.gtid());
                    before.add(stream.mysqlGtidSet());
                }
            }
            return new Run(gtids, before, stream.mysqlGtidSet());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "zendesk-maxwell/src/test/resources/sql/replay/binlog.000004",
                "zalora-binlog-parser/data/gtid-fixtures/mysql-bin.01",
                "blackbeam-rust_mysql_common/test-data/binlogs/binlog_transaction_with_GTID_TAG.000001"
            })
    void resumingAtTheSetAfterTransactionKGivesExactlyTheRest(String fixture) throws IOException {
        Path file = ROOT.resolve(fixture);
        assumeTrue(Files.isRegularFile(file), "fixture absent");
        try (FileServingMysqlServer server = new FileServingMysqlServer(Files.readAllBytes(file), "binlog.000001")) {
            Run all = read(server, null);
            assertThat(all.gtids()).isNotEmpty();
            for (int k = 0; k < all.gtids().size(); k++) {
                // the set before transaction k+1 is handed out is the set after transaction k
                MysqlGtidSet saved =
                        k + 1 < all.gtids().size() ? all.setBefore().get(k + 1) : all.end();
                Run resumed = read(server, saved);
                assertThat(resumed.gtids())
                        .as(fixture + " resumed after " + all.gtids().get(k))
                        .isEqualTo(all.gtids().subList(k + 1, all.gtids().size()));
                assertThat(resumed.end()).isEqualTo(all.end());
            }
        }
    }
}
