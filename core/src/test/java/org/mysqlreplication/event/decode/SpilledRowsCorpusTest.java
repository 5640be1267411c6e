package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.LargeValue;
import org.mysqlreplication.value.ValueDecoder;

/**
 * Every rows event of the real binlog fixtures ({@code ../shared/fixtures/binlogs}), whatever its size, is decoded
 * twice: in memory as usual, and from a spill file with a large-value threshold of 1 KiB. The rows must be the
 * same: every value equal, except that values above 1 KiB are {@link LargeValue}s whose bytes, decoded as the
 * column's value, give the in-memory value. An event the in-memory decoding rejects must be rejected too.
 */
class SpilledRowsCorpusTest {

    static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");
    private static final byte[] MAGIC = {(byte) 0xFE, 'b', 'i', 'n'};

    @TempDir
    Path dir;

    private int rowsEvents;
    private int largeValues;
    private int failures;

    @Test
    void everyRowsEventDecodesFromASpillFileAsFromMemory() throws IOException {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder " + ROOT.toAbsolutePath() + " is absent");
        List<Path> paths;
        try (Stream<Path> s = Files.walk(ROOT)) {
            paths = s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
        try (SpillFiles files = new SpillFiles(dir)) {
            for (Path p : paths) {
                compare(p, Files.readAllBytes(p), files);
            }
        }
        assertThat(rowsEvents).as("rows events compared").isGreaterThan(1000);
        // the 60 WRITE_ROWS of data_wl13352_8017 and mysql-bin.sakila's film_text row hold values above 1 KiB
        assertThat(largeValues).as("large values compared").isGreaterThanOrEqualTo(61);
        assertThat(failures).as("events both decodings reject").isPositive();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    private void compare(Path path, byte[] f, SpillFiles files) {
        if (f.length < 4 || !java.util.Arrays.equals(f, 0, 4, MAGIC, 0, 4)) {
            return;
        }
        DecodeOptions options = DecodeOptions.defaults(UnknownEventPolicy.DELIVER)
                .withLargeValueThreshold(DecodeContext.MIN_LARGE_VALUE_THRESHOLD);
        DecodeContext memoryCtx = new DecodeContext(options);
        DecodeContext spillCtx = new DecodeContext(options);
        memoryCtx.setBinlogFile(path.getFileName().toString());
        spillCtx.setBinlogFile(path.getFileName().toString());
        EventDecoder memory = new EventDecoder(memoryCtx);
        EventDecoder spilled = new EventDecoder(spillCtx);
        for (int pos = 4; pos + 19 <= f.length; ) {
            long size = ByteReader.of(f, pos + 9, 4).readUint32();
            if (size < 19 || size > f.length - pos) {
                return; // a truncated file
            }
            boolean rows = EventType.ofCode(f[pos + 4] & 0xFF).isRowsEvent();
            BinlogEvent expected;
            try {
                expected = memory.decode(ByteReader.of(f, pos, (int) size), pos);
            } catch (RuntimeException e) {
                if (rows) {
                    failures++;
                    int at = pos;
                    assertThatThrownBy(() -> spilled.decodeSpilled(spill(files, f, at, (int) size), 0, at))
                            .as(path + " @" + pos)
                            .isInstanceOf(EventDecodeException.class);
                }
                return; // the stream state after a failure is not worth comparing
            }
            if (rows) {
                rowsEvents++;
                BinlogEvent actual = spilled.decodeSpilled(spill(files, f, pos, (int) size), 0, pos);
                compareRows(path + " @" + pos, expected, actual);
            } else {
                spilled.decode(ByteReader.of(f, pos, (int) size), pos);
            }
            pos += (int) size;
        }
    }

    private static SpillFile spill(SpillFiles files, byte[] f, int pos, int size) {
        SpillFile file = files.create();
        file.write(f, pos, size);
        return file;
    }

    private void compareRows(String where, BinlogEvent expected, BinlogEvent actual) {
        assertThat(actual.getClass()).as(where).isEqualTo(expected.getClass());
        assertThat(actual.header()).as(where).isEqualTo(expected.header());
        List<Row> e = images(expected);
        List<Row> a = images(actual);
        assertThat(a).as(where).hasSameSizeAs(e);
        for (int r = 0; r < e.size(); r++) {
            assertThat(a.get(r).present()).as(where).isEqualTo(e.get(r).present());
            for (int i = 0; i < e.get(r).size(); i++) {
                if (e.get(r).isPresent(i)) {
                    compareValue(
                            where + " row " + r + " column " + i,
                            e.get(r).table().columns().get(i).def(),
                            e.get(r).get(i),
                            a.get(r).get(i));
                }
            }
        }
    }

    private void compareValue(String where, ColumnDef def, Object expected, Object actual) {
        if (actual instanceof LargeValue large) {
            largeValues++;
            byte[] bytes = large.toByteArray();
            assertThat(bytes.length).as(where).isGreaterThan(DecodeContext.MIN_LARGE_VALUE_THRESHOLD);
            int width = ValueDecoder.lengthPrefixWidth(def);
            byte[] prefixed = new byte[width + bytes.length];
            for (int k = 0; k < width; k++) {
                prefixed[k] = (byte) (bytes.length >>> (8 * k));
            }
            System.arraycopy(bytes, 0, prefixed, width, bytes.length);
            actual = ValueDecoder.decode(ByteReader.of(prefixed), def);
        }
        assertThat(actual).as(where).usingRecursiveComparison().isEqualTo(expected);
    }

    private static List<Row> images(BinlogEvent e) {
        if (e instanceof WriteRowsEvent w) {
            return w.rows();
        }
        if (e instanceof DeleteRowsEvent d) {
            return d.rows();
        }
        List<Row> all = new ArrayList<>();
        for (UpdateRow u : ((UpdateRowsEvent) e).rows()) {
            all.add(u.before());
            all.add(u.after());
        }
        return all;
    }
}
