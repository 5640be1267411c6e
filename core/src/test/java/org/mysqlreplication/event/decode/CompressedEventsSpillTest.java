package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowsQueryEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;
import org.mysqlreplication.value.LargeValue;

/**
 * Compressed events through the {@link EventReader} with a large-value threshold of 1 KiB and spill files, as the
 * readers use it: MariaDB's compressed rows and QUERY events (built as {@link MariadbCompressedDecodeTest} builds
 * them, from MariaDB's {@code binlog_buf_compress}) and MySQL's TRANSACTION_PAYLOAD (built as
 * {@link TransactionPayloadDecodeTest} builds it, from MySQL's {@code Transaction_payload::encode}), each given once
 * in the heap and once in a spill file as the readers hand on an event above the threshold. The rows are
 * {@link SpilledRowsDecodeTest#writeRows()}'s, whose values are those the test wrote; each compressed event must give
 * what its uncompressed twin gives, read in the heap by a reader without spill files.
 */
class CompressedEventsSpillTest {

    private static final int THRESHOLD = 1024;
    private static final String FILE = "bin.000007";
    private static final DecodeOptions OPTIONS =
            DecodeOptions.defaults(UnknownEventPolicy.FAIL).withLargeValueThreshold(THRESHOLD);
    /** The v2 rows head of {@link SpilledRowsDecodeTest#writeRows()}: table id, flags, extra data, count, bitmap. */
    private static final int ROWS_HEAD = 12;

    @TempDir
    Path dir;

    private SpillFiles files;
    private EventReader reader;
    private List<BinlogEvent> observed;

    @BeforeEach
    void setUp() {
        files = new SpillFiles(dir);
        observed = new ArrayList<>();
        reader = EventReader.forStream(new DecodeContext(OPTIONS), EventSelector.ALL, observed::add, files);
        reader.startSession(new BinlogPosition(FILE, 4), ChecksumAlgorithm.CRC32, false);
        read(Payload.of(ByteReader.of(event(19, 0, 1, 1000, 0, SpilledRowsDecodeTest.tableMap(42), true))));
        assertThat(reader.poll()).isInstanceOf(TableMapEvent.class);
        observed.clear();
    }

    @AfterEach
    void tearDown() {
        files.close();
    }

    private void read(Payload p) {
        reader.read(p, -1);
    }

    /** The event as the readers hand on one above the threshold: its first 64 bytes and its spill file. */
    private Payload spilled(byte[] event) {
        SpillFile f = files.create();
        f.write(event, 0, event.length);
        return Payload.spilled(ByteReader.of(Arrays.copyOf(event, 64)), f, 0);
    }

    private List<BinlogEvent> pollAll() {
        List<BinlogEvent> out = new ArrayList<>();
        for (BinlogEvent e = reader.poll(); e != null; e = reader.poll()) {
            out.add(e);
        }
        return out;
    }

    /** The events {@code events} (whole, with CRC32) give read one by one in the heap, without spill files. */
    private static List<BinlogEvent> twin(byte[]... events) {
        EventReader plain = EventReader.forStream(new DecodeContext(OPTIONS), EventSelector.ALL, null);
        plain.startSession(new BinlogPosition(FILE, 4), ChecksumAlgorithm.CRC32, false);
        plain.read(Payload.of(ByteReader.of(event(19, 0, 1, 1000, 0, SpilledRowsDecodeTest.tableMap(42), true))), -1);
        plain.poll();
        List<BinlogEvent> out = new ArrayList<>();
        for (byte[] e : events) {
            plain.read(Payload.of(ByteReader.of(e)), -1);
            for (BinlogEvent x = plain.poll(); x != null; x = plain.poll()) {
                out.add(x);
            }
        }
        return out;
    }

    /** A value as bytes, whether it came in the heap or as a large value from a spill file. */
    private static Object plainValue(Object v) {
        return v instanceof LargeValue l ? l.toByteArray() : v;
    }

