package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;

/**
 * Every byte of the compressed part of a zstd TRANSACTION_PAYLOAD and of a MariaDB zlib rows event flipped in turn,
 * the event read through the {@link EventReader} from the heap and from a spill file, with a 1 KiB large-value
 * threshold so that both the decompressed events and the compressed event take the spill paths. Without a checksum
 * (a binlog with {@code binlog_checksum=NONE}, so that the decompressor is what sees the damage), each must either
 * decode (zstd and zlib have their own checks, but a flipped literal can decode to other valid bytes) or fail with an
 * {@link EventDecodeException} that names the file, the position and the event's type; never another exception,
 * never a hang.
 */
class CompressedCorruptionTest {

    private static final DecodeOptions OPTIONS =
            DecodeOptions.defaults(UnknownEventPolicy.FAIL).withLargeValueThreshold(1024);
    private static final String FILE = "bin.000009";

    @TempDir
    Path dir;

    /** Reads {@code event} (from the heap or spilled) after the table map; null when it decodes, else the error. */
    private EventDecodeException read(byte[] event, boolean spill, SpillFiles files) {
        EventReader reader = EventReader.forFile(FILE, new DecodeContext(OPTIONS), EventSelector.ALL, files);
        reader.context().setChecksumAlgorithm(ChecksumAlgorithm.NONE);
        byte[] map = event(19, 0, 1, 0, 0, SpilledRowsDecodeTest.tableMap(42), false);
        reader.read(Payload.of(ByteReader.of(map)), 4);
        reader.poll();
        Payload p = Payload.of(ByteReader.of(event));
        if (spill) {
            SpillFile f = files.create();
            f.write(event, 0, event.length);
            p = Payload.spilled(ByteReader.of(Arrays.copyOf(event, 64)), f, 0);
        }
        long at = 4 + map.length;
        try {
            reader.read(p, at);
            for (BinlogEvent e = reader.poll(); e != null; e = reader.poll()) {
                assertThat(e.header()).isNotNull();
            }
            assertThat(reader.position()).isEqualTo(new BinlogPosition(FILE, at + event.length));
            return null;
        } catch (EventDecodeException e) {
            return e;
        }
    }

    /**
     * Flips each of the first 512 bytes from {@code from} on (the frame and block headers, the tables), then every
     * 7th; counts the failures, each checked to say where.
     */
    private int sweep(byte[] event, int from, String type) {
        int failures = 0;
        try (SpillFiles files = new SpillFiles(dir)) {
            for (int i = from; i < event.length; i += i < from + 512 ? 1 : 7) {
                byte[] bad = event.clone();
                bad[i] ^= 0x5A;
                for (boolean spill : new boolean[] {false, true}) {
                    EventDecodeException e;
                    try {
                        e = read(bad, spill, files);
                    } catch (RuntimeException | Error other) {
                        throw new AssertionError("byte " + i + (spill ? " (spilled)" : "") + ": " + other, other);
                    }
                    if (e != null) {
                        failures++;
                        assertThat(e.getMessage())
                                .as("byte %d", i)
                                .contains("file " + FILE)
                                .contains("position " + (4 + 19 + SpilledRowsDecodeTest.tableMap(42).length))
                                .contains(type);
                    }
                }
            }
        }
        return failures;
    }

    @Test
    void everyFlippedByteOfAZstdPayloadDecodesOrIsATypedError() {
        byte[] raw = CompressedEventsSpillTest.transaction();
        byte[] z = TransactionPayloadDecodeTest.zstd(raw);
        byte[] body = TransactionPayloadDecodeTest.payloadBody(0, raw.length, z.length, z);
        byte[] event = event(40, 0, 1, 0, 0, body, false);
        int compressedFrom = event.length - z.length;
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            int failures = sweep(event, compressedFrom, "TRANSACTION_PAYLOAD_EVENT");
            assertThat(failures).as("most damage is seen").isGreaterThan(512);
        });
    }

    @Test
    void everyFlippedByteOfAZlibRowsEventDecodesOrIsATypedError() {
        byte[] plain = SpilledRowsDecodeTest.writeRows();
        byte[] record = MariadbCompressedDecodeTest.record(Arrays.copyOfRange(plain, 12, plain.length));
        byte[] event = event(
                169,
                0,
                1,
                0,
                0,
                body().bytes(Arrays.copyOf(plain, 12)).bytes(record).build(),
                false);
        int compressedFrom = event.length - record.length;
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            int failures = sweep(event, compressedFrom, "MARIADB_WRITE_ROWS_COMPRESSED_EVENT");
            assertThat(failures).as("most damage is seen").isGreaterThan(512);
        });
    }

    @Test
    void theSweepSeesAnUndamagedEventDecode() {
        byte[] raw = CompressedEventsSpillTest.transaction();
        byte[] z = TransactionPayloadDecodeTest.zstd(raw);
        byte[] event =
                event(40, 0, 1, 0, 0, TransactionPayloadDecodeTest.payloadBody(0, raw.length, z.length, z), false);
        try (SpillFiles files = new SpillFiles(dir)) {
            if (read(event, false, files) != null || read(event, true, files) != null) {
                fail("the undamaged payload must decode");
            }
        }
    }
}
