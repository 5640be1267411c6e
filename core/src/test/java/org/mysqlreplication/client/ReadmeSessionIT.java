package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.testing.PythonReadmeSession;

/**
 * The SQL session of python-mysql-replication's README, read back through the reader. The expected values are
 * the ones that SQL writes.
 */
class ReadmeSessionIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        PythonReadmeSession.runOn(db);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static BinLogStreamReaderConfig.Builder config(LocalMariaDb db) {
        return BinLogStreamReaderConfig.builder()
                .connection(db.host(), db.port(), db.user(), db.password())
                .serverId(100);
    }

    static List<BinlogEvent> readAll(BinLogStreamReaderConfig config) {
        List<BinlogEvent> events = new ArrayList<>();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            stream.forEach(events::add);
        }
        return events;
    }

    @Test
    void yieldsThePythonReadmeSequenceWithItsValues() {
        List<BinlogEvent> events = readAll(config(db)
                .onlyEvents(
                        QueryEvent.class,
                        TableMapEvent.class,
                        WriteRowsEvent.class,
                        UpdateRowsEvent.class,
                        DeleteRowsEvent.class,
                        XidEvent.class)
                .build());

        List<String> kinds =
                events.stream().map(e -> e.getClass().getSimpleName()).toList();
        assertThat(kinds)
                .containsSubsequence(
                        "QueryEvent",
                        "QueryEvent",
                        "TableMapEvent",
                        "WriteRowsEvent",
                        "XidEvent",
                        "TableMapEvent",
                        "UpdateRowsEvent",
                        "XidEvent",
                        "TableMapEvent",
                        "DeleteRowsEvent",
                        "XidEvent");
        assertThat(events)
                .filteredOn(QueryEvent.class::isInstance)
                .map(e -> ((QueryEvent) e).query())
                .contains("CREATE DATABASE test", PythonReadmeSession.STATEMENTS.get(2));
        QueryEvent create = events.stream()
                .filter(QueryEvent.class::isInstance)
                .map(QueryEvent.class::cast)
                .filter(q -> q.query().startsWith("CREATE TABLE"))
                .findFirst()
                .orElseThrow();
        assertThat(create.schema()).isEqualTo("test");

        TableMapEvent map = first(events, TableMapEvent.class);
        assertThat(map.schema()).isEqualTo("test");
        assertThat(map.table()).isEqualTo("test4");

        WriteRowsEvent write = first(events, WriteRowsEvent.class);
        assertThat(write.table().database()).isEqualTo("test");
        assertThat(write.table().table()).isEqualTo("test4");
        assertThat(write.rows()).hasSize(1);
        assertThat(write.rows().get(0).asMap())
                .containsExactly(Map.entry("id", 1), Map.entry("data", "Hello"), Map.entry("data2", "World"));

        UpdateRowsEvent update = first(events, UpdateRowsEvent.class);
        assertThat(update.rows()).hasSize(1);
        assertThat(update.rows().get(0).before().asMap())
                .containsExactly(Map.entry("id", 1), Map.entry("data", "Hello"), Map.entry("data2", "World"));
        assertThat(update.rows().get(0).after().asMap())
                .containsExactly(Map.entry("id", 1), Map.entry("data", "World"), Map.entry("data2", "Hello"));

        DeleteRowsEvent delete = first(events, DeleteRowsEvent.class);
        assertThat(delete.rows()).hasSize(1);
        assertThat(delete.rows().get(0).asMap())
                .containsExactly(Map.entry("id", 1), Map.entry("data", "World"), Map.entry("data2", "Hello"));
    }

    @Test
    void dumpPrintsThePythonFormat() {
        List<BinlogEvent> events = readAll(config(db)
                .onlyEvents(WriteRowsEvent.class, UpdateRowsEvent.class)
                .build());
        String write = events.get(0).dump();
        assertThat(write)
                .startsWith("=== WriteRowsEvent ===\nDate: ")
                .contains("\nLog position: " + events.get(0).header().logPos() + "\n")
                .contains("\nEvent size: " + events.get(0).header().eventSize() + "\n")
                .contains("\nTable: test.test4\n")
                .contains("\nAffected columns: 3\n")
                .contains("\nChanged rows: 1\n")
                .contains("\nValues:\n--\n* id : 1\n* data : Hello\n* data2 : World\n");
        assertThat(events.get(1).dump())
                .startsWith("=== UpdateRowsEvent ===\n")
                .contains("* data : Hello => World\n")
                .contains("* data2 : World => Hello\n");
    }

    @Test
    void streamApiSeesTheSameRowsAsIteration() {
        try (BinLogStreamReader stream = new BinLogStreamReader(config(db).build())) {
            List<Object> data = stream.stream()
                    .filter(WriteRowsEvent.class::isInstance)
                    .flatMap(e -> ((WriteRowsEvent) e).rows().stream())
                    .map(row -> row.get("data"))
                    .toList();
            assertThat(data).containsExactly("Hello");
            assertThat(stream.fetchOne()).isNull();
        }
    }

    private static <T> T first(List<BinlogEvent> events, Class<T> type) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }
}
