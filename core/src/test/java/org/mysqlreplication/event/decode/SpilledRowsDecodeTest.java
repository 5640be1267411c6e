package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFileClosedException;
import org.mysqlreplication.io.SpillFiles;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.LargeValue;

/**
 * Rows events decoded from a spill file, built from the layouts of MySQL's rows_event.h, with CRC32: table
 * {@code t.blobs(id INT, b LONGBLOB, t TEXT utf8mb4, v VARCHAR(80) utf8mb4)}, a large-value threshold of 1 KiB.
 * Each event is put in the file after one leading byte, as a dump packet's {@code 0x00} is, and decoded from
 * offset 1. The values expected are the ones the test wrote; the same bytes decoded in memory give them too.
 */
class SpilledRowsDecodeTest {

    private static final int THRESHOLD = 1024;

    @TempDir
    Path dir;

    private SpillFiles files;
    private static final DecodeOptions OPTIONS =
            DecodeOptions.defaults(UnknownEventPolicy.FAIL).withLargeValueThreshold(THRESHOLD);
    private final DecodeContext ctx = new DecodeContext(OPTIONS);
    private final EventDecoder decoder = new EventDecoder(ctx);
    private final DecodeContext memoryCtx = new DecodeContext(OPTIONS);
    private final EventDecoder memory = new EventDecoder(memoryCtx);

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] tableMap(long tableId) {
        byte[] optional = body().u8(1)
                .u8(1)
                .u8(0x00) // SIGNEDNESS: id signed
                .u8(3)
                .u8(3)
                .u8(63)
                .u8(45)
                .u8(45) // COLUMN_CHARSET: b binary, t and v utf8mb4_general_ci
                .u8(4)
                .u8(9)
                .lenencStr("id")
                .lenencStr("b")
                .lenencStr("t")
                .lenencStr("v") // COLUMN_NAME
                .build();
        return body().le(tableId, 6)
                .u16(1)
                .lenencStr("t")
                .u8(0)
                .lenencStr("blobs")
                .u8(0)
                .u8(4)
                .u8(3)
                .u8(252)
                .u8(252)
                .u8(15) // LONG, BLOB, BLOB, VARCHAR
                .u8(4)
                .u8(4)
                .u8(2)
                .u16(80) // metadata: LONGBLOB (4-byte length), TEXT (2-byte length), VARCHAR(80)
                .u8(0x0E) // b, t and v nullable
                .bytes(optional)
                .build();
    }

    @BeforeEach
    void setUp() {
        files = new SpillFiles(dir);
        for (DecodeContext c : new DecodeContext[] {ctx, memoryCtx}) {
            c.setChecksumAlgorithm(ChecksumAlgorithm.CRC32);
            c.setBinlogFile("bin.000007");
        }
        decoder.decode(ByteReader.of(event(19, tableMap(42), true)));
        memory.decode(ByteReader.of(event(19, tableMap(42), true)));
    }

    @AfterEach
    void tearDown() {
        files.close();
    }

    private SpillFile spill(byte[] event) {
        SpillFile f = files.create();
        f.write(new byte[] {0}, 0, 1);
        f.write(event, 0, event.length);
        return f;
    }

    static final byte[] BLOB = random(3000, 1);
    static final String UMLAUTS = "ü".repeat(1000); // 2,000 bytes of UTF-8
    static final byte[] EXACTLY_THRESHOLD = random(THRESHOLD, 2);
    static final String ONE_MORE = "x".repeat(THRESHOLD + 1);

    /** Three rows: large values in b and t, NULLs, and values of exactly the threshold and one byte more. */
    static byte[] writeRows() {
        byte[] umlauts = UMLAUTS.getBytes(StandardCharsets.UTF_8);
        return body().le(42, 6)
                .u16(1)
                .u16(2)
                .u8(4)
                .u8(0x0F)
                .u8(0x00)
                .u32(1)
                .u32(BLOB.length)
                .bytes(BLOB)
                .u16(6)
                .str("héllo")
                .u8(3)
                .str("abc")
                .u8(0x0A)
                .u32(2)
                .u16(umlauts.length)
                .bytes(umlauts)
                .u8(0x00)
                .u32(3)
                .u32(THRESHOLD)
                .bytes(EXACTLY_THRESHOLD)
                .u16(THRESHOLD + 1)
                .str(ONE_MORE)
                .u8(1)
                .str("x")
                .build();
    }

    static byte[] bytes(Object largeValue) {
        return ((LargeValue) largeValue).toByteArray();
    }

    @Test
    void valuesAboveTheThresholdAreLargeValuesOverTheFileAndTheOthersAsInMemory() throws IOException {
        byte[] event = event(30, writeRows(), true);
        SpillFile file = spill(event);
        WriteRowsEvent spilled = (WriteRowsEvent) decoder.decodeSpilled(file, 1, 4000);
        WriteRowsEvent inMemory = (WriteRowsEvent) memory.decode(ByteReader.of(event), 4000);

        assertThat(spilled.header()).isEqualTo(inMemory.header());
        assertThat(spilled.rows()).hasSize(3);
        Row r1 = spilled.rows().get(0);
        assertThat(r1.get("id")).isEqualTo(1);
        LargeValue b1 = (LargeValue) r1.get("b");
        assertThat(b1.length()).isEqualTo(3000);
        assertThat(b1.charset()).isNull();
        assertThat(b1.type()).isEqualTo(ColumnType.BLOB);
        assertThat(b1.toByteArray())
                .isEqualTo(BLOB)
                .isEqualTo(inMemory.rows().get(0).get("b"));
        try (InputStream in = b1.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(BLOB);
        }
        assertThat(r1.get("t"))
                .isEqualTo("héllo")
                .isEqualTo(inMemory.rows().get(0).get("t"));
        assertThat(r1.get("v")).isEqualTo("abc");

        Row r2 = spilled.rows().get(1);
        assertThat(r2.isNull(1)).isTrue();
        assertThat(r2.isNull(3)).isTrue();
        LargeValue t2 = (LargeValue) r2.get("t");
        assertThat(t2.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(new String(t2.toByteArray(), t2.charset()))
                .isEqualTo(UMLAUTS)
                .isEqualTo(inMemory.rows().get(1).get("t"));
        assertThat(t2.toString()).isEqualTo("LargeValue[BLOB, 2000 bytes, UTF-8]");

        Row r3 = spilled.rows().get(2);
        assertThat(r3.get("b")).isInstanceOf(byte[].class).isEqualTo(EXACTLY_THRESHOLD);
        assertThat(bytes(r3.get("t"))).isEqualTo(ONE_MORE.getBytes(StandardCharsets.US_ASCII));
        assertThat(r3.get("v")).isEqualTo("x");

        assertThat(file.isReleased()).isFalse(); // its large values read from it
        assertThat(spilled.dump())
                .contains("* b : LargeValue[BLOB, 3000 bytes]")
                .doesNotContain("héllo".repeat(2));
    }

    @Test
    void anUpdateHasItsOwnAfterImageColumns() {
        String after = "a".repeat(1500);
        byte[] b = body().le(42, 6)
                .u16(1)
                .u16(2)
                .u8(4)
                .u8(0x0F)
                .u8(0x05)
                .u8(0x00)
                .u32(1)
                .u32(BLOB.length)
                .bytes(BLOB)
                .u16(1)
                .str("a")
                .u8(1)
                .str("b")
                .u8(0x00)
                .u32(1)
                .u16(after.length())
                .str(after)
                .build();
        UpdateRowsEvent e = (UpdateRowsEvent) decoder.decodeSpilled(spill(event(31, b, true)), 1, -1);
        UpdateRow u = e.rows().get(0);
        assertThat(bytes(u.before().get("b"))).isEqualTo(BLOB);
        assertThat(u.before().get("v")).isEqualTo("b");
        assertThat(u.after().isPresent(1)).isFalse();
        assertThat(u.after().isPresent(3)).isFalse();
        assertThat(new String(bytes(u.after().get("t")), StandardCharsets.UTF_8))
                .isEqualTo(after);
        assertThat(e.includedColumnsAfter().cardinality()).isEqualTo(2);
    }

    @Test
    void anEventWithoutLargeValuesGivesTheRowsOfTheInMemoryDecodingAndReleasesItsFile() {
        byte[] rows = body().le(42, 6)
                .u16(1)
                .u16(2)
                .u8(4)
                .u8(0x0F)
                .u8(0x00)
                .u32(-5)
                .u32(3)
                .bytes((byte) 0, (byte) 1, (byte) 2)
                .u16(2)
                .str("hi")
                .u8(0)
                .build();
        byte[] event = event(30, rows, true);
        SpillFile file = spill(event);
        WriteRowsEvent spilled = (WriteRowsEvent) decoder.decodeSpilled(file, 1, -1);
        WriteRowsEvent inMemory = (WriteRowsEvent) memory.decode(ByteReader.of(event));
        assertThat(spilled.rows().get(0).asMap())
                .usingRecursiveComparison()
                .isEqualTo(inMemory.rows().get(0).asMap());
        assertThat(spilled.rows().get(0).get("id")).isEqualTo(-5);
        assertThat(file.isReleased()).isTrue();
    }

    @Test
    void aChecksumMismatchIsAChecksumExceptionAndReleasesTheFile() {
        byte[] event = event(30, writeRows(), true);
        event[19 + 40] ^= 0x01; // a byte of the first blob
        SpillFile file = spill(event);
        assertThatThrownBy(() -> decoder.decodeSpilled(file, 1, 4000))
                .isInstanceOf(ChecksumException.class)
                .hasMessageContaining("CRC32 mismatch")
                .hasMessageContaining("bin.000007")
                .hasMessageContaining("position 4000")
                .hasMessageContaining("WRITE_ROWS_EVENT");
        assertThat(file.isReleased()).isTrue();
        assertThatThrownBy(() -> memory.decode(ByteReader.of(event))).isInstanceOf(ChecksumException.class);
    }

    @Test
    void withoutVerificationTheSameBytesDecode() {
        byte[] event = event(30, writeRows(), true);
        event[19 + 40] ^= 0x01;
        DecodeContext unverified = new DecodeContext(OPTIONS.withVerifyChecksum(false));
        unverified.setChecksumAlgorithm(ChecksumAlgorithm.CRC32);
        EventDecoder decoder = new EventDecoder(unverified);
        decoder.decode(ByteReader.of(event(19, tableMap(42), true)));
        WriteRowsEvent e = (WriteRowsEvent) decoder.decodeSpilled(spill(event), 1, -1);
        assertThat(bytes(e.rows().get(0).get("b"))).isNotEqualTo(BLOB).hasSize(BLOB.length);
    }

    @Test
    void aSkipStillVerifiesTheChecksumAndReleasesTheFile() {
        byte[] event = event(30, writeRows(), true);
        SpillFile file = spill(event);
        decoder.skipSpilled(file, 1, -1);
        assertThat(file.isReleased()).isTrue();
        event[19 + 40] ^= 0x01;
        assertThatThrownBy(() -> decoder.skipSpilled(spill(event), 1, -1)).isInstanceOf(ChecksumException.class);
    }

    @Test
    void aLargeValueRunningPastTheEventIsADecodeErrorNamingTheColumn() {
        byte[] rows = body().le(42, 6)
                .u16(1)
                .u16(2)
                .u8(4)
                .u8(0x0F)
                .u8(0x00)
                .u32(1)
                .u32(5000)
                .bytes(random(2000, 3))
                .build();
        SpillFile file = spill(event(30, rows, true));
        assertThatThrownBy(() -> decoder.decodeSpilled(file, 1, 100))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("column 1 (b, BLOB, meta 4)")
                .hasMessageContaining("5000 bytes")
                .hasMessageContaining("position 100")
                .hasMessageContaining("offset");
        assertThat(file.isReleased()).isTrue();
    }

    @Test
    void anEventLongerThanTheFileIsADecodeError() {
        byte[] event = event(30, writeRows(), true);
        SpillFile file = files.create();
        file.write(event, 0, event.length - 10);
        assertThatThrownBy(() -> decoder.decodeSpilled(file, 0, -1))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("event size " + event.length);
    }

    @Test
    void onlyRowsEventsAreDecodedFromASpillFile() {
        SpillFile file = spill(event(19, tableMap(43), true));
        assertThatThrownBy(() -> decoder.decodeSpilled(file, 1, -1))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("only rows events")
                .hasMessageContaining("TABLE_MAP_EVENT");
        assertThat(ctx.tableMap(43)).isNull();
    }

    @Test
    void aLargeValueReadAfterItsFilesAreClosedIsATypedError() {
        WriteRowsEvent e = (WriteRowsEvent) decoder.decodeSpilled(spill(event(30, writeRows(), true)), 1, -1);
        LargeValue b = (LargeValue) e.rows().get(0).get("b");
        files.close();
        assertThatThrownBy(b::toByteArray)
                .isInstanceOf(SpillFileClosedException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> b.openStream().read()).isInstanceOf(SpillFileClosedException.class);
        assertThat(b.length()).isEqualTo(3000);
    }
}
