package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;
import org.junit.jupiter.api.Test;

/** Blocking mode: the reader waits at the end of the binlog for new events until it is closed. */
class BlockingStreamIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        db.execute("CREATE DATABASE audit", "CREATE TABLE audit.log (id INT PRIMARY KEY, msg VARCHAR(20))",
                "INSERT INTO audit.log VALUES (100, 'hello')");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void blockingModeDeliversAnInsertMadeAfterTheReaderStarted() throws Exception {
        try (BinLogStreamReader stream = new BinLogStreamReader(config(db).blocking(true).resumeStream(true)
                .onlyEvents(WriteRowsEvent.class).build())) {
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
        BinLogStreamReader stream = new BinLogStreamReader(config(db).blocking(true).resumeStream(true)
                .slaveHeartbeat(Duration.ofSeconds(1)).onlyEvents(WriteRowsEvent.class).build());
        CompletableFuture<BinlogEvent> next = CompletableFuture.supplyAsync(stream::fetchOne);
        Thread.sleep(1500);
        stream.close();
        assertThat(next.handle((e, err) -> e == null).get(30, TimeUnit.SECONDS)).isTrue();
    }
}
