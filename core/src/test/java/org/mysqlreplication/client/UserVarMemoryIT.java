package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A 60 MiB user variable through a reader whose heap is capped at 64 MB: in statement-based logging,
 * {@code SET @v = REPEAT(...); INSERT INTO t VALUES (@v)} writes a USER_VAR event holding the whole value, which
 * used to be read into the heap. It goes to a spill file, and its value is a LargeValue whose length and MD5
 * (computed in the child by streaming it) must equal the server's own {@code SELECT LENGTH(c), MD5(c)} of the row
 * inserted, over the network and from the file; its dump prints the length, not the value.
 */
class UserVarMemoryIT {

    /** 'x', 'é' (2 bytes in utf8mb4), 'y': 4 bytes, 15 Mi times. */
    static final int REPEATS = 15 * 1024 * 1024;

    @TempDir
    Path spillDir;

    @Test
    void aSixtyMegabyteUserVariablePassesThroughA64MegabyteHeap() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .serverOption("binlog-format", "STATEMENT")
                .serverOption("max_allowed_packet", "1G")
                .start()) {
            db.execute("CREATE DATABASE big", "CREATE TABLE big.u (c LONGTEXT CHARACTER SET utf8mb4)");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement st = c.createStatement()) {
                st.execute("SET NAMES utf8mb4");
                st.execute("SET @v = REPEAT('x\u00e9y', " + REPEATS + ")");
                st.execute("INSERT INTO big.u VALUES (@v)");
            }
            List<String> server =
                    db.query("SELECT LENGTH(c), MD5(c) FROM big.u").get(0);
            assertThat(server.get(0)).isEqualTo(String.valueOf(4L * REPEATS));
            String binlog = db.query("SHOW MASTER STATUS").get(0).get(0);

            List<String> out = ChildJvm.run(
                    LargeStatementMemoryIT.HEAP,
                    UserVarReaderMain.class,
                    db.host(),
                    String.valueOf(db.port()),
                    db.user(),
                    db.binlogDir().resolve(binlog).toString(),
                    spillDir.toString());
            for (String source : List.of("network", "file")) {
                assertThat(out)
                        .contains(source + " uservar name=v class=LargeValue charset=UTF-8 length=" + server.get(0)
                                + " md5=" + server.get(1).toLowerCase());
                assertThat(out).contains(source + " dump marker=true short=true");
            }
            try (Stream<Path> left = Files.list(spillDir)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }
}
