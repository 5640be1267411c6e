package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * {@code dump --follow} as a separate process, as people run it: it ends when the reader of its output goes
 * ({@code | head -1}), and SIGTERM makes it print the position to resume from.
 */
class DumpProcessIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        db.execute("CREATE DATABASE p", "CREATE TABLE p.t (id INT PRIMARY KEY)", "INSERT INTO p.t VALUES (1)");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Process dump(Path stderr, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "dump",
                "--host",
                db.host(),
                "--port",
                String.valueOf(db.port()),
                "--user",
                db.user(),
                "--server-id",
                "2100",
                "--follow"));
        if (!db.password().isEmpty()) {
            command.addAll(List.of("--password", db.password()));
        }
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    /** Reads stdout until a line containing {@code marker}; the lines read. */
    private static List<String> readUntil(BufferedReader out, String marker) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
            if (line.contains(marker)) {
                return lines;
            }
        }
        throw new AssertionError("stdout ended before " + marker + ": " + lines);
    }

    @Test
    void endsWhenTheReaderOfItsOutputHasGone(@TempDir Path dir) throws Exception {
        Process p = dump(dir.resolve("err"));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("=== RotateEvent ===");
        out.close();
        // it is waiting for new events now; the next one it prints finds the pipe closed
        db.execute("INSERT INTO p.t VALUES (2)");
        boolean ended = p.waitFor(20, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as("dump --follow ended after its stdout was closed").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err"))).isZero();
    }

    @Test
    void sigtermPrintsThePositionToResumeFrom(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err");
        Process p = dump(err, "--only-events", "XidEvent");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        db.execute("INSERT INTO p.t VALUES (3)");
        // one transaction per row: when the dump has printed as many XIDs, it has read the whole binlog
        int transactions =
                Integer.parseInt(db.query("SELECT COUNT(*) FROM p.t").get(0).get(0));
        List<String> xids = new ArrayList<>();
        while (xids.size() < transactions) {
            xids.addAll(readUntil(out, "Transaction ID").stream()
                    .filter(l -> l.startsWith("Transaction ID"))
                    .toList());
        }
        List<String> status = db.query("SHOW MASTER STATUS").get(0);
        Thread.sleep(300);
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        Matcher m = Pattern.compile("mysql-replication: stopped at (\\S+):(\\d+) \\(resume with --start-file (\\S+)"
                        + " --start-pos (\\d+)\\)\\n")
                .matcher(stderr);
        assertThat(m.find()).as(stderr).isTrue();
        // the server's own end of its binlog, read after the dump had printed the last transaction
        assertThat(List.of(m.group(1), m.group(2))).isEqualTo(List.of(status.get(0), status.get(1)));
        assertThat(List.of(m.group(3), m.group(4))).isEqualTo(List.of(status.get(0), status.get(1)));

        // and resuming there prints the next transaction and nothing before it
        db.execute("INSERT INTO p.t VALUES (4)");
        CliRun r = CliRun.run(
                "dump",
                "--host",
                db.host(),
                "--port",
                String.valueOf(db.port()),
                "--user",
                db.user(),
                "--password",
                db.password(),
                "--server-id",
                "2101",
                "--start-file",
                m.group(3),
                "--start-pos",
                m.group(4),
                "--only-events",
                "WriteRowsEvent");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("* id : 4\n").doesNotContain("* id : 3\n", "* id : 1\n");
        assertThat(r.out().split("=== ", -1)).hasSize(2);
    }
}
