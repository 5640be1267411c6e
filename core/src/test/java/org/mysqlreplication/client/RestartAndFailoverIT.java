package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * The server restarted under a blocking reader, and a failover to a replica: in both, every row comes once, as the
 * servers' {@code SELECT} has them.
 */
class RestartAndFailoverIT {

    private static List<Long> selectIds(LocalMariaDb db, String table) {
        List<Long> ids = new ArrayList<>();
        for (List<String> row : db.query("SELECT id FROM " + table + " ORDER BY id")) {
            ids.add(Long.parseLong(row.get(0)));
        }
        return ids;
    }

    private static void collect(BinlogEvent event, List<Long> ids) {
        if (event instanceof WriteRowsEvent w) {
            for (Row row : w.rows()) {
                ids.add(row.getLong("id"));
            }
        }
    }

    /** Rows before, during (refused) and after a clean restart of the server, and after a crash and restart. */
    @Test
    void theServerRestartedTwiceUnderABlockingReaderWithReconnectEveryRowComesOnce() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            db.execute("CREATE DATABASE rs", "CREATE TABLE rs.t (id INT PRIMARY KEY)");
            List<String> end = db.query("SHOW MASTER STATUS").get(0);
            BinLogStreamReaderConfig cfg = config(db)
                    .blocking(true)
                    .startAt(end.get(0), Long.parseLong(end.get(1)))
                    .onlyTables("rs.t")
                    .reconnect(30, Duration.ofMillis(100))
                    .build();
            List<Long> ids = new ArrayList<>();
            try (BinLogStreamReader stream = new BinLogStreamReader(cfg)) {
                CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
                    while (!ids.contains(-1L)) {
                        BinlogEvent event = stream.fetchOne();
                        if (event == null) {
                            throw new AssertionError("the blocking stream ended after " + ids.size() + " rows");
                        }
                        collect(event, ids);
                    }
                });
                for (int i = 1; i <= 100; i++) {
                    db.execute("INSERT INTO rs.t VALUES (" + i + ")");
                }
                db.stop();
                db.startAgain();
                for (int i = 101; i <= 200; i++) {
                    db.execute("INSERT INTO rs.t VALUES (" + i + ")");
                }
                db.kill();
                db.startAgain();
                for (int i = 201; i <= 300; i++) {
                    db.execute("INSERT INTO rs.t VALUES (" + i + ")");
                }
                db.execute("INSERT INTO rs.t VALUES (-1)");
                reading.get(120, TimeUnit.SECONDS);
                assertThat(stream.reconnectAttempts())
                        .as("one run of attempts per restart at least")
                        .isGreaterThanOrEqualTo(2);
            }
            List<Long> expected = selectIds(db, "rs.t");
            expected.remove(-1L);
            expected.add(-1L); // written last
            assertThat(expected).hasSize(301);
            assertThat(ids).containsExactlyElementsOf(expected);
        }
    }

    /**
     * A reader of the primary stops after 30 of 50 transactions; the primary dies; a new reader on the replica,
     * started at the first reader's gtidPosition(), reads the other 20 and what is written on the replica after the
     * failover: together, each transaction once.
     */
    @Test
    void aReaderMovedToTheReplicaAtItsGtidPositionLosesAndRepeatsNoTransaction() {
        try (LocalMariaDb primary = LocalMariaDb.builder().start();
                LocalMariaDb replica =
                        LocalMariaDb.builder().serverId(2).replicaOf(primary).start()) {
            primary.execute("CREATE DATABASE fo", "CREATE TABLE fo.t (id INT PRIMARY KEY)");
            for (int i = 1; i <= 50; i++) {
                primary.execute("INSERT INTO fo.t VALUES (" + i + ")");
            }
            List<Long> ids = new ArrayList<>();
            MariadbGtidPosition saved;
            try (BinLogStreamReader onPrimary =
                    new BinLogStreamReader(config(primary).onlyTables("fo.t").build())) {
                while (ids.size() < 30) {
                    collect(onPrimary.fetchOne(), ids);
                }
                BinlogEvent e;
                do {
                    e = onPrimary.fetchOne();
                } while (!(e instanceof XidEvent)); // the 30th transaction's end
                saved = onPrimary.gtidPosition();
            }
            replica.awaitReplicated(
                    primary.query("SELECT @@gtid_binlog_pos").get(0).get(0), Duration.ofSeconds(30));
            primary.kill();
            replica.execute("STOP SLAVE");
            for (int i = 51; i <= 60; i++) {
                replica.execute("INSERT INTO fo.t VALUES (" + i + ")");
            }

            try (BinLogStreamReader onReplica = new BinLogStreamReader(config(replica)
                    .serverId(101)
                    .startAtGtid(saved)
                    .onlyTables("fo.t")
                    .build())) {
                onReplica.forEach(event -> collect(event, ids));
                assertThat(onReplica.gtidPosition().toString())
                        .isEqualTo(
                                replica.query("SELECT @@gtid_binlog_pos").get(0).get(0));
            }
            assertThat(ids)
                    .containsExactlyElementsOf(selectIds(replica, "fo.t"))
                    .hasSize(60);
        }
    }
}
