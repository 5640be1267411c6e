package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.HeartbeatEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;

/** Blocking mode: the reader waits at the end of the binlog for new events until it is closed. */
class BlockingStreamIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        db.execute(
                "CREATE DATABASE audit",
                "CREATE TABLE audit.log (id INT PRIMARY KEY, msg VARCHAR(20))",
                "INSERT INTO audit.log VALUES (100, 'hello')");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void blockingModeDeliversAnInsertMadeAfterTheReaderStarted() throws Exception {
        try (BinLogStreamReader stream = new BinLogStreamReader(config(db)
                .blocking(true)
                .resumeStream(true)
                .onlyEvents(WriteRowsEvent.class)
                .build())) {
            CompletableFuture<BinlogEvent> next = CompletableFuture.supplyAsync(stream::fetchOne);
            Thread.sleep(500);
            assertThat(next).isNotDone();
            db.execute("INSERT INTO audit.log VALUES (101, 'later')");
            BinlogEvent event = next.get(30, TimeUnit.SECONDS);
            assertThat(((WriteRowsEvent) event).rows().get(0).asMap())
                    .containsExactly(Map.entry("id", 101), Map.entry("msg", "later"));
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedRead() throws Exception {
        BinLogStreamReader stream = new BinLogStreamReader(config(db)
                .blocking(true)
                .resumeStream(true)
                .slaveHeartbeat(Duration.ofSeconds(1))
                .onlyEvents(WriteRowsEvent.class)
                .build());
        CompletableFuture<BinlogEvent> next = CompletableFuture.supplyAsync(stream::fetchOne);
        Thread.sleep(1500);
        stream.close();
        assertThat(next.get(30, TimeUnit.SECONDS))
                .as("a read ended by close() returns the end of stream")
                .isNull();
        assertThat(stream.fetchOne()).isNull();
    }

    @Test
    void heartbeatsArriveWhileTheServerIsIdleAndReportSlaveIsShown() throws Exception {
        try (BinLogStreamReader stream = new BinLogStreamReader(config(db)
                .serverId(4242)
                .blocking(true)
                .resumeStream(true)
                .slaveHeartbeat(Duration.ofMillis(500))
                .reportSlave(new ReportSlave("reporter.example", "", "", 3307))
                .onlyEvents(HeartbeatEvent.class)
                .build())) {
            BinlogEvent event = CompletableFuture.supplyAsync(stream::fetchOne).get(30, TimeUnit.SECONDS);
            assertThat(event).isInstanceOf(HeartbeatEvent.class);
            List<String> binlog = db.query("SHOW MASTER STATUS").get(0);
            assertThat(((HeartbeatEvent) event).logFile()).isEqualTo(binlog.get(0));
            assertThat(db.query("SHOW SLAVE HOSTS")).anySatisfy(host -> {
                assertThat(host.get(0)).isEqualTo("4242");
                assertThat(host.get(1)).isEqualTo("reporter.example");
                assertThat(host.get(2)).isEqualTo("3307");
            });
        }
    }

    @Test
    void skipToTimestampDropsEarlierEvents() throws Exception {
        db.execute(
                "CREATE DATABASE IF NOT EXISTS skip",
                "CREATE TABLE skip.t (id INT PRIMARY KEY)",
                "INSERT INTO skip.t VALUES (1)");
        Thread.sleep(1100);
        long after = Long.parseLong(db.query("SELECT UNIX_TIMESTAMP()").get(0).get(0));
        Thread.sleep(1100);
        db.execute("INSERT INTO skip.t VALUES (2)");
        List<BinlogEvent> events = ReadmeSessionIT.readAll(
                config(db).skipToTimestamp(after).onlyTables("t").build());
        assertThat(events).allMatch(e -> e.header().timestamp() >= after);
        assertThat(events)
                .filteredOn(WriteRowsEvent.class::isInstance)
                .extracting(e -> ((WriteRowsEvent) e).rows().get(0).get("id"))
                .containsExactly(2);
    }

    @Test
    void schemaIsRefreshedAfterDdlUnlessFrozen() throws Exception {
        db.execute("CREATE DATABASE IF NOT EXISTS ddl", "CREATE TABLE ddl.t (a INT PRIMARY KEY)");
        try (BinLogStreamReader live = new BinLogStreamReader(config(db)
                        .blocking(true)
                        .resumeStream(true)
                        .onlyEvents(WriteRowsEvent.class)
                        .onlySchemas("ddl")
                        .build());
                BinLogStreamReader frozen = new BinLogStreamReader(config(db)
                        .serverId(101)
                        .blocking(true)
                        .resumeStream(true)
                        .freezeSchema(true)
                        .onlyEvents(WriteRowsEvent.class)
                        .onlySchemas("ddl")
                        // a frozen schema that disagrees with a TABLE_MAP is never used for names: by default the
                        // event fails; here the rows come with positional names, counted
                        .schemaMismatchPolicy(org.mysqlreplication.schema.SchemaMismatchPolicy.POSITIONAL_NAMES)
                        .build())) {
            CompletableFuture<BinlogEvent> liveFirst = CompletableFuture.supplyAsync(live::fetchOne);
            CompletableFuture<BinlogEvent> frozenFirst = CompletableFuture.supplyAsync(frozen::fetchOne);
            Thread.sleep(500);
            db.execute("INSERT INTO ddl.t VALUES (1)");
            assertThat(((WriteRowsEvent) liveFirst.get(30, TimeUnit.SECONDS))
                            .rows()
                            .get(0)
                            .asMap())
                    .containsExactly(Map.entry("a", 1));
            assertThat(((WriteRowsEvent) frozenFirst.get(30, TimeUnit.SECONDS))
                            .rows()
                            .get(0)
                            .asMap())
                    .containsExactly(Map.entry("a", 1));

            db.execute("ALTER TABLE ddl.t ADD COLUMN b VARCHAR(5)", "INSERT INTO ddl.t VALUES (2, 'two')");
            WriteRowsEvent liveSecond = (WriteRowsEvent)
                    CompletableFuture.supplyAsync(live::fetchOne).get(30, TimeUnit.SECONDS);
            assertThat(liveSecond.rows().get(0).asMap()).containsExactly(Map.entry("a", 2), Map.entry("b", "two"));
            WriteRowsEvent frozenSecond = (WriteRowsEvent)
                    CompletableFuture.supplyAsync(frozen::fetchOne).get(30, TimeUnit.SECONDS);
            assertThat(frozenSecond.table().columns())
                    .hasSize(2)
                    .allSatisfy(c -> assertThat(c.name()).isNull());
            assertThat(frozenSecond.rows().get(0).get(0)).isEqualTo(2);
            assertThat(frozen.schemaMismatches()).isEqualTo(1);
        }
    }
}
