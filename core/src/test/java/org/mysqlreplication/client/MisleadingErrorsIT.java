package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.protocol.ServerConnection;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Errors that said the wrong thing (issue 8, item 13), against users created with exactly the grants in question:
 * the real error of a missing privilege, the privilege that leaves columns unnamed said once, and a GTID start
 * position the server cannot continue from refused instead of replaying the whole binlog.
 */
class MisleadingErrorsIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        db.execute(
                "CREATE DATABASE me",
                "CREATE TABLE me.t (id INT PRIMARY KEY, label VARCHAR(10))",
                // may replicate, may not see the binlog status (MariaDB's BINLOG MONITOR, MySQL's REPLICATION CLIENT)
                "CREATE USER 'nomonitor'@'%' IDENTIFIED BY 'pw1'",
                "GRANT REPLICATION SLAVE ON *.* TO 'nomonitor'@'%'",
                // may replicate and see the status, may not SELECT
                "CREATE USER 'noselect'@'%' IDENTIFIED BY 'pw2'",
                "GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO 'noselect'@'%'");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void withoutTheBinlogMonitorGrantTheAccessDeniedIsReportedNotTheRetrysSyntaxError() {
        // what the server itself says to this user
        assertThatThrownBy(() -> {
                    try (ServerConnection c = ServerConnection.open(
                            config(db).user("nomonitor").password("pw1").build().connection())) {
                        c.query("SHOW MASTER STATUS");
                    }
                })
                .hasMessageContaining("1227")
                .hasMessageContaining("BINLOG MONITOR");

        assertThatThrownBy(() ->
                        readAll(config(db).user("nomonitor").password("pw1").build()))
                .isInstanceOf(BinlogException.class)
                .hasMessageContaining("1227")
                .hasMessageContaining("BINLOG MONITOR privilege")
                .hasMessageNotContaining("1064")
                .hasMessageNotContaining("pw1");
    }

    @Test
    void withoutSelectTheUnnamedColumnsAreExplainedOnceWithThePrivilege() {
        List<String> end = db.query("SHOW MASTER STATUS").get(0);
        for (int i = 1; i <= 3; i++) {
            db.execute("INSERT INTO me.t VALUES (" + i + ", 'x')"); // three transactions, three TABLE_MAPs
        }
        BinLogStreamReaderConfig cfg = config(db)
                .user("noselect")
                .password("pw2")
                .startAt(end.get(0), Long.parseLong(end.get(1)))
                .onlyEvents(WriteRowsEvent.class)
                .build();
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<BinlogEvent> events;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8)); // where slf4j-simple writes
        try {
            events = readAll(cfg);
        } finally {
            System.setErr(stderr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        stderr.print(log);
        assertThat(events).hasSize(3);
        assertThat(((WriteRowsEvent) events.get(0))
                        .rows()
                        .get(0)
                        .table()
                        .columns()
                        .get(0)
                        .name())
                .isNull();
        assertThat(occurrences(log, "me.t")).as(log).isEqualTo(1);
        assertThat(log).contains("user 'noselect'", "grant the user SELECT on it", "said once per table");
    }

    @Test
    void aGtidStartInADomainTheServerNeverHadIsRefusedNamingWhatItHas() {
        db.execute("INSERT INTO me.t VALUES (100, 'g')");
        String serverPos = db.query("SELECT @@gtid_binlog_pos").get(0).get(0);
        assertThat(serverPos).doesNotContain("7-"); // the domain asked for below

        assertThatThrownBy(() -> readAll(config(db)
                        .startAtGtid(MariadbGtidPosition.parse("7-1-5"))
                        .build()))
                .isInstanceOfSatisfying(PositionNotAvailableException.class, e -> {
                    assertThat(e.requested()).isEqualTo("GTID position 7-1-5");
                    assertThat(e.available())
                            .contains("gtid_binlog_pos '" + serverPos + "'")
                            .contains("binlog file "
                                    + db.query("SHOW BINARY LOGS").get(0).get(0));
                    assertThat(e).hasMessageContaining("never had domain 7");
                });
        assertThatThrownBy(() -> readAll(
                        config(db).startAtGtid(MariadbGtidPosition.empty()).build()))
                .isInstanceOfSatisfying(
                        PositionNotAvailableException.class,
                        e -> assertThat(e.requested()).isEqualTo("GTID position (empty)"));
        // a position in the server's own domain is still served
        assertThat(readAll(config(db)
                        .startAtGtid(MariadbGtidPosition.parse(serverPos))
                        .build()))
                .isNotEmpty();
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<BinlogEvent> readAll(BinLogStreamReaderConfig cfg) {
        List<BinlogEvent> events = new ArrayList<>();
        try (BinLogStreamReader stream = new BinLogStreamReader(cfg)) {
            stream.forEach(events::add);
        }
        return events;
    }
}
