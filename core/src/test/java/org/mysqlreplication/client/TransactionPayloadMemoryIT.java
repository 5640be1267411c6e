package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlift.compress.zstd.ZstdDecompressor;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;

/**
 * A MySQL compressed transaction (TRANSACTION_PAYLOAD, zstd) of 80 MiB read by {@link TransactionPayloadReaderMain}
 * in a JVM whose heap is capped at 64 MB ({@value #HEAP}), over the network (a {@link MysqlReplayServer}) and from
 * the file. No MySQL server runs here, so the binlog is built from real events: the FORMAT_DESCRIPTION,
 * PREVIOUS_GTIDS and GTID events of MySQL 8.0.31's {@code mysql-bin.000057} (apecloud/mysql-binlog-connector-rust),
 * and the events inside its first payload, taken out with aircompressor's zstd decompressor (BEGIN, the TABLE_MAP
 * of {@code a.b}, its WRITE_ROWS of {@code insert into b values(1)}, the XID); {@value #SMALL_STATEMENTS} copies of
 * that TABLE_MAP and WRITE_ROWS, then one rows event of {@code big.t (id INT, b LONGBLOB, note VARCHAR(20))} with an
 * 80 MiB blob of pseudo-random bytes (which zstd cannot shrink), built by the layout of MySQL's
 * {@code libbinlogevents/include/rows_event.h} (Table_map_event, Rows_event v2). The transaction is written twice:
 * once in a TRANSACTION_PAYLOAD as MySQL's {@code Transaction_payload_event::write_data_header} lays it out
 * (compression type, uncompressed size, payload size, end mark; then the events without checksums, compressed as
 * one zstd stream), once as plain events with CRC32, each after its own GTID.
 *
 * <p>The payload's events must decode as their uncompressed twins do (the same events, rows and values, by the
 * child's digest), the blob's length and CRC32 must be those the test wrote, the position after each XID must be
 * where the next transaction (or the file) starts, the heap in use after a full collection inside a transaction
 * must stay under 24 MiB (measured: about 12 MB; the heap's peak counts garbage too, which 40,000 events make
 * plenty of and a 64 MB heap lets pile up), and no spill file may be left open or on disk after the readers are
 * closed.
 */
class TransactionPayloadMemoryIT {

    static final String HEAP = "-Xmx64m";
    static final int BLOB = 80 * 1024 * 1024;
    static final int SMALL_STATEMENTS = 20_000;
    private static final String NAME = "mysql-bin.000058";
    private static final Path FIXTURE = Path.of("../../shared/fixtures/binlogs/apecloud-mysql-binlog-connector-rust"
            + "/tests/parse_file_tests/mysql-bin.000057");

    @TempDir
    Path dir;

    /** One event: its header fields and body, as in the fixture or as built. */
    private record Event(long timestamp, int type, long serverId, int flags, byte[] body) {

        static Event of(byte[] bytes, int at, boolean checksum) {
            long size = le(bytes, at + 9, 4);
            return new Event(
                    le(bytes, at, 4),
                    bytes[at + 4] & 0xFF,
                    le(bytes, at + 5, 4),
                    (int) le(bytes, at + 17, 2),
                    Arrays.copyOfRange(bytes, at + 19, (int) (at + size - (checksum ? 4 : 0))));
        }

        /** The event with a log position and CRC32 as it stands at {@code at} of a file, or as a payload's. */
        byte[] bytes(long at, boolean inPayload) {
            int size = 19 + body.length + (inPayload ? 0 : 4);
            ByteArrayOutputStream out = new ByteArrayOutputStream(size);
            writeLe(out, timestamp, 4);
            out.write(type);
            writeLe(out, serverId, 4);
            writeLe(out, size, 4);
            writeLe(out, inPayload ? 0 : at + size, 4);
            writeLe(out, flags, 2);
            out.writeBytes(body);
            if (!inPayload) {
                CRC32 crc = new CRC32();
                crc.update(out.toByteArray());
                writeLe(out, crc.getValue(), 4);
            }
            return out.toByteArray();
        }
    }

    static long le(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
    }

