package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.testing.PythonReadmeSession;

/** Servers with and without event checksums, and an event larger than one 16 MiB protocol packet. */
class ChecksumAndLargeEventIT {

    @Test
    void streamsFromAServerWithoutChecksums() {
        try (LocalMariaDb db = LocalMariaDb.builder().binlogChecksum("NONE").start()) {
            PythonReadmeSession.runOn(db);
            List<BinlogEvent> events = readAll(config(db).build());
            FormatDescriptionEvent fde = events.stream().filter(FormatDescriptionEvent.class::isInstance)
                    .map(FormatDescriptionEvent.class::cast).findFirst().orElseThrow();
            assertThat(fde.checksumAlgorithm().name()).isEqualTo("NONE");
            WriteRowsEvent write = events.stream().filter(WriteRowsEvent.class::isInstance)
                    .map(WriteRowsEvent.class::cast).findFirst().orElseThrow();
            assertThat(write.rows().get(0).asMap())
                    .containsExactly(Map.entry("id", 1), Map.entry("data", "Hello"), Map.entry("data2", "World"));
        }
    }

    @Test
    void aTwentyMebibyteBlobArrivesWholeAndIntact() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().serverOption("max_allowed_packet", "64M").start()) {
            db.execute("CREATE DATABASE big", "CREATE TABLE big.blobs (id INT PRIMARY KEY, b LONGBLOB)",
                    "INSERT INTO big.blobs VALUES (1, REPEAT(CONCAT('0123456789abcdef', CHAR(0), CHAR(255)),"
                            + " 20 * 1024 * 1024 DIV 18 + 1))");
            List<String> server = db.query("SELECT LENGTH(b), SHA1(b) FROM big.blobs WHERE id = 1").get(0);

            List<BinlogEvent> events = readAll(config(db).onlyEvents(WriteRowsEvent.class).build());
            assertThat(events).hasSize(1);
            WriteRowsEvent write = (WriteRowsEvent) events.get(0);
            assertThat(write.header().eventSize()).isGreaterThan(16L * 1024 * 1024);
            byte[] blob = (byte[]) write.rows().get(0).get("b");
            assertThat(blob.length).isEqualTo(Integer.parseInt(server.get(0))).isGreaterThan(20 * 1024 * 1024);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(blob)))
                    .isEqualTo(server.get(1));
        }
    }
}
