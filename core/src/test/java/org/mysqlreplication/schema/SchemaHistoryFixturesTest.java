package org.mysqlreplication.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.SchemaHistoryResolver;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.file.BinlogFileReader;

/**
 * The real MySQL and MariaDB binlogs of the fixture corpus read with a schema history fed by their own QUERY
 * events, under the FAIL policy: where a file's TABLE_MAPs carry column names (binlog_row_metadata=FULL) the
 * history's definitions must agree with them, names included, at every event; where they do not, the tables the
 * history followed from their CREATE in the file get their names from it, and the check still passes.
 */
class SchemaHistoryFixturesTest {

    private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");

    record Counts(int checkedAgainstNames, int namedByHistory, int files) {}

    @Test
    void rowsOfTheFixtureFilesDecodeUnderTheirHistory() throws IOException {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder " + ROOT.toAbsolutePath() + " is absent");
        List<Path> files;
        try (Stream<Path> all = Files.walk(ROOT)) {
            files = all.filter(Files::isRegularFile)
                    .filter(SchemaHistoryFixturesTest::decodesPlainly)
                    .sorted()
                    .toList();
        }
        int checked = 0;
        int named = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            SchemaHistory history = new SchemaHistory(new InMemorySchemaHistoryStore());
            DecodeContext ctx = new DecodeContext(
                    new SchemaHistoryResolver(history, SchemaMismatchPolicy.FAIL, m -> {}), UnknownEventPolicy.DELIVER);
            try (BinlogFileReader reader = new BinlogFileReader(f, ctx)) {
                for (BinlogEvent e = reader.next(); e != null; e = reader.next()) {
                    if (e instanceof QueryEvent q) {
                        SchemaHistoryResolver.apply(
                                history,
                                q,
                                f.getFileName().toString(),
                                reader.position().position());
                    } else if (e instanceof TableMapEvent tm && history.table(tm.schema(), tm.table()) != null) {
                        if (tm.optionalMetadata().columnNames().isEmpty()) {
                            named++;
                        } else {
                            checked++;
                        }
                    } else if (e instanceof RowsEvent) {
                        continue;
                    }
                }
            } catch (RuntimeException e) {
                failures.add(ROOT.relativize(f) + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked)
                .as("TABLE_MAPs with names checked against the history")
                .isPositive();
        assertThat(named).as("TABLE_MAPs without names named by the history").isPositive();
    }

    /** Files the reader decodes without a history (the corpus has corrupt, encrypted and truncated ones). */
    private static boolean decodesPlainly(Path f) {
        try (BinlogFileReader reader = new BinlogFileReader(f)) {
            while (reader.next() != null) {
                // read to the end
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
