package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.MariadbAnnotateRowsEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * python-mysql-replication's {@code annotate_rows_event}, {@code end_log_pos}, {@code slave_uuid} and
 * {@code ctl_connection_settings} against a real MariaDB, each checked with what the server itself says: its
 * {@code SHOW BINLOG EVENTS} (ANNOTATE_ROWS statements, end positions), its performance schema (the dump
 * thread's user variables) and its privileges (who may read {@code information_schema.COLUMNS}).
 */
class PythonReaderOptionsIT {

    private static LocalMariaDb db;
    private static String file;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().serverOption("performance-schema", "ON").start();
        file = db.query("SHOW MASTER STATUS").get(0).get(0);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static BinLogStreamReaderConfig.Builder config() {
        return ReadmeSessionIT.config(db).startFile(file);
    }

    /** SHOW BINLOG EVENTS of the current file: Log_name, Pos, Event_type, Server_id, End_log_pos, Info. */
    private static List<List<String>> shown() {
        return db.query("SHOW BINLOG EVENTS IN '" + file + "'");
    }

    @Test
    void annotateRowsOnlyWhenAskedAndWithTheStatementExecuted() {
        String insert = "INSERT INTO ann.t VALUES (1, 'x'), (2, 'y')";
        String update = "UPDATE ann.t SET v = 'z' WHERE id = 2";
        db.execute("CREATE DATABASE ann", "CREATE TABLE ann.t (id INT PRIMARY KEY, v VARCHAR(10))", insert, update);
        List<String> serverSays = shown().stream()
                .filter(r -> r.get(2).equals("Annotate_rows") && r.get(5).contains("ann.t"))
                .map(r -> r.get(5))
                .toList();
        assertThat(serverSays).containsExactly(insert, update); // the server wrote them to its binlog

        BinLogStreamReaderConfig.Builder wanted =
                config().onlyEvents(MariadbAnnotateRowsEvent.class, WriteRowsEvent.class, UpdateRowsEvent.class);
        List<BinlogEvent> byDefault = readAll(wanted.build());
        assertThat(byDefault).noneMatch(MariadbAnnotateRowsEvent.class::isInstance);
        assertThat(rowsOf(byDefault, "ann")).hasSize(2); // the rows came, only the annotations did not

        List<BinlogEvent> asked = readAll(wanted.annotateRowsEvent(true).build());
        List<String> statements = asked.stream()
                .filter(MariadbAnnotateRowsEvent.class::isInstance)
                .map(e -> ((MariadbAnnotateRowsEvent) e).sqlStatement())
                .filter(s -> s.contains("ann.t"))
                .toList();
        assertThat(statements).containsExactly(insert, update);
        int at = asked.indexOf(asked.stream()
                .filter(e -> e instanceof MariadbAnnotateRowsEvent a
                        && a.sqlStatement().equals(update))
                .findFirst()
                .orElseThrow());
        assertThat(asked.get(at + 1)).isInstanceOf(UpdateRowsEvent.class); // each annotation precedes its rows
    }

    @Test
    void endLogPosEndsAfterTheEventThatReachesIt() {
        db.execute(
                "CREATE DATABASE endpos",
                "CREATE TABLE endpos.t (id INT PRIMARY KEY)",
                "INSERT INTO endpos.t VALUES (1)",
                "INSERT INTO endpos.t VALUES (2)",
                "INSERT INTO endpos.t VALUES (3)");
        List<List<String>> shown = shown();
        List<List<String>> writes =
                shown.stream().filter(r -> r.get(2).startsWith("Write_rows")).toList();
        List<String> second = writes.get(writes.size() - 2); // the write of id 2
        long writeEnd = Long.parseLong(second.get(4));
        long writeStart = Long.parseLong(second.get(1));
        List<String> xid = shown.get(shown.indexOf(second) + 1);
        assertThat(xid.get(2)).isEqualTo("Xid");
        long xidEnd = Long.parseLong(xid.get(4));

        List<BinlogEvent> atWriteEnd = readAll(config().endLogPos(writeEnd).build());
        BinlogEvent last = atWriteEnd.get(atWriteEnd.size() - 1);
        assertThat(last).isInstanceOf(WriteRowsEvent.class);
        assertThat(last.header().logPos()).isEqualTo(writeEnd);
        assertThat(((WriteRowsEvent) last).rows().get(0).get("id")).isEqualTo(2);

        // a position inside the event: the stream still ends after the event that reaches it
        List<BinlogEvent> insideWrite =
                readAll(config().endLogPos(writeStart + 1).build());
        assertThat(insideWrite.get(insideWrite.size() - 1).header()).isEqualTo(last.header());

        // one byte past it: the next event (the transaction's XID) reaches it
        List<BinlogEvent> pastWrite = readAll(config().endLogPos(writeEnd + 1).build());
        assertThat(pastWrite.get(pastWrite.size() - 1).header().logPos()).isEqualTo(xidEnd);

        // reached by an event the filters drop: the stream ends all the same, nothing after it comes
        List<BinlogEvent> rowsOnly = readAll(
                config().onlyEvents(WriteRowsEvent.class).endLogPos(xidEnd).build());
        assertThat(rowsOnly.get(rowsOnly.size() - 1).header()).isEqualTo(last.header());

        // a blocking reader ends there too instead of waiting for new events
        List<BinlogEvent> blocking = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> readAll(config().blocking(true).endLogPos(writeEnd).build()));
        assertThat(blocking.get(blocking.size() - 1).header()).isEqualTo(last.header());
    }

    @Test
    void slaveUuidIsTheDumpThreadsUserVariables() throws Exception {
        String uuid = UUID.randomUUID().toString();
        String sql = "SELECT v.VARIABLE_NAME, v.VARIABLE_VALUE FROM performance_schema.user_variables_by_thread v"
                + " JOIN performance_schema.threads t ON t.THREAD_ID = v.THREAD_ID"
                + " WHERE t.PROCESSLIST_COMMAND = 'Binlog Dump' AND v.VARIABLE_NAME IN ('slave_uuid', 'replica_uuid')"
                + " ORDER BY v.VARIABLE_NAME";
        try (BinLogStreamReader stream =
                new BinLogStreamReader(config().blocking(true).slaveUuid(uuid).build())) {
            assertThat(stream.fetchOne()).isNotNull(); // the dump is running: its session set what it sets
            assertThat(db.query(sql)).containsExactly(List.of("replica_uuid", uuid), List.of("slave_uuid", uuid));
        }
        try (BinLogStreamReader stream =
                new BinLogStreamReader(config().blocking(true).build())) {
            assertThat(stream.fetchOne()).isNotNull();
            assertThat(db.query(sql)).isEmpty(); // not set unless given, as in python
        }
    }

    @Test
    void ctlConnectionNamesColumnsWhereTheReplicationUserMayNot() {
        db.execute(
                "CREATE USER repl@'%' IDENTIFIED BY 'repl-secret'",
                "GRANT REPLICATION SLAVE ON *.* TO repl@'%'",
                "CREATE USER ctl@'%' IDENTIFIED BY 'ctl-secret'",
                "CREATE DATABASE ctl",
                "CREATE TABLE ctl.t (id INT PRIMARY KEY, name VARCHAR(10))",
                "GRANT SELECT ON ctl.* TO ctl@'%'",
                "INSERT INTO ctl.t VALUES (7, 'seven')");
        BinLogStreamReaderConfig.Builder asRepl = BinLogStreamReaderConfig.builder()
                .connection(db.host(), db.port(), "repl", "repl-secret")
                .serverId(100)
                .startFile(file)
                .onlyTables("ctl.t")
                .onlyEvents(WriteRowsEvent.class);

        WriteRowsEvent unnamed = (WriteRowsEvent) readAll(asRepl.build()).get(0);
        assertThat(unnamed.table().columns()).allMatch(c -> c.name() == null); // repl sees no column of ctl.t

        WriteRowsEvent named = (WriteRowsEvent) readAll(asRepl.ctlConnection(db.host(), db.port(), "ctl", "ctl-secret")
                        .build())
                .get(0);
        assertThat(named.table().columns()).extracting(c -> c.name()).containsExactly("id", "name");
        assertThat(named.rows().get(0).get("name")).isEqualTo("seven");
        assertThat(db.query("SELECT id, name FROM ctl.t")).containsExactly(List.of("7", "seven"));
    }

    private static List<RowsEvent> rowsOf(List<BinlogEvent> events, String schema) {
        return events.stream()
                .filter(e -> e instanceof RowsEvent r && r.table().database().equals(schema))
                .map(RowsEvent.class::cast)
                .toList();
    }
}
