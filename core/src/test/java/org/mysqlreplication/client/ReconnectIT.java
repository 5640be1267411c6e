package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Reconnect: the server kills the reader's dump connection ({@code KILL} of its {@code Binlog Dump} thread) while a
 * writer inserts rows; the reader must hand out every row exactly once, in order, as {@code SELECT} has them.
 */
class ReconnectIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        db.execute("CREATE DATABASE rc");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** Kills every binlog dump thread of the server (only the test's reader has one); how many it killed. */
    private static int killDumpThreads() {
        List<List<String>> ids =
                db.query("SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND = 'Binlog Dump'");
        for (List<String> id : ids) {
            db.execute("KILL " + id.get(0));
        }
        return ids.size();
    }

    private static BinLogStreamReaderConfig.Builder readerOf(String table) {
        List<String> end = db.query("SHOW MASTER STATUS").get(0);
        return config(db)
                .blocking(true)
                .startAt(end.get(0), Long.parseLong(end.get(1)))
                .onlyTables("rc." + table);
    }

    private static List<Long> selectIds(String table) {
        List<Long> ids = new ArrayList<>();
        for (List<String> row : db.query("SELECT id FROM rc." + table + " ORDER BY id")) {
            ids.add(Long.parseLong(row.get(0)));
        }
        return ids;
    }

    @Test
    void killedTwiceWhileAWriterInsertsEveryRowComesOnceInOrder() throws Exception {
        db.execute("CREATE TABLE rc.stream (id INT PRIMARY KEY, txn INT, note VARCHAR(40))");
        BinLogStreamReaderConfig cfg =
                readerOf("stream").reconnect(5, Duration.ofMillis(100)).build();
        int transactions = 300;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int t = 0; t < transactions; t++) {
                int id = t * 3;
                db.execute("BEGIN; INSERT INTO rc.stream VALUES (" + id + ", " + t + ", 'first');"
                        + " INSERT INTO rc.stream VALUES (" + (id + 1) + ", " + t + ", 'second'), (" + (id + 2)
                        + ", " + t + ", 'third'); COMMIT");
            }
            db.execute("INSERT INTO rc.stream VALUES (-1, -1, 'end')");
        });
        List<Long> ids = new ArrayList<>();
        List<BinlogEvent> streamStarts = new ArrayList<>();
        try (BinLogStreamReader stream = new BinLogStreamReader(cfg)) {
            int kills = 0;
            while (true) {
                BinlogEvent event = stream.fetchOne();
                if (event instanceof RotateEvent || event instanceof FormatDescriptionEvent) {
                    streamStarts.add(event);
                }
                if (!(event instanceof WriteRowsEvent w)) {
                    continue;
                }
                long last = 0;
                for (Row row : w.rows()) {
                    last = row.getLong("id");
                    ids.add(last);
                }
                if (last == -1) {
                    break;
                }
                if (kills == 0 && ids.size() >= 150 || kills == 1 && ids.size() >= 600) {
                    assertThat(killDumpThreads()).isEqualTo(1);
                    kills++;
                }
            }
            assertThat(kills).isEqualTo(2);
            assertThat(streamStarts)
                    .as("the ROTATE and FORMAT_DESCRIPTION a reconnect gets again are not handed out")
                    .hasSize(2);
            assertThat(stream.reconnectAttempts()).isGreaterThanOrEqualTo(2);
        }
        writer.get(30, TimeUnit.SECONDS);
        assertThat(ids.remove(ids.size() - 1)).isEqualTo(-1L);
        List<Long> expected = selectIds("stream");
        expected.remove(-1L);
        assertThat(expected).hasSize(transactions * 3);
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    /**
     * One statement of many rows events in one transaction, the dump killed after its first rows event: the reader
     * resumes in the middle of the statement, where the server sends no TABLE_MAP again.
     */
    @Test
    void killedInTheMiddleOfATransactionResumesThereWithTheTableMapsItHas() throws Exception {
        db.execute("CREATE TABLE rc.big (id INT PRIMARY KEY, pad VARCHAR(200))");
        BinLogStreamReaderConfig cfg = readerOf("big")
                .reconnect(3, Duration.ofMillis(50))
                .readAheadBytes(0)
                .build();
        int rows = 60_000;
        List<Long> ids = new ArrayList<>();
        int tableMaps = 0;
        long attemptsAtKill = -1;
        int idsAtKill = -1;
        try (BinLogStreamReader stream = new BinLogStreamReader(cfg)) {
            db.execute("INSERT INTO rc.big SELECT seq, REPEAT('x', 200) FROM rc.seq_1_to_" + rows);
            while (ids.size() < rows) {
                BinlogEvent event = stream.fetchOne();
                if (event instanceof TableMapEvent) {
                    tableMaps++;
                }
                if (event instanceof WriteRowsEvent w) {
                    w.rows().forEach(row -> ids.add(row.getLong("id")));
                    if (attemptsAtKill < 0) {
                        assertThat(killDumpThreads()).isEqualTo(1);
                        attemptsAtKill = stream.reconnectAttempts();
                        idsAtKill = ids.size();
                    }
                }
            }
            assertThat(stream.reconnectAttempts()).isEqualTo(attemptsAtKill + 1);
        }
        assertThat(idsAtKill).as("the kill came before the statement was read").isLessThan(rows / 2);
        assertThat(tableMaps)
                .as("the one statement's table map, not sent again after the reconnect")
                .isEqualTo(1);
        assertThat(ids).containsExactlyElementsOf(selectIds("big"));
    }

    /** Started at a GTID position, the reader resumes at the file and position it reached; its GTID position goes on. */
    @Test
    void startedAtAGtidPositionEveryRowComesOnceAndTheGtidPositionFollowsTheServer() throws Exception {
        db.execute("CREATE TABLE rc.gtid (id INT PRIMARY KEY)");
        MariadbGtidPosition start = MariadbGtidPosition.parse(
                db.query("SELECT @@gtid_binlog_pos").get(0).get(0));
        BinLogStreamReaderConfig cfg = config(db)
                .blocking(true)
                .startAtGtid(start)
                .onlyTables("rc.gtid")
                .reconnect(3, Duration.ofMillis(50))
                .build();
        List<Long> ids = new ArrayList<>();
        try (BinLogStreamReader stream = new BinLogStreamReader(cfg)) {
            for (int i = 1; i <= 40; i++) {
                db.execute("INSERT INTO rc.gtid VALUES (" + i + ")");
                if (i == 20) {
                    while (ids.size() < 20) {
                        ((WriteRowsEvent) next(stream, WriteRowsEvent.class))
                                .rows()
                                .forEach(row -> ids.add(row.getLong("id")));
                    }
                    assertThat(killDumpThreads()).isEqualTo(1);
                }
            }
            while (ids.size() < 40) {
                ((WriteRowsEvent) next(stream, WriteRowsEvent.class)).rows().forEach(row -> ids.add(row.getLong("id")));
            }
            assertThat(stream.reconnectAttempts()).isEqualTo(1);
            next(stream, XidEvent.class); // the last transaction's end
            assertThat(stream.gtidPosition().toString())
                    .isEqualTo(db.query("SELECT @@gtid_binlog_pos").get(0).get(0));
        }
        assertThat(ids).containsExactlyElementsOf(selectIds("gtid"));
    }

    @Test
    void withoutReconnectTheKillEndsTheReaderWithAConnectionException() throws Exception {
        db.execute("CREATE TABLE rc.plain (id INT PRIMARY KEY)");
        try (BinLogStreamReader stream =
                new BinLogStreamReader(readerOf("plain").build())) {
            db.execute("INSERT INTO rc.plain VALUES (1)");
            assertThat(next(stream, WriteRowsEvent.class)).isNotNull();
            assertThat(killDumpThreads()).isEqualTo(1);
            assertThatThrownBy(() -> next(stream, WriteRowsEvent.class)).isInstanceOf(ConnectionException.class);
            assertThat(stream.reconnectAttempts()).isZero();
        }
    }

    @Test
    void closeDuringTheDelayBeforeAnAttemptEndsTheReadPromptly() throws Exception {
        db.execute("CREATE TABLE rc.wait (id INT PRIMARY KEY)");
        BinLogStreamReader stream = new BinLogStreamReader(
                readerOf("wait").reconnect(3, Duration.ofMinutes(5)).build());
        db.execute("INSERT INTO rc.wait VALUES (1)");
        assertThat(next(stream, WriteRowsEvent.class)).isNotNull();
        CompletableFuture<BinlogEvent> blocked =
                CompletableFuture.supplyAsync(() -> next(stream, WriteRowsEvent.class));
        assertThat(killDumpThreads()).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stream.reconnectAttempts() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stream.reconnectAttempts())
                .as("waiting before its first attempt")
                .isEqualTo(1);
        long closing = System.nanoTime();
        stream.close();
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(System.nanoTime() - closing).isLessThan(TimeUnit.SECONDS.toNanos(5));
    }

    private static BinlogEvent next(BinLogStreamReader stream, Class<? extends BinlogEvent> type) {
        BinlogEvent event;
        do {
            event = stream.fetchOne();
        } while (event != null && !type.isInstance(event));
        return event;
    }
}
