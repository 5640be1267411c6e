package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * MariaDB's compressed events, built as MariaDB's {@code binlog_buf_compress} writes them (log_event.cc): a header
 * byte {@code 0x80 | length bytes}, the uncompressed length big-endian in as few bytes as hold it, then zlib's
 * {@code compress()} output; for QUERY_COMPRESSED the statement is compressed, for the rows events the row
 * images. Each must decode to what its uncompressed twin decodes to, with its own header; the table is
 * {@link RowsDecodeTest}'s {@code shop.items(id INT UNSIGNED, name VARCHAR(20), color ENUM('red','green'))}.
 */
class MariadbCompressedDecodeTest {

    private final DecodeContext ctx = new DecodeContext(UnknownEventPolicy.FAIL);
    private final EventDecoder decoder = new EventDecoder(ctx);

    @BeforeEach
    void mapTable() {
        ctx.setBinlogFile("mariadb-bin.000007");
        decode(event(19, RowsDecodeTest.tableMap(42), false));
    }

    private BinlogEvent decode(byte[] bytes) {
        return decoder.decode(ByteReader.of(bytes));
    }

    /** zlib's {@code compress()} of {@code raw} behind MariaDB's record header. */
    static byte[] record(byte[] raw) {
        int lengthBytes = raw.length > 0xFF_FFFF ? 4 : raw.length > 0xFFFF ? 3 : raw.length > 0xFF ? 2 : 1;
        return body().u8(0x80 | lengthBytes)
                .bytes(bigEndian(raw.length, lengthBytes))
                .bytes(zlib(raw))
                .build();
    }

    static byte[] zlib(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        byte[] out = new byte[raw.length + 64];
        int n = d.deflate(out);
        d.end();
        return Arrays.copyOf(out, n);
    }

