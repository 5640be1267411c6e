package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code read --format json --events all} over every fixture file that {@code summary} reads to its end: every
 * line is one JSON object that Jackson parses with duplicate keys refused, one per event, rows events giving one
 * line per row; and the usage errors of the two options.
 */
class JsonLinesCorpusTest {

    private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Test
    void everyReadableFixtureGivesOneValidObjectPerEventOrRow() throws IOException {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder absent");
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("PROVENANCE.md"))
                    .sorted()
                    .toList();
        }
        List<String> problems = new ArrayList<>();
        int read = 0;
        long rowLines = 0;
        for (Path f : files) {
            BinlogSummary summary = BinlogSummary.of(f);
            if (!summary.complete()) {
                continue;
            }
            CliIT.Result r = CliIT.run("read", "--format", "json", "--events", "all", f.toString());
            if (r.exitCode() != 0) {
                problems.add(f + ": exit " + r.exitCode() + ": " + r.err());
                continue;
            }
            read++;
            long lines = 0;
            for (String line : r.out().split("\n", -1)) {
                if (line.isEmpty()) {
                    continue;
                }
                lines++;
                try {
                    JsonNode n = JSON.readTree(line);
                    if (!n.isObject() || !(n.has("event") || n.has("data"))) {
                        problems.add(f + ": not an event or row object: " + line.substring(0, 80));
                    }
                    rowLines += n.has("data") ? 1 : 0;
                } catch (IOException e) {
                    problems.add(f + ": invalid JSON: " + e.getMessage());
                }
            }
            long events = summary.eventTypes().entrySet().stream()
                    .filter(e -> e.getKey() != 40)
                    .mapToLong(e -> e.getValue())
                    .sum();
            if (lines < events) {
                problems.add(f + ": " + lines + " lines for " + events + " events");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(read).isGreaterThanOrEqualTo(176);
        assertThat(rowLines).isGreaterThan(1000);
    }

    @Test
    void eventsNeedJsonAndBothOptionsTakeOnlyTheirValues() {
        Path any = ROOT.resolve("osheroff-mysql-binlog-connector-java/src/test/resources/mysql-bin.compressed");
        assertThat(CliIT.run("read", "--events", "all", any.toString()).exitCode())
                .isEqualTo(2);
        CliIT.Result bad = CliIT.run("read", "--format", "yaml", any.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--format must be text or json, found 'yaml'");
        assertThat(CliIT.run("read", "--format", "json", "--events", "some", any.toString())
                        .exitCode())
                .isEqualTo(2);
        assertThat(CliIT.run("summary", "--format", "xml", any.toString()).exitCode())
                .isEqualTo(2);
    }
}
