package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.client.ReplicationRefusedException.Reason;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.protocol.ServerErrorException;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * The server's fatal replies to a replica, each typed by what it means (MariaDB sends 1236 for several), naming what
 * was asked and what the server has, and none retried by reconnect.
 */
class FatalRepliesIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        db.execute(
                "CREATE DATABASE fr",
                "CREATE TABLE fr.t (id INT PRIMARY KEY)",
                "CREATE USER 'monitoronly'@'%' IDENTIFIED BY 'pw3'",
                "GRANT BINLOG MONITOR ON *.* TO 'monitoronly'@'%'");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String serverHas() {
        List<List<String>> logs = db.query("SHOW BINARY LOGS");
        String first = logs.get(0).get(0);
        String last = logs.get(logs.size() - 1).get(0);
        return (first.equals(last) ? "binlog file " + first : "binlog files " + first + " to " + last)
                + ", gtid_binlog_pos '"
                + db.query("SELECT @@gtid_binlog_pos").get(0).get(0) + "'";
    }

    /** Blocking with reconnect on, so that a retry would show: the error comes at once, with no attempt. */
    private static PositionNotAvailableException notAvailable(BinLogStreamReaderConfig.Builder cfg) {
        try (BinLogStreamReader stream = new BinLogStreamReader(
                cfg.blocking(true).reconnect(3, Duration.ofMillis(10)).build())) {
            Throwable thrown = null;
            try {
                stream.fetchOne();
            } catch (RuntimeException e) {
                thrown = e;
            }
            assertThat(stream.reconnectAttempts()).isZero();
            assertThat(thrown).isInstanceOf(PositionNotAvailableException.class);
            assertThat(thrown.getCause())
                    .isInstanceOfSatisfying(
                            ServerErrorException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(1236));
            return (PositionNotAvailableException) thrown;
        }
    }

    @Test
    void purgedFilesAnOffsetPastTheEndAndPurgedGtidsAreNotAvailable() {
        db.execute("INSERT INTO fr.t VALUES (1)");
        String firstGtid = db.query("SELECT @@gtid_binlog_pos").get(0).get(0);
        String firstFile = db.query("SHOW MASTER STATUS").get(0).get(0);
        db.execute(
                "FLUSH BINARY LOGS", "INSERT INTO fr.t VALUES (2)", "FLUSH BINARY LOGS", "INSERT INTO fr.t VALUES (3)");
        String current = db.query("SHOW MASTER STATUS").get(0).get(0);
        db.execute("PURGE BINARY LOGS TO '" + current + "'");
        assertThat(db.query("SHOW BINARY LOGS")).hasSize(1);

        PositionNotAvailableException purged = notAvailable(config(db).startFile(firstFile));
        assertThat(purged.requested()).isEqualTo("binlog position " + firstFile + ":4");
        assertThat(purged.available()).isEqualTo(serverHas());
        assertThat(purged).hasMessageContaining("Could not find first log file name");

        PositionNotAvailableException pastEnd = notAvailable(config(db).startAt(current, 50_000_000));
        assertThat(pastEnd.requested()).isEqualTo("binlog position " + current + ":50000000");
        assertThat(pastEnd.available()).isEqualTo(serverHas());

        PositionNotAvailableException gtidPurged =
                notAvailable(config(db).startAtGtid(MariadbGtidPosition.parse(firstGtid)));
        assertThat(gtidPurged.requested()).isEqualTo("GTID position " + firstGtid);
        assertThat(gtidPurged.available()).isEqualTo(serverHas());
        assertThat(gtidPurged).hasMessageContaining("purged");
    }

    @Test
    void aSecondReaderWithTheSameServerIdEndsTheFirstWithADuplicateServerIdAndNoRetry() throws Exception {
        List<String> end = db.query("SHOW MASTER STATUS").get(0);
        BinLogStreamReaderConfig cfg = config(db)
                .serverId(4242)
                .blocking(true)
                .startAt(end.get(0), Long.parseLong(end.get(1)))
                .onlyEvents(WriteRowsEvent.class)
                .reconnect(3, Duration.ofMillis(10))
                .build();
        try (BinLogStreamReader first = new BinLogStreamReader(cfg);
                BinLogStreamReader second = new BinLogStreamReader(cfg)) {
            db.execute("INSERT INTO fr.t VALUES (10)");
            assertThat(first.fetchOne()).isInstanceOf(WriteRowsEvent.class);
            CompletableFuture<BinlogEvent> firstGoesOn = CompletableFuture.supplyAsync(first::fetchOne);

            assertThat(second.fetchOne()).isInstanceOf(WriteRowsEvent.class);

            Throwable failure = null;
            try {
                firstGoesOn.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).isInstanceOfSatisfying(ReplicationRefusedException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_SERVER_ID);
                assertThat(e).hasMessageContaining("server id 4242");
                assertThat(((ServerErrorException) e.getCause()).errorCode()).isEqualTo(4052);
            });
            assertThat(first.reconnectAttempts()).isZero();
        }
    }

    @Test
    void aUserWithoutReplicationSlaveIsToldThatGrantNotAccessDenied() {
        assertThatThrownBy(() -> {
                    try (BinLogStreamReader stream = new BinLogStreamReader(
                            config(db).user("monitoronly").password("pw3").build())) {
                        stream.fetchOne();
                    }
                })
                .isInstanceOfSatisfying(ReplicationRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_PRIVILEGE);
                    assertThat(e.privilege()).isEqualTo("REPLICATION SLAVE");
                    assertThat(((ServerErrorException) e.getCause()).errorCode())
                            .isEqualTo(1045);
                })
                .hasMessageContaining("user 'monitoronly' lacks the REPLICATION SLAVE privilege")
                .hasMessageNotContaining("pw3");
    }
}
