package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;

import io.airlift.compress.zstd.ZstdCompressor;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TransactionPayloadEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * TRANSACTION_PAYLOAD_EVENT built as MySQL's {@code Transaction_payload::encode} writes it (codecs/binary.cpp):
 * fields compression type (2), uncompressed size (3) and payload size (1), each type, length and value as
 * length-encoded integers, the end mark 0, then the transaction's events (no checksums) zstd-compressed. The
 * events inside are a BEGIN, {@link RowsDecodeTest}'s TABLE_MAP of {@code shop.items}, a WRITE_ROWS of one row
 * and an XID; the binlog around has CRC32 checksums.
 */
class TransactionPayloadDecodeTest {

    private final DecodeContext ctx = new DecodeContext(UnknownEventPolicy.FAIL);
    private final EventDecoder decoder = new EventDecoder(ctx);

    @BeforeEach
    void crc32Binlog() {
        ctx.setBinlogFile("binlog.000003");
        ctx.setChecksumAlgorithm(ChecksumAlgorithm.CRC32);
    }

    /** BEGIN, TABLE_MAP, WRITE_ROWS (7, 'seven', 'green'), XID 99: whole events, log position 0, no checksum. */
    static byte[] transaction() {
        byte[] begin = body().u32(12)
                .u32(0)
                .u8(4)
                .u16(0)
                .u16(0)
                .str("shop")
                .u8(0)
                .str("BEGIN")
                .build();
        byte[] rows = body().le(42, 6)
                .u16(1)
                .u16(2)
                .u8(3)
                .u8(0x07)
                .u8(0x00)
                .u32(7)
                .u8(5)
                .str("seven")
                .u8(2)
                .build();
        return body().bytes(event(2, 1000, 1, 0, 8, begin, false))
                .bytes(event(19, 1000, 1, 0, 0, RowsDecodeTest.tableMap(42), false))
                .bytes(event(30, 1000, 1, 0, 0, rows, false))
                .bytes(event(16, 1000, 1, 0, 0, body().u64(99).build(), false))
                .build();
    }

    static byte[] zstd(byte[] raw) {
        ZstdCompressor c = new ZstdCompressor();
        byte[] out = new byte[c.maxCompressedLength(raw.length)];
        return Arrays.copyOf(out, c.compress(raw, 0, raw.length, out, 0, out.length));
    }

    /** A payload event body: the header fields in MySQL's order, the end mark, the payload. */
    static byte[] payloadBody(int compression, long uncompressedSize, long payloadSize, byte[] payload) {
        EventBytes b = body().u8(2).u8(lenencSize(compression)).bytes(lenenc(compression));
        if (uncompressedSize >= 0) {
            b.u8(3).u8(lenencSize(uncompressedSize)).bytes(lenenc(uncompressedSize));
        }
        return b.u8(1)
                .u8(lenencSize(payloadSize))
                .bytes(lenenc(payloadSize))
                .u8(0)
                .bytes(payload)
                .build();
    }

    private static byte[] lenenc(long v) {
        return v < 251
                ? body().u8((int) v).build()
                : v < 0x10000
                        ? body().u8(0xFC).u16((int) v).build()
                        : v < 0x100_0000
                                ? body().u8(0xFD).le(v, 3).build()
                                : body().u8(0xFE).u64(v).build();
    }

    private static int lenencSize(long v) {
        return lenenc(v).length;
    }

    private TransactionPayloadEvent decode(byte[] body) {
        return (TransactionPayloadEvent) decoder.decode(ByteReader.of(event(40, 5000, 1, 0, 0, body, true)), 5000);
    }

    @Test
    void zstdPayloadGivesTheTransactionsEventsWithTheirRows() {
        byte[] raw = transaction();
        byte[] compressed = zstd(raw);
        TransactionPayloadEvent p = decode(payloadBody(0, raw.length, compressed.length, compressed));
        assertThat(p.header().eventType()).isEqualTo(EventType.TRANSACTION_PAYLOAD_EVENT);
        assertThat(p.compressionType()).isEqualTo(TransactionPayloadEvent.ZSTD);
        assertThat(p.payloadSize()).isEqualTo(compressed.length);
        assertThat(p.uncompressedSize()).isEqualTo(raw.length);
        assertThat(p.events()).hasSize(4);
        assertThat(((QueryEvent) p.events().get(0)).query()).isEqualTo("BEGIN");
        assertThat(((TableMapEvent) p.events().get(1)).table()).isEqualTo("items");
        WriteRowsEvent w = (WriteRowsEvent) p.events().get(2);
        assertThat(w.header().logPos()).isZero();
        assertThat(w.rows()).singleElement().satisfies(r -> {
            assertThat(r.get("id")).isEqualTo(7L);
            assertThat(r.get("name")).isEqualTo("seven");
            assertThat(r.get("color")).isEqualTo("green");
        });
        assertThat(((XidEvent) p.events().get(3)).xid()).isEqualTo(99);
        assertThat(ctx.tableMap(42)).isNotNull();
        assertThat(p.dump())
                .startsWith("=== TransactionPayloadEvent ===")
                .contains("Compression type: ZSTD\n")
                .contains("Events: 4\n")
                .contains("=== WriteRowsEvent ===")
                .contains("* name : seven");
        assertThat(p.toString()).doesNotContain("seven");
    }