    static void writeLe(ByteArrayOutputStream out, long v, int n) {
        for (int i = 0; i < n; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    /** MySQL's length-encoded integer (net_store_length). */
    static byte[] lenenc(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (v < 251) {
            out.write((int) v);
        } else if (v < 1 << 16) {
            out.write(0xFC);
            writeLe(out, v, 2);
        } else if (v < 1 << 24) {
            out.write(0xFD);
            writeLe(out, v, 3);
        } else {
            out.write(0xFE);
            writeLe(out, v, 8);
        }
        return out.toByteArray();
    }

    /** The fixture's events, whole, by position. */
    private static List<Integer> offsets(byte[] file) {
        List<Integer> at = new ArrayList<>();
        for (int p = 4; p < file.length; p += (int) le(file, p + 9, 4)) {
            at.add(p);
        }
        return at;
    }

    /** The events inside a TRANSACTION_PAYLOAD body, decompressed by aircompressor, split by their sizes. */
    private static List<Event> innerEvents(byte[] payloadBody) {
        int p = 0;
        long uncompressed = -1;
        while (payloadBody[p] != 0) { // fields: type, length, value (the type and length fit one byte here)
            int type = payloadBody[p];
            int length = payloadBody[p + 1];
            if (type == 3) {
                uncompressed = lenencValue(payloadBody, p + 2);
            }
            p += 2 + length;
        }
        byte[] compressed = Arrays.copyOfRange(payloadBody, p + 1, payloadBody.length);
        byte[] raw = new byte[(int) uncompressed];
        new ZstdDecompressor().decompress(compressed, 0, compressed.length, raw, 0, raw.length);
        List<Event> events = new ArrayList<>();
        for (int at = 0; at < raw.length; at += (int) le(raw, at + 9, 4)) {
            events.add(Event.of(raw, at, false));
        }
        return events;
    }

    private static long lenencValue(byte[] b, int at) {
        int first = b[at] & 0xFF;
        return first < 251 ? first : le(b, at + 1, first == 0xFC ? 2 : first == 0xFD ? 3 : 8);
    }

    /** Table_map_event of big.t (id INT, b LONGBLOB, note VARCHAR(20) utf8mb4), table id 200, full metadata. */
    private static byte[] bigTableMap() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLe(out, 200, 6);
        writeLe(out, 1, 2);
        out.writeBytes(new byte[] {3, 'b', 'i', 'g', 0, 1, 't', 0, 3, 3, (byte) 252, 15, 3, 4, 80, 0, 0x06});
        out.writeBytes(new byte[] {1, 1, 0}); // SIGNEDNESS: id signed
        out.writeBytes(new byte[] {3, 2, 63, 45}); // COLUMN_CHARSET: b binary, note utf8mb4_general_ci
        out.writeBytes(new byte[] {4, 10, 2, 'i', 'd', 1, 'b', 4, 'n', 'o', 't', 'e'}); // COLUMN_NAME
        return out.toByteArray();
    }

    /** Write_rows_event v2 of big.t: one row (7, the blob, 'after the blob'), STMT_END_F. */
    private static byte[] bigRow(byte[] blob) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(blob.length + 64);
        writeLe(out, 200, 6);
        writeLe(out, 1, 2);
        writeLe(out, 2, 2);
        out.writeBytes(new byte[] {3, 0x07, 0x00});
        writeLe(out, 7, 4);
        writeLe(out, blob.length, 4);
        out.writeBytes(blob);
        byte[] note = "after the blob".getBytes(StandardCharsets.UTF_8);
        out.write(note.length);
        out.writeBytes(note);
        return out.toByteArray();
    }

    /** The GTID event's body with another GNO (bytes 17-24: after the flags and the 16-byte SID). */
    private static Event withGno(Event gtid, long gno) {
        byte[] body = gtid.body().clone();
        for (int i = 0; i < 8; i++) {
            body[17 + i] = (byte) (gno >>> (8 * i));
        }
        return new Event(gtid.timestamp(), gtid.type(), gtid.serverId(), gtid.flags(), body);
    }