    private static void assertSameRows(List<Row> rows, List<Row> expected) {
        assertThat(rows).hasSameSizeAs(expected);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 4; c++) {
                Object v = plainValue(rows.get(r).get(c));
                Object e = plainValue(expected.get(r).get(c));
                assertThat(v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : v)
                        .as("row %d column %d", r, c)
                        .isEqualTo(e instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : e);
            }
        }
    }

    /** WRITE_ROWS_COMPRESSED (169): the plain head, then the row images as MariaDB's compressed record. */
    private static byte[] compressedRows(long logPos) {
        byte[] plain = SpilledRowsDecodeTest.writeRows();
        byte[] head = Arrays.copyOf(plain, ROWS_HEAD);
        byte[] record = MariadbCompressedDecodeTest.record(Arrays.copyOfRange(plain, ROWS_HEAD, plain.length));
        return event(169, 0, 1, logPos, 0, body().bytes(head).bytes(record).build(), true);
    }

    @Test
    void compressedRowImagesAboveTheThresholdAreDecompressedIntoASpillFileInTheHeapOrSpilled() {
        byte[] compressed = compressedRows(6000);
        assertThat(compressed.length)
                .as("the compressed event is above the threshold")
                .isGreaterThan(THRESHOLD);
        List<Row> expected = ((WriteRowsEvent) twin(event(30, 0, 1, 6000, 0, SpilledRowsDecodeTest.writeRows(), true))
                        .get(0))
                .rows();
        Payload spilled = spilled(compressed);
        for (Payload p : List.of(Payload.of(ByteReader.of(compressed)), spilled)) {
            read(p);
            WriteRowsEvent w = (WriteRowsEvent) reader.poll();
            assertThat(w.header().eventType()).isEqualTo(EventType.MARIADB_WRITE_ROWS_COMPRESSED_EVENT);
            assertSameRows(w.rows(), expected);
            assertThat(w.rows().get(0).get("b"))
                    .as("3,000 bytes: from the file the images were decompressed into")
                    .isInstanceOf(LargeValue.class);
            assertThat(w.rows().get(2).get("b")).as("exactly the threshold").isInstanceOf(byte[].class);
        }
        assertThat(spilled.spill().isReleased())
                .as("the compressed bytes' own file")
                .isTrue();
        assertThat(files.open())
                .as("the two files of decompressed images, which large values read")
                .isEqualTo(2);
    }

    @Test
    void aCompressedStatementAboveTheThresholdIsCutThereWithItsWholeLength() {
        String sql = "INSERT INTO t.blobs (v) VALUES ('" + "statement ".repeat(600) + "')";
        byte[] head = body().u32(77).u32(3).u8(1).u16(0).u16(0).str("t").u8(0).build();
        byte[] event = event(
                165,
                0,
                1,
                9000,
                0,
                body().bytes(head)
                        .bytes(MariadbCompressedDecodeTest.record(sql.getBytes(StandardCharsets.UTF_8)))
                        .build(),
                true);
        for (Payload p : List.of(Payload.of(ByteReader.of(event)), spilled(event))) {
            read(p);
            QueryEvent q = (QueryEvent) reader.poll();
            assertThat(q.truncated()).isTrue();
            assertThat(q.queryLength()).isEqualTo(sql.length());
            assertThat(q.query()).isEqualTo(sql.substring(0, THRESHOLD));
            assertThat(q.header().eventType()).isEqualTo(EventType.MARIADB_QUERY_COMPRESSED_EVENT);
        }
        assertThat(files.open()).isZero();
    }

    /** BEGIN, the TABLE_MAP of t.blobs, the three rows, XID 99: whole events, log position 0, no checksum. */
    static byte[] transaction() {
        return body().bytes(begin())
                .bytes(event(19, 0, 1, 0, 0, SpilledRowsDecodeTest.tableMap(42), false))
                .bytes(event(30, 0, 1, 0, 0, SpilledRowsDecodeTest.writeRows(), false))
                .bytes(event(16, 0, 1, 0, 0, body().u64(99).build(), false))
                .build();
    }

    /** A BEGIN query in schema t, as in a payload. */
    private static byte[] begin() {
        byte[] begin = body().u32(12)
                .u32(0)
                .u8(1)
                .u16(0)
                .u16(0)
                .str("t")
                .u8(0)
                .str("BEGIN")
                .build();
        return event(2, 0, 1, 0, 8, begin, false);
    }

    /** The transaction's events as the server writes them uncompressed: whole, with CRC32, one after another. */
    private static byte[][] uncompressed(byte[] raw) {
        List<byte[]> out = new ArrayList<>();
        for (ByteReader in = ByteReader.of(raw); in.hasRemaining(); ) {
            EventHeader h = EventDecoder.readHeader(in);
            byte[] e = in.readBytes((int) h.eventSize());
            byte[] withCrc = event(h.typeCode(), 0, 1, 0, h.flags(), Arrays.copyOfRange(e, 19, e.length), true);
            out.add(withCrc);
        }
        return out.toArray(byte[][]::new);
    }

    private static byte[] payloadEvent(byte[] raw, long logPos, boolean crc) {
        byte[] z = TransactionPayloadDecodeTest.zstd(raw);
        return event(40, 0, 1, logPos, 0, TransactionPayloadDecodeTest.payloadBody(0, raw.length, z.length, z), crc);
    }

    @Test
    void aPayloadsEventsAboveTheThresholdGoToSpillFilesAndTheyAreDecodedAsTheirUncompressedTwins() {
        byte[] raw = transaction();
        int size = payloadEvent(raw, 0, true).length;
        assertThat(size).isGreaterThan(THRESHOLD);
        List<BinlogEvent> expected = twin(uncompressed(raw));
        for (int i = 0; i < 2; i++) {
            long start = 1000L + i * size; // after the TABLE_MAP, then after the first payload
            byte[] payload = payloadEvent(raw, start + size, true);
            read(i == 0 ? Payload.of(ByteReader.of(payload)) : spilled(payload));
            List<BinlogPosition> positions = new ArrayList<>();
            List<BinlogEvent> events = new ArrayList<>();
            for (BinlogEvent e = reader.poll(); e != null; e = reader.poll()) {
                events.add(e);
                positions.add(reader.position());
            }
            assertThat(events)
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("QueryEvent", "TableMapEvent", "WriteRowsEvent", "XidEvent");
            assertThat(events)
                    .extracting(e -> e.getClass().getSimpleName())
                    .isEqualTo(expected.stream()
                            .map(e -> e.getClass().getSimpleName())
                            .toList());
            assertSameRows(((WriteRowsEvent) events.get(2)).rows(), ((WriteRowsEvent) expected.get(2)).rows());
            assertThat(((WriteRowsEvent) events.get(2)).rows().get(0).get("b")).isInstanceOf(LargeValue.class);
            assertThat(((XidEvent) events.get(3)).xid()).isEqualTo(99);
            assertThat(positions)
                    .extracting(BinlogPosition::position)
                    .containsExactly(start, start, start, start + size);
        }
        assertThat(files.open())
                .as("what is left: the files of the two rows events, whose large values read them")
                .isEqualTo(2);
    }

    /**
     * The events are decoded as they are taken: after the read, only the first; and an event that cannot be decoded
     * comes out as an error after the ones before it were handed out.
     */
    @Test
    void aPayloadsEventsAreDecodedAsTheyAreTakenAndAFailureComesAfterTheEventsBeforeIt() {
        byte[] raw = transaction();
        int xidAt = raw.length - 27;
        raw[xidAt + 4] = 13; // the XID becomes a RAND event, 8 bytes short
        int size = payloadEvent(raw, 0, true).length;
        read(Payload.of(ByteReader.of(payloadEvent(raw, 1000 + size, true))));
        assertThat(observed).hasSize(1).first().isInstanceOf(QueryEvent.class);
        assertThat(reader.poll()).isInstanceOf(QueryEvent.class);
        assertThat(observed).hasSize(2);
        assertThat(reader.poll()).isInstanceOf(TableMapEvent.class);
        assertThat(reader.poll()).isInstanceOf(WriteRowsEvent.class);
        assertThat(reader.hasPending()).isTrue();
        assertThatThrownBy(reader::poll)
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("offset " + xidAt + " of the uncompressed payload")
                .hasMessageContaining("file " + FILE)
                .hasMessageContaining("TRANSACTION_PAYLOAD_EVENT")
                .hasMessageContaining("RAND_EVENT");
        assertThat(reader.poll()).isNull();
        assertThat(reader.position().position())
                .as("the transaction was not read to its end: its start")
                .isEqualTo(1000);
    }

    /** A ROWS_QUERY inside a payload, above the threshold, is spilled and cut as one outside a payload is. */
    @Test
    void aStatementInsideAPayloadAboveTheThresholdIsCutThereWithItsWholeLength() {
        String sql = "insert into t.blobs (v) values ('" + "x".repeat(5000) + "')";
        byte[] raw = body().bytes(begin())
                .bytes(event(
                        29, 0, 1, 0, 0, body().u8(sql.length() & 0xFF).str(sql).build(), false))
                .bytes(event(16, 0, 1, 0, 0, body().u64(98).build(), false))
                .build();
        int size = payloadEvent(raw, 0, true).length;
        read(Payload.of(ByteReader.of(payloadEvent(raw, 1000 + size, true))));
        List<BinlogEvent> events = pollAll();
        assertThat(events).hasSize(3);
        RowsQueryEvent q = (RowsQueryEvent) events.get(1);
        assertThat(q.truncated()).isTrue();
        assertThat(q.queryLength()).isEqualTo(sql.length());
        assertThat(q.query()).isEqualTo(sql.substring(0, THRESHOLD - 1)); // the body's first bytes: length byte, text
        assertThat(((XidEvent) events.get(2)).xid()).isEqualTo(98);
        assertThat(files.open()).isZero();
    }
}