    private static byte[] bigEndian(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * (n - 1 - i)));
        }
        return b;
    }

    /** Two rows (4294967295, 'héllo', 'green') and (1, NULL, 'red'): a null bitmap and the values, per row. */
    private static final byte[] TWO_ROWS = body().u8(0x00)
            .u32(0xFFFF_FFFFL)
            .u8(6)
            .str("héllo")
            .u8(2)
            .u8(0x02)
            .u32(1)
            .u8(1)
            .build();

    /** v1 rows head: table id 42, flags STMT_END_F, 3 columns, all included. */
    private static final byte[] V1_HEAD = body().le(42, 6).u16(1).u8(3).u8(0x07).build();

    private static byte[] concat(byte[]... parts) {
        EventBytes b = body();
        for (byte[] p : parts) {
            b.bytes(p);
        }
        return b.build();
    }

    @Test
    void writeRowsCompressedV1DecodesAsItsUncompressedTwin() {
        WriteRowsEvent plain = (WriteRowsEvent) decode(event(23, concat(V1_HEAD, TWO_ROWS), false));
        byte[] compressed = event(166, concat(V1_HEAD, record(TWO_ROWS)), false);
        WriteRowsEvent w = (WriteRowsEvent) decode(compressed);
        assertThat(w.header().typeCode()).isEqualTo(166);
        assertThat(w.header().eventType()).isEqualTo(EventType.MARIADB_WRITE_ROWS_COMPRESSED_EVENT_V1);
        assertThat(w.header().eventSize()).isEqualTo(compressed.length);
        assertThat(w.rows()).hasSize(2);
        assertThat(w.rows().get(0).get("id")).isEqualTo(4_294_967_295L);
        assertThat(w.rows().get(0).get("name")).isEqualTo("héllo");
        assertThat(w.rows().get(0).get("color")).isEqualTo("green");
        assertThat(w.rows().get(1).get("name")).isNull();
        assertThat(w.rows())
                .extracting(r -> r.asMap())
                .isEqualTo(plain.rows().stream().map(r -> r.asMap()).toList());
        assertThat(w.flags()).isEqualTo(plain.flags());
        assertThat(w.dump()).startsWith("=== WriteRowsEvent ===").contains("* name : héllo");
    }

    @Test
    void compressedRowsAreAlsoLazyViews() {
        EventDecoder lazy = new EventDecoder(new DecodeContext(
                DecodeOptions.defaults(UnknownEventPolicy.FAIL).withLazyRows(true)));
        lazy.decode(ByteReader.of(event(19, RowsDecodeTest.tableMap(42), false)));
        WriteRowsEvent w =
                (WriteRowsEvent) lazy.decode(ByteReader.of(event(166, concat(V1_HEAD, record(TWO_ROWS)), false)));
        assertThat(w.rows().get(0).getLong("id")).isEqualTo(4_294_967_295L);
        assertThat(w.rows().get(0).getString("name")).isEqualTo("héllo");
    }

    @Test
    void updateRowsCompressedV2KeepsBothBitmapsAndTheExtraData() {
        byte[] head = body().le(42, 6)
                .u16(1)
                .u16(4)
                .u8(0)
                .u8(9)
                .u8(3)
                .u8(0x07)
                .u8(0x05)
                .build();
        byte[] images = body().u8(0x02).u32(1).u8(1).u8(0x00).u32(1).u8(2).build();
        UpdateRowsEvent u = (UpdateRowsEvent) decode(event(170, concat(head, record(images)), false));
        assertThat(u.header().eventType()).isEqualTo(EventType.MARIADB_UPDATE_ROWS_COMPRESSED_EVENT);
        assertThat(u.extraData()).containsExactly(0, 9);
        assertThat(u.includedColumnsAfter().cardinality()).isEqualTo(2);
        assertThat(u.rows()).singleElement().satisfies(r -> {
            assertThat(r.before().asMap())
                    .containsEntry("id", 1L)
                    .containsEntry("name", null)
                    .containsEntry("color", "red");
            assertThat(r.after().asMap()).containsOnlyKeys("id", "color").containsEntry("color", "green");
        });
    }

    @Test
    void deleteRowsCompressedV1() {
        byte[] head = body().le(42, 6).u16(1).u8(3).u8(0x01).build();
        byte[] images = body().u8(0).u32(7).u8(0).u32(8).build();
        DeleteRowsEvent d = (DeleteRowsEvent) decode(event(168, concat(head, record(images)), false));
        assertThat(d.rows()).extracting(r -> r.get("id")).containsExactly(7L, 8L);
    }

    @Test
    void queryCompressedDecodesAsItsUncompressedTwin() {
        String sql = "INSERT INTO shop.items VALUES (1, 'a long enough statement to be compressed', 'red')";
        byte[] vars = body().u8(0).u32(0).build(); // Q_FLAGS2_CODE
        byte[] head = body().u32(77)
                .u32(3)
                .u8(4)
                .u16(0)
                .u16(vars.length)
                .bytes(vars)
                .str("shop")
                .u8(0)
                .build();
        byte[] sqlBytes = body().str(sql).build();
        QueryEvent plain = (QueryEvent) decode(event(2, concat(head, sqlBytes), false));
        QueryEvent q = (QueryEvent) decode(event(165, concat(head, record(sqlBytes)), false));
        assertThat(q.header().eventType()).isEqualTo(EventType.MARIADB_QUERY_COMPRESSED_EVENT);
        assertThat(q.query()).isEqualTo(sql).isEqualTo(plain.query());
        assertThat(q.schema()).isEqualTo("shop");
        assertThat(q.slaveProxyId()).isEqualTo(77);
        assertThat(q.executionTime()).isEqualTo(3);
        assertThat(q.statusVars().flags2())
                .isEqualTo(plain.statusVars().flags2())
                .isEqualTo(0L);
    }

    /** A 70,000-byte statement: its length takes three bytes. */
    @Test
    void longStatementWithAThreeByteLength() {
        String sql = "SELECT '" + "x".repeat(70_000) + "'";
        byte[] head = body().u32(1).u32(0).u8(0).u16(0).u16(0).u8(0).build();
        byte[] record = record(body().str(sql).build());
        assertThat(record[0]).isEqualTo((byte) 0x83);
        QueryEvent q = (QueryEvent) decode(event(165, concat(head, record), false));
        assertThat(q.query()).isEqualTo(sql);
    }

    private void assertRejected(byte[] record, String... messageParts) {
        byte[] e = event(166, 5000, 1, 0, 0, concat(V1_HEAD, record), false);
        assertThatThrownBy(() -> decoder.decode(ByteReader.of(e), 5000))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("mariadb-bin.000007")
                .hasMessageContaining("position 5000")
                .hasMessageContaining("MARIADB_WRITE_ROWS_COMPRESSED_EVENT_V1")
                .hasMessageContainingAll(messageParts)
                .satisfies(x -> assertThat(x.getMessage()).doesNotContain("héllo"));
    }

    @Test
    void badRecordHeadersAreTypedErrors() {
        byte[] good = record(TWO_ROWS);
        byte[] notCompressed = good.clone();
        notCompressed[0] = 0x01;
        assertRejected(notCompressed, "header 0x01");
        byte[] otherAlgorithm = good.clone();
        otherAlgorithm[0] = (byte) 0x91;
        assertRejected(otherAlgorithm, "algorithm 1");
        byte[] noLength = good.clone();
        noLength[0] = (byte) 0x80;
        assertRejected(noLength, "header 0x80");
        assertRejected(body().u8(0x81).u8(0).bytes(zlib(new byte[0])).build(), "declares 0");
    }

    @Test
    void aLengthMismatchEitherWayIsATypedError() {
        byte[] z = zlib(TWO_ROWS);
        assertRejected(
                body().u8(0x81).u8(TWO_ROWS.length + 1).bytes(z).build(),
                "expands to " + TWO_ROWS.length + " byte(s), " + (TWO_ROWS.length + 1) + " declared");
        assertRejected(body().u8(0x81).u8(TWO_ROWS.length - 1).bytes(z).build(), "more than the");
    }

    @Test
    void corruptTruncatedOrTrailingZlibDataIsATypedError() {
        byte[] z = zlib(TWO_ROWS);
        byte[] corrupt = z.clone();
        corrupt[0] = 0x79; // not a zlib header
        assertRejected(body().u8(0x81).u8(TWO_ROWS.length).bytes(corrupt).build(), "zlib data is corrupt");
        assertRejected(
                body().u8(0x81)
                        .u8(TWO_ROWS.length)
                        .bytes(Arrays.copyOf(z, z.length - 6))
                        .build(),
                "zlib data ends after");
        assertRejected(body().u8(0x81).u8(TWO_ROWS.length).bytes(z).u8(0).build(), "1 byte(s) after the end");
    }

    /** A corrupt length of almost 2 GiB over 40 bytes of zlib data allocates about what the data expands to. */
    @Test
    void aHugeDeclaredLengthIsNotAllocated() {
        byte[] record = body().u8(0x84)
                .bytes(bigEndian(0x7FFF_FFF0L, 4))
                .bytes(zlib(TWO_ROWS))
                .build();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertRejected(record, "expands to " + TWO_ROWS.length + " byte(s), 2147483632 declared");
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(4L << 20);
        byte[] tooLong = body().u8(0x84)
                .bytes(bigEndian(0xFFFF_FFFFL, 4))
                .bytes(zlib(TWO_ROWS))
                .build();
        assertRejected(tooLong, "declares 4294967295");
    }

    @Test
    void bitmapsLongerThanTheEventAreATypedError() {
        byte[] head = body().le(42, 6).u16(1).u8(0xFC).u16(60_000).build();
        byte[] e = event(166, concat(head, record(TWO_ROWS)), false);
        assertThatThrownBy(() -> decode(e))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("60000 column(s)");
    }
}
