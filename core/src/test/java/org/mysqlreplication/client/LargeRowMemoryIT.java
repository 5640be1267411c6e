package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * One row with a 256 MiB LONGBLOB streams through a reader whose JVM heap is capped at 64 MB ({@value #HEAP}),
 * over the network and from the binlog file on disk: its rows event goes to a spill file as it arrives and the
 * blob comes out as a {@code LargeValue} read from there. The child prints id, note, length and CRC32 of the blob
 * for both sources; they must equal the server's own {@code SELECT id, note, LENGTH(b), CRC32(b)}. The child also
 * reports its heap pools' peak usage, which must stay under an eighth of the blob (32 MiB; measured: about 10 MB),
 * that a value read after {@code close()} fails, and that no spill file is open after {@code close()}; the spill
 * directory must be empty afterwards.
 */
class LargeRowMemoryIT {

    static final String HEAP = "-Xmx64m";
    static final long BLOB = 256L * 1024 * 1024;

    @TempDir
    Path spillDir;

    @Test
    void aRowWithA256MebibyteBlobStreamsThroughA64MegabyteHeap() throws Exception {
        try (LocalMariaDb db =
                LocalMariaDb.builder().serverOption("max_allowed_packet", "1G").start()) {
            // a 331-byte piece (a prime length, so the pattern does not line up with 16 MiB chunks) of hash output
            String piece = "CONCAT(UNHEX(SHA2('a', 512)), UNHEX(SHA2('b', 512)), UNHEX(SHA2('c', 512)),"
                    + " UNHEX(SHA2('d', 512)), UNHEX(SHA2('e', 512)), LEFT(MD5('f'), 11))";
            db.execute(
                    "CREATE DATABASE big",
                    "CREATE TABLE big.t (id INT PRIMARY KEY, b LONGBLOB, note VARCHAR(20))",
                    "INSERT INTO big.t VALUES (7, LEFT(REPEAT(" + piece + ", " + (BLOB / 331 + 1) + "), " + BLOB
                            + "), 'after the blob')");
            List<String> server =
                    db.query("SELECT id, note, LENGTH(b), CRC32(b) FROM big.t").get(0);
            assertThat(Long.parseLong(server.get(2))).isEqualTo(BLOB);
            String binlog = db.query("SHOW MASTER STATUS").get(0).get(0);

            List<String> out = runChild(db, db.binlogDir().resolve(binlog));
            String row = "id=" + server.get(0) + " note=" + server.get(1) + " class=LargeValue length=" + server.get(2)
                    + " crc=" + server.get(3);
            assertThat(out)
                    .contains(
                            "network " + row,
                            "file " + row,
                            "network afterClose=SpillFileClosedException openSpillFiles=0",
                            "file afterClose=SpillFileClosedException openSpillFiles=0");
            String heap = out.stream()
                    .filter(l -> l.startsWith("peakHeap="))
                    .findFirst()
                    .orElseThrow();
            long peak = Long.parseLong(heap.substring("peakHeap=".length(), heap.indexOf(' ')));
            assertThat(peak).as(heap).isLessThan(BLOB / 8);
            try (Stream<Path> left = Files.list(spillDir)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }

    private List<String> runChild(LocalMariaDb db, Path binlog) throws IOException, InterruptedException {
        return ChildJvm.run(
                HEAP,
                LargeRowReaderMain.class,
                db.host(),
                String.valueOf(db.port()),
                db.user(),
                binlog.toString(),
                spillDir.toString());
    }
}
