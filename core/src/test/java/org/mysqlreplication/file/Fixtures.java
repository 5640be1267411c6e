package org.mysqlreplication.file;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mysqlreplication.event.BinlogEvent;

/** Access to the real binlog files of {@code ../shared/fixtures/binlogs} (see its PROVENANCE.md). */
final class Fixtures {

    static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");

    private Fixtures() {}

    /** The fixture file at {@code relative}; skips the test when the fixtures folder is absent. */
    static Path file(String relative) {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder " + ROOT.toAbsolutePath() + " is absent");
        return ROOT.resolve(relative);
    }

    /** All events of a fixture file, decoded with the default file-reader context. */
    static List<BinlogEvent> readAll(String relative) {
        List<BinlogEvent> events = new ArrayList<>();
        try (BinlogFileReader r = new BinlogFileReader(file(relative))) {
            r.forEach(events::add);
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    static <T extends BinlogEvent> List<T> only(List<BinlogEvent> events, Class<T> type) {
        return (List<T>) events.stream().filter(type::isInstance).toList();
    }
}
