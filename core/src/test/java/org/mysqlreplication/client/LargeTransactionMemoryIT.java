package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * One transaction of 1 GB of row data streams through a reader whose JVM has a 64 MB heap: the reader holds one
 * event at a time (plus its bounded read-ahead), never the transaction. The counts and checksums the child prints
 * are compared with the server's own aggregates over the same rows.
 */
class LargeTransactionMemoryIT {

    static final String HEAP = "-Xmx64m";
    static final int ROWS = 1_000_000;
    static final int PAYLOAD = 1_024;

    @Test
    void aOneGigabyteTransactionStreamsThroughA64MegabyteHeap() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .serverOption("max_binlog_cache_size", "4G")
                .serverOption("max_binlog_size", "1G")
                .start()) {
            db.execute(
                    "CREATE DATABASE big",
                    "use big",
                    "CREATE TABLE big.t (id BIGINT PRIMARY KEY, payload VARCHAR(1100) CHARACTER SET latin1)",
                    "INSERT INTO big.t SELECT seq, RPAD(CONCAT(seq, ':'), " + PAYLOAD + ", CHAR(65 + seq % 26))"
                            + " FROM seq_1_to_" + ROWS);
            List<String> server = db.query(
                            "SELECT COUNT(*), SUM(id), SUM(CRC32(payload)), SUM(LENGTH(payload))" + " FROM big.t")
                    .get(0);
            assertThat(Long.parseLong(server.get(3))).isEqualTo((long) ROWS * PAYLOAD); // 1 GiB of payload

            String out = runChild(db);
            assertThat(out.strip())
                    .isEqualTo("rows=" + server.get(0) + " idsum=" + server.get(1) + " crcsum=" + server.get(2)
                            + " bytes=" + server.get(3));
        }
    }

    private static String runChild(LocalMariaDb db) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        HEAP,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CountingReaderMain.class.getName(),
                        db.host(),
                        String.valueOf(db.port()),
                        db.user())
                .redirectErrorStream(true)
                .start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text.lines().filter(l -> l.startsWith("rows=")).findFirst().orElse(text);
    }
}