    @Test
    void an80MebibyteCompressedTransactionDecodesAsItsUncompressedTwinThroughA64MegabyteHeap() throws Exception {
        byte[] fixture = Files.readAllBytes(FIXTURE);
        List<Integer> at = offsets(fixture);
        List<Event> inner = innerEvents(Event.of(fixture, at.get(5), true).body()); // the first payload
        assertThat(inner).extracting(Event::type).containsExactly(2, 29, 19, 30, 16);
        byte[] blob = new byte[BLOB];
        new Random(58).nextBytes(blob);
        Event begin = inner.get(0);
        List<Event> transaction = new ArrayList<>(List.of(begin));
        for (int i = 0; i < SMALL_STATEMENTS; i++) {
            transaction.add(inner.get(2));
            transaction.add(inner.get(3));
        }
        transaction.add(new Event(begin.timestamp(), 19, begin.serverId(), 0, bigTableMap()));
        transaction.add(new Event(begin.timestamp(), 30, begin.serverId(), 0, bigRow(blob)));
        transaction.add(inner.get(4));

        ByteArrayOutputStream file = new ByteArrayOutputStream(3 * BLOB);
        file.writeBytes(Arrays.copyOf(fixture, at.get(2))); // magic, FORMAT_DESCRIPTION, PREVIOUS_GTIDS
        Event gtid = Event.of(fixture, at.get(4), true);
        file.writeBytes(withGno(gtid, 1000).bytes(file.size(), false));
        file.writeBytes(payload(transaction).bytes(file.size(), false));
        long secondTransaction = file.size();
        file.writeBytes(withGno(gtid, 1001).bytes(file.size(), false));
        for (Event e : transaction) {
            file.writeBytes(e.bytes(file.size(), false));
        }
        byte[] binlog = file.toByteArray();
        Path path = dir.resolve(NAME);
        Files.write(path, binlog);
        CRC32 crc = new CRC32();
        crc.update(blob);
        blob = null;

        Path spillDir = Files.createDirectory(dir.resolve("spill"));
        List<String> out;
        try (MysqlReplayServer server = MysqlReplayServer.builder()
                .binlog(NAME, binlog)
                .serverVersion("8.0.31")
                .user("repl", "secret", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .start()) {
            binlog = null;
            out = ChildJvm.run(
                    HEAP,
                    TransactionPayloadReaderMain.class,
                    String.valueOf(server.port()),
                    NAME,
                    path.toString(),
                    spillDir.toString());
        }
        String events = "events={GtidEvent=1, QueryEvent=1, TableMapEvent=" + (SMALL_STATEMENTS + 1)
                + ", WriteRowsEvent=" + (SMALL_STATEMENTS + 1) + ", XidEvent=1} rows=" + (SMALL_STATEMENTS + 1);
        for (String source : List.of("network", "file")) {
            for (int tx = 1; tx <= 2; tx++) {
                assertThat(out)
                        .contains(source + " tx=" + tx + " big id=7 note=after the blob class=LargeValue length=" + BLOB
                                + " crc=" + crc.getValue());
            }
            assertThat(out)
                    .contains(source + " tx=1 end=" + secondTransaction, source + " tx=2 end=" + Files.size(path));
            List<String> summaries = out.stream()
                    .filter(l -> l.startsWith(source + " tx=") && l.contains(" events="))
                    .map(l -> l.substring(l.indexOf(" events=")))
                    .toList();
            assertThat(summaries).hasSize(2).allMatch(s -> s.startsWith(" " + events + " digest="));
            assertThat(summaries.get(0))
                    .as("the payload's events decode as their twins")
                    .isEqualTo(summaries.get(1));
            assertThat(out).contains(source + " openSpillFiles=0");
        }
        String heap =
                out.stream().filter(l -> l.startsWith("liveHeap=")).findFirst().orElseThrow();
        long live = Long.parseLong(heap.substring("liveHeap=".length(), heap.indexOf(' ')));
        assertThat(live).as(heap).isGreaterThan(0).isLessThan(24L << 20);
        try (Stream<Path> left = Files.list(spillDir)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    /** The TRANSACTION_PAYLOAD of {@code events}: header fields, end mark, the events zstd-compressed. */
    private static Event payload(List<Event> events) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(BLOB + 4 * 1024 * 1024);
        for (Event e : events) {
            raw.writeBytes(e.bytes(0, true));
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(BLOB + 1024 * 1024);
        try (ZstdOutputStream zstd = new ZstdOutputStream(compressed)) {
            raw.writeTo(zstd);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(compressed.size() + 64);
        field(body, 2, 0); // compression type: zstd
        field(body, 3, raw.size()); // uncompressed size
        field(body, 1, compressed.size()); // payload size
        body.write(0); // end mark
        compressed.writeTo(body);
        Event first = events.get(0);
        return new Event(first.timestamp(), 40, first.serverId(), 0, body.toByteArray());
    }

    private static void field(ByteArrayOutputStream out, int type, long value) {
        byte[] v = lenenc(value);
        out.write(type);
        out.writeBytes(lenenc(v.length));
        out.writeBytes(v);
    }
}
