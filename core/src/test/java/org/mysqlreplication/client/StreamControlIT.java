package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.testing.LocalMariaDb;

/** Filters, resuming from a saved position, and blocking mode, against a real server. */
class StreamControlIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        db.execute(
                "CREATE DATABASE shop",
                "CREATE DATABASE audit",
                "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(20))",
                "CREATE TABLE shop.customers (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE audit.log (id INT PRIMARY KEY, msg VARCHAR(20))",
                "INSERT INTO shop.orders VALUES (1, 'apple')",
                "INSERT INTO shop.customers VALUES (7, 'ann')",
                "INSERT INTO audit.log VALUES (100, 'hello')");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static List<String> tablesOfRows(List<BinlogEvent> events) {
        return events.stream()
                .filter(e -> e instanceof RowsEvent || e instanceof TableMapEvent)
                .map(e -> e instanceof RowsEvent r
                        ? "rows:" + r.table().database() + "." + r.table().table()
                        : "map:" + ((TableMapEvent) e).schema() + "." + ((TableMapEvent) e).table())
                .toList();
    }

    @Test
    void withoutFiltersEveryTableComesThrough() {
        assertThat(tablesOfRows(readAll(config(db).build())))
                .containsExactly(
                        "map:shop.orders",
                        "rows:shop.orders",
                        "map:shop.customers",
                        "rows:shop.customers",
                        "map:audit.log",
                        "rows:audit.log");
    }

    @Test
    void onlySchemasKeepsThatSchemasRowsAndOtherEvents() {
        List<BinlogEvent> events = readAll(config(db).onlySchemas("audit").build());
        assertThat(tablesOfRows(events)).containsExactly("map:audit.log", "rows:audit.log");
        assertThat(events).anyMatch(e -> e instanceof QueryEvent q && q.query().contains("shop.orders"));
    }

    @Test
    void onlyTablesMatchesPlainAndQualifiedNames() {
        assertThat(tablesOfRows(readAll(config(db).onlyTables("orders").build())))
                .containsExactly("map:shop.orders", "rows:shop.orders");
        assertThat(tablesOfRows(readAll(
                        config(db).onlyTables("shop.customers", "audit.log").build())))
                .containsExactly("map:shop.customers", "rows:shop.customers", "map:audit.log", "rows:audit.log");
    }

    @Test
    void ignoredSchemasAndTablesAreDropped() {
        assertThat(tablesOfRows(readAll(config(db).ignoredSchemas("shop").build())))
                .containsExactly("map:audit.log", "rows:audit.log");
        assertThat(tablesOfRows(readAll(config(db).ignoredTables("orders").build())))
                .containsExactly("map:shop.customers", "rows:shop.customers", "map:audit.log", "rows:audit.log");
    }

    @Test
    void onlyEventsDeliversOnlyThoseClassesButStillDecodesRows() {
        List<BinlogEvent> events =
                readAll(config(db).onlyEvents(WriteRowsEvent.class).build());
        assertThat(events).hasSize(3).allMatch(WriteRowsEvent.class::isInstance);
        assertThat(((WriteRowsEvent) events.get(1)).rows().get(0).asMap())
                .containsExactly(Map.entry("id", 7), Map.entry("name", "ann"));
        assertThat(readAll(config(db)
                        .ignoredEvents(WriteRowsEvent.class, TableMapEvent.class)
                        .build()))
                .isNotEmpty()
                .noneMatch(e -> e instanceof WriteRowsEvent || e instanceof TableMapEvent);
    }

    @Test
    void savedPositionResumesAtExactlyTheNextEvent() {
        List<BinlogEvent> all = readAll(config(db).build());
        BinlogPosition saved;
        BinlogEvent expectedNext;
        try (BinLogStreamReader stream = new BinLogStreamReader(config(db).build())) {
            BinlogEvent e;
            int index = 0;
            do {
                e = stream.fetchOne();
                index++;
            } while (!(e instanceof WriteRowsEvent));
            saved = stream.position();
            assertThat(saved.position()).isEqualTo(e.header().logPos());
            expectedNext = all.get(index);
        }
        assertThat(expectedNext).isInstanceOf(XidEvent.class);

        List<BinlogEvent> resumed = new java.util.ArrayList<>();
        try (BinLogStreamReader stream =
                new BinLogStreamReader(config(db).startAt(saved).build())) {
            for (BinlogEvent e = stream.fetchOne(); e != null; e = stream.fetchOne()) {
                resumed.add(e);
                // the replayed ROTATE and FORMAT_DESCRIPTION of a resumed dump do not move the position back
                assertThat(stream.position().position())
                        .as("after %s", e.getClass().getSimpleName())
                        .isGreaterThanOrEqualTo(saved.position());
            }
        }
        BinlogEvent firstReal = resumed.stream()
                .filter(e -> !(e instanceof org.mysqlreplication.event.RotateEvent)
                        && !(e instanceof org.mysqlreplication.event.FormatDescriptionEvent))
                .findFirst()
                .orElseThrow();
        assertThat(firstReal).isEqualTo(expectedNext);
    }
}