    @Test
    void uncompressedPayloadAndAnUnknownHeaderFieldThatIsSkipped() {
        byte[] raw = transaction();
        byte[] fields = body().u8(9).u8(3).u8(1).u8(2).u8(3).build(); // a field type MySQL may add later
        byte[] body = body().bytes(fields)
                .bytes(payloadBody(255, -1, raw.length, raw))
                .build();
        TransactionPayloadEvent p = decode(body);
        assertThat(p.compressionType()).isEqualTo(TransactionPayloadEvent.NONE);
        assertThat(p.uncompressedSize()).isEqualTo(raw.length);
        assertThat(p.events()).hasSize(4);
        assertThat(p.dump()).contains("Compression type: NONE\n");
    }

    private void assertRejected(byte[] body, String... messageParts) {
        assertThatThrownBy(() -> decode(body))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("binlog.000003")
                .hasMessageContaining("position 5000")
                .hasMessageContaining("TRANSACTION_PAYLOAD_EVENT")
                .hasMessageContainingAll(messageParts)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("seven"));
    }

    @Test
    void headerFieldsThatDisagreeWithThePayloadAreTypedErrors() {
        byte[] raw = transaction();
        byte[] z = zstd(raw);
        assertRejected(payloadBody(1, raw.length, z.length, z), "compression type 1");
        assertRejected(payloadBody(0, raw.length, z.length + 1, z), "payload size " + (z.length + 1));
        assertRejected(payloadBody(255, raw.length + 1, raw.length, raw), "compression type 255");
        assertRejected(body().u8(1).u8(2).u8(5).u8(0).bytes(z).build(), "field 1 of 2 byte(s)");
        assertRejected(payloadBody(255, -1, 0, new byte[0]), "without any event");
    }

    @Test
    void aDeclaredSizeOtherThanTheDataIsATypedErrorEitherWay() {
        byte[] raw = transaction();
        byte[] z = zstd(raw);
        assertRejected(payloadBody(0, raw.length + 1, z.length, z), "zstd data ends after " + raw.length);
        assertRejected(payloadBody(0, raw.length - 1, z.length, z), "more than the " + (raw.length - 1));
    }

    @Test
    void corruptOrTruncatedZstdIsATypedError() {
        byte[] raw = transaction();
        byte[] z = zstd(raw);
        byte[] corrupt = z.clone();
        corrupt[0] ^= 0x55; // the frame's magic number
        assertRejected(payloadBody(0, raw.length, z.length, corrupt), "zstd data is corrupt");
        byte[] cut = Arrays.copyOf(z, z.length - 4);
        assertRejected(payloadBody(0, raw.length, cut.length, cut), "zstd data");
    }

    @Test
    void aFailingInnerEventNamesThePayloadAndItsOffset() {
        byte[] raw = transaction();
        raw[raw.length - 27 + 4] = 13; // the XID becomes a RAND event, 8 bytes short
        byte[] z = zstd(raw);
        assertRejected(
                payloadBody(0, raw.length, z.length, z),
                "offset " + (raw.length - 27) + " of the uncompressed payload",
                "RAND_EVENT");
        byte[] nested = body().bytes(event(40, 1000, 1, 0, 0, payloadBody(255, -1, raw.length, raw), false))
                .build();
        assertRejected(payloadBody(255, -1, nested.length, nested), "inside another");
    }

    /** A corrupt uncompressed size of almost 2 GiB allocates about what the payload really expands to. */
    @Test
    void aHugeDeclaredSizeIsNotAllocated() {
        byte[] raw = transaction();
        byte[] z = zstd(raw);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertRejected(payloadBody(0, 0x7FFF_FFF0L, z.length, z), "ends after " + raw.length + " of 2147483632");
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(8L << 20);
        // no array holds the whole payload any more (its events are read one at a time): the data ends first
        assertRejected(payloadBody(0, 1L << 40, z.length, z), "ends after " + raw.length + " of 1099511627776");
    }
}
