package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Statements of 60 MB through a reader whose heap is capped at 64 MB: a row-format INSERT (its ANNOTATE_ROWS event
 * holds the whole statement; it used to be read into the heap, and an OutOfMemoryError there hung the reader) and a
 * statement-format one (a QUERY event of that size). Their events go to a spill file; the statement comes out cut at
 * the large-value threshold and marked with its whole length, which must equal the length of what the test sent;
 * the row's value is a LargeValue of the length the server's SELECT gives.
 */
class LargeStatementMemoryIT {

    static final String HEAP = "-Xmx64m";
    static final int VALUE = 60 * 1024 * 1024;

    @TempDir
    Path spillDir;

    @Test
    void sixtyMegabyteStatementsPassThroughA64MegabyteHeap() throws Exception {
        try (LocalMariaDb db =
                LocalMariaDb.builder().serverOption("max_allowed_packet", "1G").start()) {
            db.execute("CREATE DATABASE big", "CREATE TABLE big.s (id INT PRIMARY KEY, t LONGTEXT)");
            String rowInsert = "INSERT INTO big.s VALUES (1, '" + "r".repeat(VALUE) + "')";
            String stmtInsert = "INSERT INTO big.s VALUES (2, '" + "s".repeat(VALUE) + "')";
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement st = c.createStatement()) {
                st.execute(rowInsert);
                st.execute("SET SESSION binlog_format = 'STATEMENT'");
                st.execute(stmtInsert);
            }
            List<List<String>> lengths = db.query("SELECT id, LENGTH(t) FROM big.s ORDER BY id");
            assertThat(lengths.get(0).get(1)).isEqualTo(String.valueOf(VALUE));
            String binlog = db.query("SHOW MASTER STATUS").get(0).get(0);

            List<String> out = runChild(db, db.binlogDir().resolve(binlog));
            for (String source : List.of("network", "file")) {
                assertThat(out)
                        .contains(source + " query truncated=true length="
                                + stmtInsert.getBytes(StandardCharsets.UTF_8).length + " start="
                                + stmtInsert.substring(0, 20));
                assertThat(out)
                        .contains(source + " rows class=LargeValue length="
                                + lengths.get(0).get(1));
            }
            for (String source : List.of("network", "file")) {
                assertThat(out)
                        .contains(source + " annotate truncated=true length="
                                + rowInsert.getBytes(StandardCharsets.UTF_8).length + " start="
                                + rowInsert.substring(0, 20));
            }
            try (Stream<Path> left = Files.list(spillDir)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }

    private List<String> runChild(LocalMariaDb db, Path binlog) throws IOException, InterruptedException {
        return ChildJvm.run(
                HEAP,
                LargeStatementReaderMain.class,
                db.host(),
                String.valueOf(db.port()),
                db.user(),
                binlog.toString(),
                spillDir.toString());
    }
}
