package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Liveness: a dump connection that goes silent (a {@link StallingProxy} between reader and server stops forwarding,
 * closing nothing) is found dead after the read timeout, not waited on for ever; with reconnect, the reader goes on
 * over a new connection and hands out every row once, as {@code SELECT} has them.
 */
class StalledConnectionIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        db.execute("CREATE DATABASE st");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static BinLogStreamReaderConfig.Builder readerVia(StallingProxy proxy, String table) {
        List<String> end = db.query("SHOW MASTER STATUS").get(0);
        return config(db)
                .port(proxy.port())
                .blocking(true)
                .startAt(end.get(0), Long.parseLong(end.get(1)))
                .onlyTables("st." + table);
    }

    /** The heartbeat of 1 s gives a read timeout of 7 s (twice the heartbeat and 5 s): well under the 30 s waited. */
    @Test
    void aStalledConnectionEndsTheReadWithAConnectionExceptionAfterTheReadTimeout() throws Exception {
        db.execute("CREATE TABLE st.once (id INT PRIMARY KEY)");
        try (StallingProxy proxy = new StallingProxy(db.port());
                BinLogStreamReader stream = new BinLogStreamReader(readerVia(proxy, "once")
                        .slaveHeartbeat(Duration.ofSeconds(1))
                        .build())) {
            db.execute("INSERT INTO st.once VALUES (1)");
            assertThat(next(stream)).isNotNull();
            proxy.stallAll();
            long stalledAt = System.nanoTime();
            CompletableFuture<BinlogEvent> read = CompletableFuture.supplyAsync(() -> next(stream));

            Throwable failure = null;
            try {
                read.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure)
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("delivered no byte (no event, no heartbeat) for the read timeout of PT7S");
            assertThat(System.nanoTime() - stalledAt)
                    .as("not before the read timeout")
                    .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(6));
        }
    }

    /** Stalled twice while a writer inserts rows: each time a new connection, and every row once, in order. */
    @Test
    void withReconnectEveryRowComesOnceAcrossStalls() throws Exception {
        db.execute("CREATE TABLE st.stream (id INT PRIMARY KEY)");
        try (StallingProxy proxy = new StallingProxy(db.port())) {
            BinLogStreamReaderConfig cfg = readerVia(proxy, "stream")
                    .readTimeout(Duration.ofSeconds(2))
                    .reconnect(5, Duration.ofMillis(100))
                    .build();
            int rows = 600;
            List<Long> ids = new ArrayList<>();
            try (BinLogStreamReader stream = new BinLogStreamReader(cfg)) {
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    for (int i = 1; i <= rows; i++) {
                        db.execute("INSERT INTO st.stream VALUES (" + i + ")");
                    }
                });
                int stalls = 0;
                while (ids.size() < rows) {
                    WriteRowsEvent w = (WriteRowsEvent) next(stream);
                    for (Row row : w.rows()) {
                        ids.add(row.getLong("id"));
                    }
                    if (stalls == 0 && ids.size() >= 100 || stalls == 1 && ids.size() >= 400) {
                        proxy.stallAll();
                        stalls++;
                    }
                }
                writer.get(60, TimeUnit.SECONDS);
                assertThat(stalls).isEqualTo(2);
                assertThat(stream.reconnectAttempts()).isEqualTo(2);
                assertThat(proxy.accepted())
                        .as("the dump and schema connections, then a dump connection per stall")
                        .isEqualTo(2 + 2);
            }
            List<Long> expected = new ArrayList<>();
            for (List<String> row : db.query("SELECT id FROM st.stream ORDER BY id")) {
                expected.add(Long.parseLong(row.get(0)));
            }
            assertThat(expected).hasSize(rows);
            assertThat(ids).containsExactlyElementsOf(expected);
        }
    }

    private static BinlogEvent next(BinLogStreamReader stream) {
        BinlogEvent event;
        do {
            event = stream.fetchOne();
        } while (event != null && !(event instanceof WriteRowsEvent));
        return event;
    }
}
