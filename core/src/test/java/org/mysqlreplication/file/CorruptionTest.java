package org.mysqlreplication.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.DecodeOptions;
import org.mysqlreplication.event.decode.EventDecoder;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.io.ByteReader;

/**
 * Corrupt bodies of real events (checksum verification off, so the decoders see the damage): decoding may fail,
 * but only with a {@link BinlogException} that is not a wrapped {@code IndexOutOfBoundsException},
 * {@code NullPointerException} or the like (a bug), and never with an error such as a huge allocation.
 */
class CorruptionTest {

    private static final List<String> FILES = List.of(
            "ottok-mariadb-10.3/mysql-test/std_data/rpl/master-bin-seq_10.3.36.000001",
            "blackbeam-rust_mysql_common/test-data/binlogs/mysql-enum-string-set.000001",
            "osheroff-mysql-binlog-connector-java/src/test/resources/mysql-bin.checksum-crc32",
            "rust-us-mysql-cdc-rs/tests/events/8.0/31_update_rows_v2/binlog.000001");

    @Test
    void corruptBodiesFailOnlyWithTypedErrors() throws IOException {
        Random random = new Random(20261124L);
        int failures = 0;
        int runs = 0;
        for (String f : FILES) {
            List<byte[]> events = split(Files.readAllBytes(Fixtures.file(f)));
            for (int round = 0; round < 400; round++) {
                int victim = 1 + random.nextInt(events.size() - 1);
                DecodeContext ctx = new DecodeContext(
                        DecodeOptions.defaults(UnknownEventPolicy.DELIVER).withVerifyChecksum(false));
                EventDecoder decoder = new EventDecoder(ctx);
                for (int i = 0; i < events.size(); i++) {
                    byte[] e = events.get(i).clone();
                    if (i == victim) {
                        corrupt(e, random);
                    }
                    runs++;
                    try {
                        decoder.decode(ByteReader.of(e));
                    } catch (BinlogException expected) {
                        failures++;
                        for (Throwable t = expected; t != null; t = t.getCause()) {
                            assertThat(t)
                                    .as("cause of: " + expected.getMessage())
                                    .isNotInstanceOfAny(
                                            IndexOutOfBoundsException.class,
                                            NullPointerException.class,
                                            ClassCastException.class,
                                            NegativeArraySizeException.class);
                        }
                    }
                }
            }
        }
        assertThat(failures).as("corruptions that were detected").isGreaterThan(20);
        assertThat(runs).isGreaterThan(1000);
    }

    private static void corrupt(byte[] event, Random random) {
        int flips = 1 + random.nextInt(4);
        for (int k = 0; k < flips && event.length > 19; k++) {
            int at = 19 + random.nextInt(event.length - 19);
            event[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) 0xFF;
        }
    }

    /** The events of a v4 file after its 4-byte magic, by the size field of each header. */
    private static List<byte[]> split(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int at = 4;
        while (at + 19 <= file.length) {
            int size = (int) ByteReader.of(file, at + 9, 4).readUint32();
            out.add(java.util.Arrays.copyOfRange(file, at, at + size));
            at += size;
        }
        return out;
    }
}
