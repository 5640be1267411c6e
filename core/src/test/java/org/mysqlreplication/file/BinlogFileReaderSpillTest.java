package org.mysqlreplication.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.DecodeOptions;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.io.OpenDescriptors;
import org.mysqlreplication.io.SpillFileClosedException;
import org.mysqlreplication.value.LargeValue;

/**
 * A binlog file whose rows events are above a 1 KiB large-value threshold: those events are copied to spill files
 * and decoded from there. Events, positions and rows match the same file read with the default threshold (8 MiB,
 * so in memory), the large values holding the bytes of the in-memory values; closing the reader frees every spill
 * file, and a truncated event is reported as in memory without spilling.
 */
class BinlogFileReaderSpillTest {

    @TempDir
    Path spillDir;

    private BinlogFileReader spilling(String fixture) {
        DecodeContext ctx = new DecodeContext(DecodeOptions.defaults(UnknownEventPolicy.DELIVER)
                .withLargeValueThreshold(DecodeContext.MIN_LARGE_VALUE_THRESHOLD));
        return new BinlogFileReader(Fixtures.file(fixture), ctx, spillDir);
    }

    /** The bytes of an in-memory BLOB/TEXT value, as a {@link LargeValue} of it holds them. */
    private static byte[] bytesOf(Object value, LargeValue large) {
        return value instanceof String s ? s.getBytes(large.charset()) : (byte[]) value;
    }

    @ParameterizedTest
    @CsvSource({
        "enhancedformysql-mysql-8.0.40/mysql-test/std_data/upgrade/data_wl13352_8017/data_upgrade/binlog.000002, 60",
        "osheroff-mysql-binlog-connector-java/src/test/resources/mysql-bin.sakila, 1"
    })
    void largeRowsEventsReadFromSpillFilesGiveTheRowsOfMemory(String fixture, int expectedLarge) throws IOException {
        List<BinlogEvent> inMemory = Fixtures.readAll(fixture);
        List<LargeValue> large = new ArrayList<>();
        int spilledEvents = 0;
        try (BinlogFileReader r = spilling(fixture)) {
            for (BinlogEvent expected : inMemory) {
                BinlogEvent actual = r.next();
                assertThat(actual.header()).isEqualTo(expected.header());
                assertThat(r.position().position()).isEqualTo(expected.header().logPos());
                if (!(expected instanceof WriteRowsEvent w)) {
                    continue;
                }
                spilledEvents += w.header().eventSize() > DecodeContext.MIN_LARGE_VALUE_THRESHOLD ? 1 : 0;
                List<Row> rows = ((WriteRowsEvent) actual).rows();
                assertThat(rows).hasSameSizeAs(w.rows());
                for (int i = 0; i < rows.size(); i++) {
                    Row a = rows.get(i);
                    Row e = w.rows().get(i);
                    for (int c = 0; c < e.size(); c++) {
                        if (a.get(c) instanceof LargeValue v) {
                            large.add(v);
                            assertThat(v.toByteArray()).isEqualTo(bytesOf(e.get(c), v));
                        } else {
                            assertThat(a.get(c)).isEqualTo(e.get(c));
                        }
                    }
                }
            }
            assertThat(r.next()).isNull();
            assertThat(spilledEvents).isPositive();
            assertThat(large).hasSize(expectedLarge);
            try (Stream<Path> s = Files.list(spillDir)) {
                assertThat(s.toList())
                        .as("spill files leave the directory once open")
                        .isEmpty();
            }
        }
        assertThatThrownBy(() -> large.get(0).toByteArray()).isInstanceOf(SpillFileClosedException.class);
        if (OpenDescriptors.available()) {
            assertThat(OpenDescriptors.under(spillDir))
                    .as("open spill files after close")
                    .isZero();
        }
    }

    /** bug11747416_32228_binlog.000001 is cut at 8,192 bytes inside a 65,567-byte WRITE_ROWS_V1 event. */
    @Test
    void aTruncatedLargeEventIsReportedWithoutSpilling() {
        try (BinlogFileReader r = spilling("hans511002-erymysql/mysql-test/std_data/bug11747416_32228_binlog.000001")) {
            assertThat(r.next()).isNotNull(); // FORMAT_DESCRIPTION, QUERY, QUERY, TABLE_MAP
            assertThat(r.next()).isNotNull();
            assertThat(r.next()).isNotNull();
            assertThat(r.next()).isNotNull();
            assertThatThrownBy(r::next)
                    .isInstanceOf(BinlogFileException.class)
                    .hasMessageContaining("file ends inside an event: its header says 65567 bytes, 7876 remain")
                    .hasMessageContaining("position 316");
            if (OpenDescriptors.available()) {
                assertThat(OpenDescriptors.under(spillDir)).isZero();
            }
        }
    }
}
