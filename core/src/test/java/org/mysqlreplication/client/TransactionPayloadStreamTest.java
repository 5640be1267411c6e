package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.ResumePosition;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TransactionPayloadEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.event.decode.EventReader;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;
import org.mysqlreplication.testing.replay.ReplayColumn;

/**
 * MySQL 8.0.31's {@code mysql-bin.000057} (two zstd TRANSACTION_PAYLOAD events) streamed over the network by
 * {@link MysqlReplayServer}: the reader hands out the events inside each payload in its place, as the file
 * reader does, filters them like any other, and keeps its position at the payload's start (457 and 730, where the
 * file's independent scan puts them, ending at 651 and 1283) until the payload's last wanted event is out.
 */
class TransactionPayloadStreamTest {

    private static final Path FILE = Path.of(
            "..",
            "..",
            "shared",
            "fixtures",
            "binlogs",
            "apecloud-mysql-binlog-connector-rust",
            "tests",
            "parse_file_tests",
            "mysql-bin.000057");
    private static final String NAME = "mysql-bin.000057";

    private MysqlReplayServer server;

    @BeforeEach
    void serve() throws IOException {
        assumeTrue(Files.isRegularFile(FILE), "fixture " + FILE.toAbsolutePath() + " is absent");
        server = MysqlReplayServer.builder()
                .binlog(FILE)
                .serverVersion("8.0.31")
                .user("repl", "secret", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private BinLogStreamReaderConfig.Builder config(long start) {
        return BinLogStreamReaderConfig.builder()
                .connection("127.0.0.1", server.port(), "repl", "secret")
                .serverId(100)
                .startAt(NAME, start)
                .readAheadBytes(0);
    }

    /** Each event with the reader's position after it was handed out. */
    private record Read(BinlogEvent event, BinlogPosition position) {}

    private static List<Read> read(BinLogStreamReaderConfig config) {
        List<Read> out = new ArrayList<>();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            for (BinlogEvent e = stream.fetchOne(); e != null; e = stream.fetchOne()) {
                out.add(new Read(e, stream.position()));
            }
        }
        return out;
    }

    @Test
    void theStreamHandsOutWhatTheFileReaderDoes() {
        List<BinlogEvent> fromFile = new ArrayList<>();
        try (BinlogFileReader r = new BinlogFileReader(FILE)) {
            r.forEach(fromFile::add);
        }
        List<Read> streamed = read(config(4).build());
        assertThat(streamed.get(0).event().header().flags() & EventReader.LOG_EVENT_ARTIFICIAL_F)
                .isNotZero();
        List<BinlogEvent> events = streamed.stream().skip(1).map(Read::event).toList(); // after the server's ROTATE
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .isEqualTo(
                        fromFile.stream().map(e -> e.getClass().getSimpleName()).toList());
        assertThat(events).noneMatch(e -> e instanceof TransactionPayloadEvent);
        assertThat(events)
                .filteredOn(RowsEvent.class::isInstance)
                .extracting(BinlogEvent::dump)
                .isEqualTo(fromFile.stream()
                        .filter(RowsEvent.class::isInstance)
                        .map(BinlogEvent::dump)
                        .toList());
    }

    @Test
    void thePositionStaysAtThePayloadsStartUntilItsLastEventIsOut() {
        List<Read> streamed = read(config(4).build());
        List<Long> positions =
                streamed.stream().map(r -> r.position().position()).toList();
        List<String> types =
                streamed.stream().map(r -> r.event().getClass().getSimpleName()).toList();
        int firstXid = types.indexOf("XidEvent");
        assertThat(types.subList(firstXid - 4, firstXid + 1))
                .containsExactly("QueryEvent", "RowsQueryEvent", "TableMapEvent", "WriteRowsEvent", "XidEvent");
        assertThat(positions.subList(firstXid - 4, firstXid)).containsOnly(457L);
        assertThat(positions.get(firstXid)).isEqualTo(651L);
        assertThat(positions.get(positions.size() - 2)).isEqualTo(730L);
        assertThat(positions.get(positions.size() - 1)).isEqualTo(1283L);
        assertThat(streamed.get(streamed.size() - 1).event()).isInstanceOf(XidEvent.class);
    }

    @Test
    void innerEventsAreFilteredAndTheLastWantedOneMovesThePositionPastThePayload() {
        List<Read> writes = read(config(4).onlyEvents(WriteRowsEvent.class).build());
        assertThat(writes)
                .extracting(r -> ((WriteRowsEvent) r.event()).table().table())
                .containsExactly("b", "test_table_3");
        assertThat(writes).extracting(r -> r.position().position()).containsExactly(651L, 1283L);
        List<Read> onlyB =
                read(config(4).onlyEvents(WriteRowsEvent.class).onlyTables("b").build());
        assertThat(onlyB)
                .singleElement()
                .satisfies(r -> assertThat(r.event().dump()).contains("* @1 : 1\n"));
    }

    /** With the table in the server's information_schema, the reader names the columns as the server does. */
    @Test
    void columnNamesComeFromTheServersInformationSchema() {
        server.close();
        server = MysqlReplayServer.builder()
                .binlog(FILE)
                .serverVersion("8.0.31")
                .user("repl", "secret", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .table("a", "b", ReplayColumn.of("id", "int"))
                .start();
        List<Read> onlyB =
                read(config(4).onlyEvents(WriteRowsEvent.class).onlyTables("b").build());
        assertThat(onlyB)
                .singleElement()
                .satisfies(r -> assertThat(r.event().dump()).contains("* id : 1\n"));
    }

    /** A reader started where one stood inside the second payload gets that whole transaction again. */
    @Test
    void resumingFromInsideAPayloadReplaysItsTransaction() {
        List<Read> all = read(config(4).build());
        BinlogPosition inside = all.get(all.size() - 3).position();
        assertThat(inside).isEqualTo(new BinlogPosition(NAME, 730));
        List<Read> resumed = read(config(inside.position()).build());
        assertThat(resumed)
                .extracting(r -> r.event().getClass().getSimpleName())
                .endsWith(
                        "QueryEvent",
                        "RowsQueryEvent",
                        "TableMapEvent",
                        "UpdateRowsEvent",
                        "RowsQueryEvent",
                        "TableMapEvent",
                        "WriteRowsEvent",
                        "XidEvent");
        assertThat(resumed).filteredOn(r -> r.event() instanceof RowsEvent).hasSize(2);
    }

    /**
     * Resume to the row inside a payload: the position taken after the UPDATE_ROWS of the second payload names the
     * transaction's GTID event (651, by the file's independent scan) and the 5 events handed out of it (GTID, BEGIN,
     * ROWS_QUERY, TABLE_MAP, UPDATE_ROWS); a reader started there hands out exactly the events after it, as the
     * first reader did.
     */
    @Test
    void aReaderStartedAtAResumePositionInsideAPayloadHandsOutExactlyTheEventsAfterIt() {
        List<BinlogEvent> after = new ArrayList<>();
        ResumePosition saved = null;
        ResumePosition afterRow = null;
        try (BinLogStreamReader stream = new BinLogStreamReader(config(4).build())) {
            for (BinlogEvent e = stream.fetchOne(); e != null; e = stream.fetchOne()) {
                if (saved != null) {
                    after.add(e);
                }
                if (e instanceof UpdateRowsEvent) {
                    saved = stream.resumePosition();
                    afterRow = stream.resumePositionAfterRow(0);
                }
            }
        }
        assertThat(saved.restart()).isEqualTo(new BinlogPosition(NAME, 651));
        assertThat(saved.skipEvents()).isEqualTo(5);
        assertThat(saved.skipRows()).isZero();
        assertThat(afterRow).as("after its only row").isEqualTo(saved);
        BinLogStreamReaderConfig resume = BinLogStreamReaderConfig.builder()
                .connection("127.0.0.1", server.port(), "repl", "secret")
                .serverId(100)
                .startAt(saved)
                .readAheadBytes(0)
                .build();
        List<BinlogEvent> resumed = read(resume).stream()
                .map(Read::event)
                .filter(e -> !(e instanceof RotateEvent) && !(e instanceof FormatDescriptionEvent))
                .toList();
        assertThat(resumed)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RowsQueryEvent", "TableMapEvent", "WriteRowsEvent", "XidEvent")
                .isEqualTo(after.stream().map(e -> e.getClass().getSimpleName()).toList());
        assertThat(resumed.get(2).dump()).isEqualTo(after.get(2).dump());
    }
}
