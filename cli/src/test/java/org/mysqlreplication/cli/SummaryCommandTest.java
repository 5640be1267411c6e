package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code summary} over every file of the fixture corpus. Its events per type code are compared with an independent
 * count: a walk over the raw event headers written here (type at byte 4, size at byte 9 of each header), plus, for
 * files with MySQL compressed transactions, the inner events PROVENANCE.md lists for them (its scanner decompressed
 * the payloads); the walk itself is checked against PROVENANCE.md's own per-file event list. A file that cannot be
 * read to its end must give the one-line error with file and offset and exit 1.
 */
class SummaryCommandTest {

    private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");

    @Test
    void everyFixtureFileIsCountedAsAnIndependentHeaderWalkCountsIt() throws IOException {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder absent");
        Map<String, Map<Integer, Long>> listed = new HashMap<>();
        Map<String, Map<Integer, Long>> inner = new HashMap<>();
        provenance(ROOT.resolve("PROVENANCE.md"), listed, inner);
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("PROVENANCE.md"))
                    .sorted()
                    .toList();
        }
        List<String> problems = new ArrayList<>();
        int complete = 0;
        int checkedAgainstProvenance = 0;
        for (Path f : files) {
            String rel = ROOT.relativize(f).toString().replace('\\', '/');
            BinlogSummary s = BinlogSummary.of(f);
            if (!s.complete()) {
                CliIT.Result r = CliIT.run("summary", "--format", "json", f.toString());
                if (r.exitCode() != 1
                        || !r.err().strip().contains(f.toString())
                        || !r.err().contains("offset ")
                        || r.err().strip().contains("\n")
                        || !r.out().contains("\"complete\":false")) {
                    problems.add(rel + ": incomplete, but exit " + r.exitCode() + ", stderr " + r.err());
                }
                continue;
            }
            complete++;
            Map<Integer, Long> walk = headerWalk(Files.readAllBytes(f));
            Map<Integer, Long> top = listed.get(rel);
            if (top != null) {
                checkedAgainstProvenance++;
                if (!top.equals(walk)) {
                    problems.add(rel + ": the header walk counts " + walk + ", PROVENANCE.md lists " + top);
                }
            }
            Map<Integer, Long> expected = new TreeMap<>(walk);
            inner.getOrDefault(rel, Map.of()).forEach((k, v) -> expected.merge(k, v, Long::sum));
            if (!expected.equals(s.eventTypes())) {
                problems.add(rel + ": summary counts " + s.eventTypes() + ", expected " + expected);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(complete).isGreaterThanOrEqualTo(176);
        assertThat(checkedAgainstProvenance).isGreaterThanOrEqualTo(170);
        assertThat(inner).as("files with compressed transactions").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void jsonIsOneObjectPerFileKeyedByTypeCode() {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder absent");
        Path compressed = ROOT.resolve("osheroff-mysql-binlog-connector-java/src/test/resources/mysql-bin.compressed");
        CliIT.Result r = CliIT.run("summary", "--format", "json", compressed.toString(), compressed.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        // PROVENANCE.md: 5 events (4, 15, 34, 35, 40), the payload holding 2 QUERY, 16 XID, 19 TABLE_MAP, 31
        // UPDATE_ROWS_V2; server 8.0.28, v4, CRC32
        assertThat(lines.get(0))
                .startsWith("{\"file\":\"" + compressed + "\",\"server_version\":\"8.0.28\","
                        + "\"binlog_version\":4,\"checksum\":\"CRC32\",")
                .contains(
                        "\"event_types\":{\"2\":1,\"4\":1,\"15\":1,\"16\":1,\"19\":1,\"31\":1,\"34\":1,\"35\":1,"
                                + "\"40\":1}",
                        "\"tables\":{\"demo.movies\":{\"inserted\":0,\"updated\":1,\"deleted\":0}}",
                        "\"transactions\":1");
    }

    /** Events per type code, from the 19-byte headers alone: type at offset 4, event size at offset 9. */
    private static Map<Integer, Long> headerWalk(byte[] b) {
        Map<Integer, Long> counts = new TreeMap<>();
        int pos = 4;
        while (pos + 19 <= b.length) {
            long size = (b[pos + 9] & 0xFFL)
                    | (b[pos + 10] & 0xFFL) << 8
                    | (b[pos + 11] & 0xFFL) << 16
                    | (b[pos + 12] & 0xFFL) << 24;
            counts.merge(b[pos + 4] & 0xFF, 1L, Long::sum);
            if (size < 19) {
                break;
            }
            pos += (int) size;
        }
        return counts;
    }

    private static final Pattern FILE = Pattern.compile("^#### `(.+)`$");
    private static final Pattern EVENTS = Pattern.compile("^- events \\((\\d+)\\): (.*)$");
    private static final Pattern INNER = Pattern.compile("^- TRANSACTION_PAYLOAD compression: .*; inner events: (.*)$");
    private static final Pattern ITEM = Pattern.compile("(\\d+) \\S+ x(\\d+)");

    /** PROVENANCE.md's per-file event lists (when they add up to the stated total) and payload inner events. */
    private static void provenance(
            Path md, Map<String, Map<Integer, Long>> listed, Map<String, Map<Integer, Long>> inner) throws IOException {
        String current = null;
        for (String line : Files.readAllLines(md)) {
            Matcher f = FILE.matcher(line);
            Matcher e = EVENTS.matcher(line);
            Matcher i = INNER.matcher(line);
            if (f.matches()) {
                current = f.group(1);
            } else if (current != null && e.matches()) {
                Map<Integer, Long> counts = items(e.group(2));
                if (counts.values().stream().mapToLong(Long::longValue).sum() == Long.parseLong(e.group(1))) {
                    listed.put(current, counts);
                }
            } else if (current != null && i.matches()) {
                inner.put(current, items(i.group(1)));
            }
        }
    }

    private static Map<Integer, Long> items(String list) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (String item : list.split(", ")) {
            Matcher m = ITEM.matcher(item);
            if (m.find()) {
                counts.merge(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long::sum);
            }
        }
        return counts;
    }
}
