package org.mysqlreplication.file;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mysqlreplication.event.BinlogEvent;

/** Access to the real binlog files of {@code ../shared/fixtures/binlogs} (see its PROVENANCE.md). */
public final class Fixtures {

    static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");

    private Fixtures() {}

    /** The fixture file at {@code relative}; skips the test when the fixtures folder is absent. */
    static Path file(String relative) {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder " + ROOT.toAbsolutePath() + " is absent");
        return ROOT.resolve(relative);
    }

    /**
     * Every file of the fixtures folder but its PROVENANCE.md, in path order; skips the test when the folder is
     * absent.
     */
    public static List<Path> allFiles() throws IOException {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder " + ROOT.toAbsolutePath() + " is absent");
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("PROVENANCE.md"))
                    .sorted()
                    .toList();
        }
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
