package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.testing.PythonReadmeSession;
import org.mysqlreplication.value.LargeValue;

/**
 * Servers with and without event checksums, and an event larger than one 16 MiB protocol packet, read into memory
 * and spilled to disk (with and without the read-ahead thread).
 */
class ChecksumAndLargeEventIT {

    @TempDir
    Path spillDir;

    @Test
    void streamsFromAServerWithoutChecksums() {
        try (LocalMariaDb db = LocalMariaDb.builder().binlogChecksum("NONE").start()) {
            PythonReadmeSession.runOn(db);
            List<BinlogEvent> events = readAll(config(db).build());
            FormatDescriptionEvent fde = events.stream()
                    .filter(FormatDescriptionEvent.class::isInstance)
                    .map(FormatDescriptionEvent.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertThat(fde.checksumAlgorithm().name()).isEqualTo("NONE");
            WriteRowsEvent write = events.stream()
                    .filter(WriteRowsEvent.class::isInstance)
                    .map(WriteRowsEvent.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertThat(write.rows().get(0).asMap())
                    .containsExactly(Map.entry("id", 1), Map.entry("data", "Hello"), Map.entry("data2", "World"));
        }
    }

    @Test
    void aTwentyMebibyteBlobArrivesWholeAndIntactInMemoryOrSpilled() throws Exception {
        try (LocalMariaDb db =
                LocalMariaDb.builder().serverOption("max_allowed_packet", "64M").start()) {
            db.execute(
                    "CREATE DATABASE big",
                    "CREATE TABLE big.blobs (id INT PRIMARY KEY, b LONGBLOB)",
                    "INSERT INTO big.blobs VALUES (1, REPEAT(CONCAT('0123456789abcdef', CHAR(0), CHAR(255)),"
                            + " 20 * 1024 * 1024 DIV 18 + 1))");
            List<String> server = db.query("SELECT LENGTH(b), SHA1(b) FROM big.blobs WHERE id = 1")
                    .get(0);

            // in memory: a threshold above the event
            List<BinlogEvent> events = readAll(config(db)
                    .onlyEvents(WriteRowsEvent.class)
                    .largeValueThreshold(64 * 1024 * 1024)
                    .build());
            assertThat(events).hasSize(1);
            WriteRowsEvent write = (WriteRowsEvent) events.get(0);
            assertThat(write.header().eventSize()).isGreaterThan(16L * 1024 * 1024);
            byte[] blob = (byte[]) write.rows().get(0).get("b");
            assertThat(blob.length).isEqualTo(Integer.parseInt(server.get(0))).isGreaterThan(20 * 1024 * 1024);
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-1").digest(blob)))
                    .isEqualTo(server.get(1));

            // the default threshold (8 MiB): spilled, with and without the read-ahead thread
            for (int readAhead : new int[] {BinLogStreamReaderConfig.DEFAULT_READ_AHEAD_BYTES, 0}) {
                BinLogStreamReaderConfig config = config(db)
                        .onlyEvents(WriteRowsEvent.class)
                        .readAheadBytes(readAhead)
                        .spillDirectory(spillDir)
                        .build();
                try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
                    LargeValue large = (LargeValue)
                            ((WriteRowsEvent) stream.fetchOne()).rows().get(0).get("b");
                    assertThat(large.length()).isEqualTo(Long.parseLong(server.get(0)));
                    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
                    try (InputStream in = new DigestInputStream(large.openStream(), sha1)) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                    assertThat(HexFormat.of().formatHex(sha1.digest())).isEqualTo(server.get(1));
                    assertThat(stream.fetchOne()).isNull();
                }
            }
        }
    }
}
