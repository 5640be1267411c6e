package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.testing.PythonReadmeSession;

/** The command line against a real server: dump, its filters, its errors, and the demo. */
class CliIT {

    private static LocalMariaDb db;
    /** A server whose one table was altered after its first row: the schema of now is not the first row's. */
    private static LocalMariaDb altered;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        PythonReadmeSession.runOn(db);
        altered = LocalMariaDb.builder().start();
        altered.execute(
                "CREATE DATABASE hist",
                "CREATE TABLE hist.t (id INT PRIMARY KEY, a INT)",
                "INSERT INTO hist.t VALUES (1, 10)",
                "ALTER TABLE hist.t ADD COLUMN b VARCHAR(5) FIRST",
                "INSERT INTO hist.t VALUES ('x', 2, 20)");
        for (LocalMariaDb server : List.of(db, altered)) {
            server.execute(
                    "CREATE USER 'repl'@'%' IDENTIFIED BY 's3cret-pw'",
                    "GRANT REPLICATION SLAVE, REPLICATION CLIENT, SELECT ON *.* TO 'repl'@'%'");
        }
    }

    @AfterAll
    static void stop() {
        db.close();
        altered.close();
    }

    record Result(int exitCode, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void dumpPrintsTheReadmeEventsAndStopsAtTheEnd() {
        Result r = dumpAs("1234");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "=== RotateEvent ===",
                        "=== FormatDescriptionEvent ===",
                        "Query: CREATE DATABASE test",
                        "=== TableMapEvent ===",
                        "=== WriteRowsEvent ===",
                        "* data : Hello\n",
                        "=== UpdateRowsEvent ===",
                        "* data : Hello => World\n",
                        "=== DeleteRowsEvent ===",
                        "=== XidEvent ===");
        assertThat(r.out()).doesNotContain("s3cret-pw");
    }

    @Test
    void dumpFiltersByEventClassAndTable() {
        Result r = dumpAs("1235", "--only-events", "WriteRowsEvent,DeleteRowsEvent", "--only-tables", "test4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().split("=== ", -1)).hasSize(3);
        assertThat(r.out())
                .contains("=== WriteRowsEvent ===", "=== DeleteRowsEvent ===")
                .doesNotContain("UpdateRowsEvent", "QueryEvent");
    }

    @Test
    void dumpStartsAfterAGtidPosition() {
        String start = db.query("SELECT @@gtid_binlog_pos").get(0).get(0);
        db.execute(
                "CREATE DATABASE cli_gtid",
                "CREATE TABLE cli_gtid.later (id INT)",
                "INSERT INTO cli_gtid.later VALUES (41)");
        Result r = dumpAs("1239", "--start-gtid", start);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Query: CREATE DATABASE cli_gtid", "* id : 41\n")
                .doesNotContain("Query: CREATE DATABASE test", "* data : Hello");
    }

    @Test
    void aMalformedStartGtidIsAUsageError() {
        Result r = dumpAs("1240", "--start-gtid", "0-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--start-gtid", "'0-1'");
    }

    @Test
    void wrongPasswordExitsNonZeroWithOneLineThatHidesThePassword() {
        Result r = run(
                "dump",
                "--host",
                db.host(),
                "--port",
                String.valueOf(db.port()),
                "--user",
                "repl",
                "--password",
                "wrong-pw-123",
                "--server-id",
                "1236");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip())
                .startsWith("mysql-replication: ")
                .contains("1045")
                .doesNotContain("\n");
        assertThat(r.err() + r.out()).doesNotContain("wrong-pw-123");
    }

    @Test
    void passwordComesFromTheEnvironmentWhenAsked() {
        Result r = run(
                "dump",
                "--host",
                db.host(),
                "--port",
                String.valueOf(db.port()),
                "--user",
                "repl",
                "--password-env",
                "MYSQL_REPLICATION_TEST_UNSET_VARIABLE",
                "--server-id",
                "1237");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("MYSQL_REPLICATION_TEST_UNSET_VARIABLE");
    }

    @Test
    void unreachableServerExitsNonZeroWithAReason() {
        Result r = run("dump", "--host", "127.0.0.1", "--port", "1", "--user", "repl", "--server-id", "1238");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("mysql-replication: ").contains("127.0.0.1:1");
    }

    @Test
    void sslModeRequiredAgainstAServerWithoutTlsExitsNonZeroSayingSo() {
        Result r = dumpAs("1239", "--ssl-mode", "VERIFY_CA", "--ssl-ca", "ca.pem");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("mysql-replication: ")
                .contains("does not offer TLS")
                .doesNotContain("s3cret");
        Result preferred = dumpAs("1240", "--ssl-mode", "PREFERRED", "--only-events", "WriteRowsEvent");
        assertThat(preferred.exitCode()).as(preferred.err()).isZero();
        assertThat(preferred.out()).contains("* data : Hello\n");
        Result caWithoutVerify = run(
                "dump",
                "--host",
                db.host(),
                "--user",
                "repl",
                "--server-id",
                "1241",
                "--ssl-mode",
                "REQUIRED",
                "--ssl-ca",
                "ca.pem");
        assertThat(caWithoutVerify.exitCode()).isEqualTo(2);
        assertThat(caWithoutVerify.err()).contains("--ssl-ca needs --ssl-mode VERIFY_CA or VERIFY_IDENTITY");
    }

    private static Result dumpAs(String serverId, String... more) {
        return dumpOf(db, serverId, more);
    }

    private static Result dumpOf(LocalMariaDb server, String serverId, String... more) {
        String[] base = {
            "dump",
            "--host",
            server.host(),
            "--port",
            String.valueOf(server.port()),
            "--user",
            "repl",
            "--password",
            "s3cret-pw",
            "--server-id",
            serverId
        };
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    /** The dump prints MariadbBinLogCheckPointEvent for the class MariadbBinlogCheckpointEvent: both names work. */
    @Test
    void onlyEventsTakesTheNameTheDumpPrints() {
        String file = db.query("SHOW MASTER STATUS").get(0).get(0);
        Result r = dumpAs("1250", "--only-events", "MariadbBinLogCheckPointEvent");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().split("=== ", -1)).hasSize(2);
        assertThat(r.out()).startsWith("=== MariadbBinLogCheckPointEvent ===").contains("Filename: " + file + "\n");
        assertThat(dumpAs("1251", "--only-events", "mariadbbinlogcheckpointevent")
                        .out())
                .isEqualTo(r.out());
    }

    @Test
    void aTableFilterThatMatchesNothingSaysSo() {
        Result r = dumpAs("1252", "--only-tables", "nosuch");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("=== QueryEvent ===")
                .doesNotContain(
                        "=== TableMapEvent", "=== WriteRowsEvent", "=== UpdateRowsEvent", "=== DeleteRowsEvent");
        assertThat(r.err())
                .isEqualTo(
                        "mysql-replication: warning: no table map or rows event matched" + " --only-tables nosuch\n");
        Result none = dumpAs("1253", "--only-events", "WriteRowsEvent", "--only-schemas", "nosuch");
        assertThat(none.out()).isEmpty();
        assertThat(none.err())
                .isEqualTo("mysql-replication: warning: no event matched --only-events WriteRowsEvent"
                        + " --only-schemas nosuch\n");
        Result some = dumpAs("1254", "--only-tables", "test4");
        assertThat(some.err()).isEmpty();
    }

    @Test
    void ignoredTablesAndSchemasDropTheirRows() {
        Result all = dumpAs("1255", "--only-events", "WriteRowsEvent");
        assertThat(all.out()).contains("Table: test.test4");
        Result table = dumpAs("1256", "--only-events", "WriteRowsEvent,QueryEvent", "--ignored-tables", "test4");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Query: CREATE DATABASE test").doesNotContain("Table: test.test4");
        Result schema = dumpAs("1257", "--only-events", "WriteRowsEvent", "--ignored-schemas", "test");
        assertThat(schema.exitCode()).as(schema.err()).isZero();
        assertThat(schema.out()).doesNotContain("Table: test.test4");
    }

    /** --stop-pos ends after the event whose end (End_log_pos in the server's SHOW BINLOG EVENTS) reaches it. */
    @Test
    void stopPosEndsAfterTheEventThatReachesIt() {
        String file = db.query("SHOW MASTER STATUS").get(0).get(0);
        List<List<String>> shown = db.query("SHOW BINLOG EVENTS IN '" + file + "'");
        List<String> write = shown.stream()
                .filter(e -> e.get(2).startsWith("Write_rows"))
                .findFirst()
                .orElseThrow();
        String end = write.get(4);
        Result r = dumpAs("1260", "--start-file", file, "--stop-pos", end);
        assertThat(r.exitCode()).as(r.err()).isZero();
        String last = r.out().substring(r.out().lastIndexOf("=== "));
        assertThat(last).startsWith("=== WriteRowsEvent ===").contains("Log position: " + end + "\n");
        assertThat(r.out()).doesNotContain("=== XidEvent", "=== UpdateRowsEvent");
        assertThat(dumpAs("1261", "--start-file", file, "--stop-pos", "-5").exitCode())
                .isEqualTo(UsageErrorHandler.USAGE);
    }

    /** MariaDB sends ANNOTATE_ROWS only when asked: --annotate-rows-event asks, with the statement the server shows. */
    @Test
    void annotateRowsEventOnlyOnRequest() {
        String file = db.query("SHOW MASTER STATUS").get(0).get(0);
        String statement = db.query("SHOW BINLOG EVENTS IN '" + file + "'").stream()
                .filter(e -> e.get(2).equals("Annotate_rows"))
                .findFirst()
                .orElseThrow()
                .get(5);
        Result without = dumpAs("1262", "--start-file", file, "--only-events", "MariadbAnnotateRowsEvent");
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(without.out()).isEmpty();
        Result with = dumpAs(
                "1263", "--start-file", file, "--only-events", "MariadbAnnotateRowsEvent", "--annotate-rows-event");
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(with.out()).startsWith("=== MariadbAnnotateRowsEvent ===").contains(statement);
    }

    /** Non-blocking with --resume-stream: it starts at the end, so nothing of what was written comes out. */
    @Test
    void resumeStreamStartsAtTheEnd() {
        Result r = dumpAs("1258", "--resume-stream", "--connect-timeout", "5s", "--heartbeat", "30s");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("=== QueryEvent", "=== WriteRowsEvent");
    }

    @Test
    void helpShowsNoPasswordDefault() {
        Result r = run("dump", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--password-env").doesNotContain("s3cret");
    }

    @Test
    void demoPrintsThePythonReadmeSequence() {
        Result r = run("demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .containsSubsequence(
                        "=== QueryEvent ===",
                        "Query: CREATE DATABASE test",
                        "=== TableMapEvent ===",
                        "=== WriteRowsEvent ===",
                        "* id : 1\n* data : Hello\n* data2 : World\n",
                        "=== XidEvent ===",
                        "=== UpdateRowsEvent ===",
                        "* data : Hello => World\n",
                        "* data2 : World => Hello\n",
                        "=== DeleteRowsEvent ===");
    }

    /** MariaDB 10.3.36's own sequence test binlog (see PROVENANCE.md): 17 events, GTIDs 0-1-1 and 0-1-100..102. */
    @Test
    void readPrintsTheEventsOfABinlogFile() {
        Path file = Path.of(
                "..",
                "..",
                "shared",
                "fixtures",
                "binlogs",
                "ottok-mariadb-10.3",
                "mysql-test",
                "std_data",
                "rpl",
                "master-bin-seq_10.3.36.000001");
        Assumptions.assumeTrue(Files.exists(file), "fixtures not beside the checkout");
        Result r = run("read", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().split("\n=== |^=== ", -1)).hasSize(18);
        assertThat(r.out())
                .contains(
                        "mysql version: 10.3.36-MariaDB-debug-log",
                        "Query: CREATE SEQUENCE s1",
                        "GTID: 0-1-100",
                        "SQL statement : INSERT INTO s1 VALUES(2, 1, 10, 1, 2, 1, 1, 0)");
    }

    /** Without row metadata in the file, rows get their names of the time from the history the DDL builds. */
    @Test
    void readWithASchemaHistoryNamesRowsAsTheyWereWhenWritten(@TempDir Path dir) {
        Path binlog = altered.binlogDir().resolve("mysql-bin.000001");
        Path history = dir.resolve("history.jsonl");
        Result without = run("read", binlog.toString());
        assertThat(without.out()).contains("* @1 : 1\n* @2 : 10\n").doesNotContain("* id : 1\n* a : 10\n");
        Result r = run("read", "--schema-history", history.toString(), binlog.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("* id : 1\n* a : 10\n", "* b : x\n* id : 2\n* a : 20\n");
        assertThat(history).isNotEmptyFile();
    }

    /**
     * The first row of hist.t was written before an ALTER, so the server's table of now cannot name it: the dump
     * stops with an error naming the table, unless told to print positional names or to ignore that table.
     */
    @Test
    void aTableAlteredSinceItsRowsFailsTheDumpUnlessIgnoredOrNamedByPosition() {
        Result strict = dumpOf(altered, "1260");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.err()).contains("table hist.t", "2 column(s)", "3 column(s)");
        Result positional =
                dumpOf(altered, "1261", "--schema-mismatch", "positional_names", "--only-events", "WriteRowsEvent");
        assertThat(positional.exitCode()).as(positional.err()).isZero();
        assertThat(positional.out()).contains("* @1 : 1\n* @2 : 10\n");
        Result ignored = dumpOf(altered, "1262", "--ignored-tables", "hist.t");
        assertThat(ignored.exitCode()).as(ignored.err()).isZero();
        assertThat(ignored.out()).contains("Query: ALTER TABLE hist.t").doesNotContain("Table: hist.t");
    }

    @Test
    void readOfAFileThatIsNotABinlogExitsNonZeroNamingIt() throws Exception {
        Path notABinlog = Files.createTempFile("not-a-binlog", ".txt");
        Files.writeString(notABinlog, "hello");
        Result r = run("read", notABinlog.toString());
        Files.delete(notABinlog);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("mysql-replication: ")
                .contains(notABinlog.getFileName().toString());
    }
}
