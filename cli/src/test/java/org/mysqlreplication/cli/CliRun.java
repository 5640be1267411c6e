package org.mysqlreplication.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the command line in this JVM. Its stdout is buffered the way {@code main} buffered it before the writers
 * were reworked (an {@code OutputStreamWriter}, which keeps up to 8 KiB until flushed), so output a command
 * forgets to flush is lost here as it was for users.
 */
record CliRun(int exitCode, String out, String err) {

    static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "binlogs");

    /** MariaDB 10.3.36's own sequence test binlog (see PROVENANCE.md): 17 events. */
    static final String SEQ_FILE = "ottok-mariadb-10.3/mysql-test/std_data/rpl/master-bin-seq_10.3.36.000001";

    static CliRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(out, err, args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static int run(OutputStream out, OutputStream err, String... args) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        int code = Main.run(o, e, args);
        e.flush();
        return code;
    }

    /** A fixture file; skips the test when the fixtures are not beside the checkout. */
    static Path fixture(String relative) {
        Path file = FIXTURES.resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), "fixtures not beside the checkout");
        return file;
    }
}
