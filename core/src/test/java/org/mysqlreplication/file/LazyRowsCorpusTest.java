package org.mysqlreplication.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.DecodeOptions;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.value.PrimitiveValues;

/**
 * Lazy rows give exactly the values eager decoding gives: every fixture file is read twice side by side, once
 * with rows decoded with their events and once as lazy views, and every value of every row of every rows
 * event is compared (arrays by content), as well as the typed accessors of integer and floating-point columns
 * against the decoded value. A file whose eager reading fails (the corpus test lists those) is compared up to
 * the failure.
 */
class LazyRowsCorpusTest {

    @Test
    void lazyRowsEqualEagerRowsInEveryFixture() throws IOException {
        List<Path> files = Fixtures.allFiles();
        long[] counts = new long[3];
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                compareFile(f, problems, counts);
            } catch (BinlogFileException notABinlog) {
                // key files and cut headers: the corpus test lists them
            }
        }
        System.out.println("lazy vs eager: rows " + counts[0] + ", values " + counts[1] + ", typed reads " + counts[2]);
        assertThat(problems).isEmpty();
        assertThat(counts[1]).as("values compared").isGreaterThan(500_000);
        assertThat(counts[2]).as("typed reads compared").isGreaterThan(100_000);
    }

    private static void compareFile(Path f, List<String> problems, long[] counts) {
        DecodeContext lazyContext = new DecodeContext(
                DecodeOptions.defaults(UnknownEventPolicy.DELIVER).withLazyRows(true));
        try (BinlogFileReader eager = new BinlogFileReader(f);
                BinlogFileReader lazy = new BinlogFileReader(f, lazyContext)) {
            while (true) {
                BinlogEvent e;
                try {
                    e = eager.next();
                } catch (RuntimeException failure) {
                    return;
                }
                if (e == null) {
                    return;
                }
                compare(f.getFileName() + " at " + e.header().logPos(), rows(e), rows(lazy.next()), problems, counts);
            }
        }
    }

    private static List<Row> rows(BinlogEvent e) {
        if (e instanceof WriteRowsEvent w) {
            return w.rows();
        }
        if (e instanceof DeleteRowsEvent d) {
            return d.rows();
        }
        if (e instanceof UpdateRowsEvent u) {
            List<Row> rows = new ArrayList<>();
            for (UpdateRow r : u.rows()) {
                rows.add(r.before());
                rows.add(r.after());
            }
            return rows;
        }
        return List.of();
    }

    private static void compare(String where, List<Row> eager, List<Row> lazy, List<String> problems, long[] counts) {
        if (eager.size() != lazy.size()) {
            problems.add(where + ": " + eager.size() + " eager rows, " + lazy.size() + " lazy");
            return;
        }
        for (int r = 0; r < eager.size(); r++) {
            Row a = eager.get(r);
            Row b = lazy.get(r);
            counts[0]++;
            for (int i = 0; i < a.size(); i++) {
                if (a.isPresent(i) != b.isPresent(i) || !a.isPresent(i)) {
                    if (a.isPresent(i) != b.isPresent(i)) {
                        problems.add(where + " row " + r + " column " + i + ": presence differs");
                    }
                    continue;
                }
                Object x = a.get(i);
                if (!Objects.deepEquals(x, b.get(i)) || a.isNull(i) != b.isNull(i)) {
                    problems.add(where + " row " + r + " column " + i + ": values differ");
                }
                counts[1]++;
                if (x != null
                        && PrimitiveValues.isInteger(a.table().columns().get(i).def())
                        && (x instanceof Integer || x instanceof Long)) {
                    counts[2]++;
                    if (b.getLong(i) != ((Number) x).longValue() || a.getLong(i) != b.getLong(i)) {
                        problems.add(where + " row " + r + " column " + i + ": getLong differs");
                    }
                } else if (x instanceof Double || x instanceof Float) {
                    counts[2]++;
                    if (Double.compare(b.getDouble(i), ((Number) x).doubleValue()) != 0) {
                        problems.add(where + " row " + r + " column " + i + ": getDouble differs");
                    }
                }
            }
        }
    }
}
