package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * A MariaDB with {@code log_bin_compress=ON} writes two rows of 64 MiB each as compressed rows events (type 169),
 * read by {@link LargeRowReaderMain} in a JVM whose heap is capped at 64 MB ({@value #HEAP}), over the network and
 * from the binlog file: row 7's blob is hash output, which zlib cannot shrink, so its compressed event is itself
 * 64 MiB and goes to a spill file as it arrives, its row images decompressed from there into a second one; row 8's is
 * one letter repeated, whose event compresses to a few hundred KiB read in the heap, but whose row images are
 * decompressed as they come into a spill file. Both blobs come out as {@code LargeValue}s read from those files.
 *
 * <p>Every value the child prints (id, note, length and CRC32 of the blob) must equal the server's own
 * {@code SELECT id, note, LENGTH(b), CRC32(b)}, each event must be the compressed type the server's
 * {@code SHOW BINLOG EVENTS} names, the heap's peak must stay under half the blob (32 MiB), and no spill file may be
 * left open or on disk after the readers are closed.
 */
class MariadbCompressedRowMemoryIT {

    static final String HEAP = "-Xmx64m";
    static final long BLOB = 64L * 1024 * 1024;

    @TempDir
    Path spillDir;

    @Test
    void compressedRowsOf64MebibytesStreamThroughA64MegabyteHeap() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .binlogCompression(256)
                .serverOption("max_allowed_packet", "1G")
                .start()) {
            long hashes = BLOB / 64; // UNHEX(SHA2(x, 512)) is 64 bytes
            db.execute(
                    "CREATE DATABASE big",
                    "CREATE TABLE big.t (id INT PRIMARY KEY, b LONGBLOB, note VARCHAR(20))",
                    "USE big",
                    "SET SESSION group_concat_max_len = 1073741824",
                    "INSERT INTO big.t SELECT 7, GROUP_CONCAT(UNHEX(SHA2(seq, 512)) ORDER BY seq SEPARATOR ''),"
                            + " 'incompressible' FROM seq_1_to_" + hashes,
                    "INSERT INTO big.t VALUES (8, REPEAT('z', " + BLOB + "), 'compressible')");
            List<List<String>> server = db.query("SELECT id, note, LENGTH(b), CRC32(b) FROM big.t ORDER BY id");
            assertThat(server).extracting(r -> Long.parseLong(r.get(2))).containsExactly(BLOB, BLOB);
            List<List<String>> shown = db.query("SHOW BINLOG EVENTS");
            List<List<String>> writes = shown.stream()
                    .filter(r -> r.get(2).startsWith("Write_rows"))
                    .toList();
            assertThat(writes)
                    .extracting(r -> r.get(2))
                    .containsExactly("Write_rows_compressed_v1", "Write_rows_compressed_v1");
            assertThat(eventSize(writes.get(0))).as("hash output: no smaller").isGreaterThan(BLOB);
            assertThat(eventSize(writes.get(1)))
                    .as("one letter: a few hundred KiB")
                    .isLessThan(BLOB / 64);

            List<String> out = ChildJvm.run(
                    HEAP,
                    LargeRowReaderMain.class,
                    db.host(),
                    String.valueOf(db.port()),
                    db.user(),
                    db.binlogDir().resolve(shown.get(0).get(0)).toString(),
                    spillDir.toString());
            for (String source : List.of("network", "file")) {
                assertThat(out)
                        .filteredOn(l -> l.startsWith(source + " event type="))
                        .containsExactly(
                                source + " event type=" + EventType.MARIADB_WRITE_ROWS_COMPRESSED_EVENT_V1.code(),
                                source + " event type=" + EventType.MARIADB_WRITE_ROWS_COMPRESSED_EVENT_V1.code());
                for (List<String> row : server) {
                    assertThat(out)
                            .contains(source + " id=" + row.get(0) + " note=" + row.get(1) + " class=LargeValue length="
                                    + row.get(2) + " crc=" + row.get(3));
                }
                assertThat(out).contains(source + " afterClose=SpillFileClosedException openSpillFiles=0");
            }
            String heap = out.stream()
                    .filter(l -> l.startsWith("peakHeap="))
                    .findFirst()
                    .orElseThrow();
            long peak = Long.parseLong(heap.substring("peakHeap=".length(), heap.indexOf(' ')));
            assertThat(peak).as(heap).isLessThan(BLOB / 2);
            try (Stream<Path> left = Files.list(spillDir)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }

    /** An event's size as SHOW BINLOG EVENTS gives it: End_log_pos less Pos. */
    private static long eventSize(List<String> shown) {
        return Long.parseLong(shown.get(4)) - Long.parseLong(shown.get(1));
    }
}
