package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.MariadbBinlogCheckpointEvent;
import org.mysqlreplication.file.BinlogFileReader;

/** {@code --only-events} takes every name the dump prints, checked over every event of the fixture corpus. */
class EventClassesTest {

    @Test
    void everyDumpTitleOfTheCorpusNamesTheClassOfItsEvent() throws IOException {
        Path root = CliRun.fixture("PROVENANCE.md").getParent();
        Map<String, Class<?>> titles = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().endsWith(".md"))
                    .toList();
        }
        for (Path file : files) {
            try (BinlogFileReader reader = new BinlogFileReader(file)) {
                for (BinlogEvent event : reader) {
                    titles.putIfAbsent(title(event.dump()), event.getClass());
                }
            } catch (BinlogException notReadableToTheEnd) {
                // the corpus has negative tests; the events before the error still count
            }
        }
        assertThat(titles)
                .containsKeys(
                        "MariadbBinLogCheckPointEvent",
                        "IntvarEvent",
                        "WriteRowsEvent",
                        "MariadbGtidEvent",
                        "XidEvent");
        titles.forEach((title, type) ->
                assertThat(EventClasses.byName(title)).as(title).isEqualTo(type));
    }

    @Test
    void namesMatchIgnoringCase() {
        assertThat(EventClasses.byName("mariadbbinlogcheckpointevent")).isEqualTo(MariadbBinlogCheckpointEvent.class);
        assertThat(EventClasses.byName("MariadbBinlogCheckpointEvent")).isEqualTo(MariadbBinlogCheckpointEvent.class);
        assertThat(EventClasses.byName("NoSuchEvent")).isNull();
    }

    private static String title(String dump) {
        String first = dump.lines().findFirst().orElseThrow();
        assertThat(first).startsWith("=== ").endsWith(" ===");
        return first.substring(4, first.length() - 4);
    }
}
