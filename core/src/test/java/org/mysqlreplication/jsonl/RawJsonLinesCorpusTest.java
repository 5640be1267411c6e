package org.mysqlreplication.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.DecodeOptions;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.file.Fixtures;

/**
 * The JSON lines of lazy rows, whose common values are written from their bytes, are byte for byte those of rows
 * decoded with their events, in every fixture file (every event, with positions), up to the first event that the
 * eager reading fails on.
 */
class RawJsonLinesCorpusTest {

    @Test
    void lazyRowsWriteTheLinesOfDecodedRowsInEveryFixture() throws IOException {
        List<Path> files = Fixtures.allFiles();
        List<String> problems = new ArrayList<>();
        long fromBytes = 0;
        long bytes = 0;
        int compared = 0;
        for (Path f : files) {
            ByteArrayOutputStream eagerOut = new ByteArrayOutputStream();
            ByteArrayOutputStream lazyOut = new ByteArrayOutputStream();
            JsonLines eagerLines = JsonLines.utf8(eagerOut, true);
            JsonLines lazyLines = JsonLines.utf8(lazyOut, true);
            DecodeContext lazyContext = new DecodeContext(
                    DecodeOptions.defaults(UnknownEventPolicy.DELIVER).withLazyRows(true));
            try (BinlogFileReader eager = new BinlogFileReader(f);
                    BinlogFileReader lazy = new BinlogFileReader(f, lazyContext)) {
                while (true) {
                    BinlogEvent e;
                    try {
                        e = eager.next();
                        if (e == null) {
                            break;
                        }
                        eagerLines.write(
                                e, f.getFileName().toString(), e.header().logPos());
                    } catch (RuntimeException failure) {
                        break; // not a binlog, or an event the corpus test lists as failing
                    }
                    BinlogEvent l = lazy.next();
                    lazyLines.write(l, f.getFileName().toString(), l.header().logPos());
                }
            } catch (RuntimeException notABinlog) {
                continue;
            }
            eagerLines.finish();
            lazyLines.finish();
            byte[] a = eagerOut.toByteArray();
            byte[] b = lazyOut.toByteArray();
            if (!Arrays.equals(a, b)) {
                int at = Arrays.mismatch(a, b);
                problems.add(f + ": differ at byte " + at + ": "
                        + new String(a, Math.max(0, at - 80), Math.min(160, a.length - Math.max(0, at - 80)))
                        + " / " + new String(b, Math.max(0, at - 80), Math.min(160, b.length - Math.max(0, at - 80))));
            }
            compared++;
            bytes += a.length;
            fromBytes += lazyLines.valuesFromBytes();
            assertThat(eagerLines.valuesFromBytes()).isZero();
        }
        System.out.println("JSON lines, lazy vs eager: " + compared + " files, " + bytes + " bytes, " + fromBytes
                + " values written from their bytes");
        assertThat(problems).isEmpty();
        assertThat(compared).isGreaterThan(150);
        assertThat(fromBytes).as("values written from their bytes").isGreaterThan(300_000);
    }
}
