package org.mysqlreplication.file;

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
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.decode.ChecksumException;
import org.mysqlreplication.event.decode.EventDecodeException;
import org.mysqlreplication.event.decode.UnsupportedEventException;

/**
 * Every file of the fixture corpus is read from start to end. A file either decodes without error, and then the
 * number of events of each type code equals what PROVENANCE.md lists for it (counted by an independent scanner;
 * the reader hands out the events inside a TRANSACTION_PAYLOAD in its place, so those files expect the inner
 * events PROVENANCE.md lists instead of their payloads),
 * or it fails with the typed error listed below with the reason. Every decoded event must also dump. No file is skipped, and a listed failure that no
 * longer happens fails the test too.
 */
class CorpusTest {

    private record Expected(Class<? extends BinlogException> type, String messagePart, String why) {}

    private static final String MYSQL80 = "enhancedformysql-mysql-8.0.40/mysql-test/";
    private static final String ERYMYSQL = "hans511002-erymysql/mysql-test/";
    private static final String PERCONA = "session-replay-tools-percona-server-8.0.27-18/mysql-test/std_data/";

    private static final Map<String, Expected> EXPECTED_FAILURES = new HashMap<>();

    static {
        for (String f : List.of(
                "duplicate_xid",
                "duplicate_xid_ddl",
                "duplicate_xid_xa_prepare",
                "malformed_xid_xa_commit",
                "malformed_xid_xa_rollback")) {
            fail(
                    MYSQL80 + "std_data/binlog_recovery/" + f + ".000001",
                    ChecksumException.class,
                    "CRC32 mismatch",
                    "negative test: PROVENANCE lists one event with a bad CRC32");
        }
        fail(
                MYSQL80 + "std_data/binlog_truncated_event.000001",
                BinlogFileException.class,
                "ends inside an event header",
                "negative test: truncated event");
        fail(
                MYSQL80 + "std_data/binlog_truncated_prev_gtid_event.000001",
                BinlogFileException.class,
                "ends inside an event header",
                "negative test: truncated PREVIOUS_GTIDS event");
        fail(
                ERYMYSQL + "std_data/bug11747416_32228_binlog.000001",
                BinlogFileException.class,
                "ends inside an event",
                "negative test: file cut inside a 65567-byte WRITE_ROWS event");
        fail(
                MYSQL80 + "std_data/corrupt-relay-bin.000624",
                EventDecodeException.class,
                "QUERY_EVENT",
                "negative test: a broken QUERY event (rust_mysql_common's corpus test skips it for that reason)");
        fail(
                MYSQL80 + "std_data/rpl_nogtid_encryption_master-bin.000002",
                BinlogFileException.class,
                "found fd 62 69 6e",
                "MySQL 8 encrypted binlog (magic fd 'bin'): decryption not supported");
        for (String key : List.of(
                MYSQL80 + "std_data/rpl_nogtid_encryption_keyring_master",
                "ottok-mariadb-10.3/mysql-test/std_data/keys.txt",
                PERCONA + "57_binlog_encryption/keyring_with_percona_binlog_key",
                PERCONA + "57_binlog_encryption/keyring_with_percona_binlog_key_for_slave")) {
            fail(key, BinlogFileException.class, "not a binlog file", "a key file kept beside encrypted binlogs");
        }
        fail(
                "ottok-mariadb-10.3/mysql-test/std_data/binlog_before_20574.bin",
                UnsupportedEventException.class,
                "encrypted binlog",
                "MariaDB encrypted binlog (START_ENCRYPTION): decryption not supported");
        for (String f : List.of(
                "ps_encrypted_master-bin.000002",
                "ps_encrypted_slave-relay-bin.000001",
                "ps_encrypted_slave-relay-bin.000002",
                "ps_encrypted_truncated_master-bin.000002")) {
            fail(
                    PERCONA + "57_binlog_encryption/" + f,
                    UnsupportedEventException.class,
                    "encrypted binlog",
                    "Percona 5.7 encrypted binlog: decryption not supported");
        }
        fail(
                MYSQL80 + "suite/binlog/std_data/ver_5_1-wl2325_r.001",
                EventDecodeException.class,
                "left over",
                "5.2.2 row-replication prototype (WL#2325) with its own event type numbering");
        fail(
                MYSQL80 + "suite/binlog/std_data/ver_5_1-wl2325_s.001",
                EventDecodeException.class,
                "PRE_GA_WRITE_ROWS_EVENT",
                "5.2.2 row-replication prototype (WL#2325) rows layout");
        fail(
                ERYMYSQL + "std_data/master-bin.000001",
                EventDecodeException.class,
                "binlog format version 2",
                "MySQL 4.0.0 binlog format v2: not supported");
        for (String f : List.of("bug32407.001", "ver_5_1-telco.001", "ver_5_1_17.001")) {
            fail(
                    ERYMYSQL + "suite/binlog/std_data/" + f,
                    EventDecodeException.class,
                    "pre-GA layout",
                    "MySQL 5.1.15/5.1.17 pre-GA TABLE_MAP without column metadata: not supported");
        }
        fail(
                "pingcap-tiflow/mysql-bin.000001",
                EventDecodeException.class,
                "WRITE_ROWS_EVENT_V1",
                "MariaDB 10.0 TIMESTAMP(n) columns are logged as TIMESTAMP without their precision in TABLE_MAP,"
                        + " so their fraction bytes cannot be sized from the binlog alone");
    }

    private static void fail(String file, Class<? extends BinlogException> type, String part, String why) {
        EXPECTED_FAILURES.put(file, new Expected(type, part, why));
    }

    @Test
    void everyFixtureDecodesOrFailsAsListed() throws IOException {
        Path root = Fixtures.ROOT;
        assumeTrue(Files.isDirectory(root), "fixtures folder absent");
        Map<String, Map<Integer, Integer>> provenance = provenanceCounts(root.resolve("PROVENANCE.md"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("PROVENANCE.md"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(200);
        List<String> problems = new ArrayList<>();
        int decoded = 0;
        int compared = 0;
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            Map<Integer, Integer> counts = new TreeMap<>();
            RuntimeException failure = null;
            try (BinlogFileReader r = new BinlogFileReader(f)) {
                for (BinlogEvent e : r) {
                    counts.merge(e.header().typeCode(), 1, Integer::sum);
                    String dump = e.dump();
                    if (!dump.startsWith("=== ")
                            || !dump.endsWith("\n\n")
                            || e.toString().isEmpty()) {
                        problems.add(rel + ": odd dump of " + e.header().typeName());
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            Expected expected = EXPECTED_FAILURES.get(rel);
            if (expected == null && failure != null) {
                problems.add(rel + ": unexpected " + failure);
            } else if (expected != null && failure == null) {
                problems.add(rel + ": listed as failing (" + expected.why() + ") but decoded");
            } else if (expected != null) {
                if (!expected.type().isInstance(failure)
                        || !failure.getMessage().contains(expected.messagePart())) {
                    problems.add(rel + ": expected " + expected.type().getSimpleName() + " with '"
                            + expected.messagePart() + "', got " + failure);
                }
            } else {
                decoded++;
                Map<Integer, Integer> listed = provenance.get(rel);
                compared += listed == null ? 0 : 1;
                if (listed != null && !listed.equals(counts)) {
                    problems.add(rel + ": event counts " + counts + ", PROVENANCE.md lists " + listed);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(decoded).isGreaterThanOrEqualTo(176);
        assertThat(compared).as("files whose event counts were compared").isGreaterThanOrEqualTo(170);
    }

    private static final Pattern FILE = Pattern.compile("^#### `(.+)`$");
    private static final Pattern EVENTS = Pattern.compile("^- events \\((\\d+)\\): (.*)$");
    private static final Pattern ITEM = Pattern.compile("(\\d+) \\S+ x(\\d+)");
    private static final Pattern INNER = Pattern.compile("^- TRANSACTION_PAYLOAD compression: .*; inner events: (.*)$");

    /**
     * Per file, events by type code as PROVENANCE.md lists them; for a file with TRANSACTION_PAYLOAD events, the
     * events found inside them in place of the payloads.
     */
    static Map<String, Map<Integer, Integer>> provenanceCounts(Path md) throws IOException {
        Map<String, Map<Integer, Integer>> out = new HashMap<>();
        String current = null;
        for (String line : Files.readAllLines(md)) {
            Matcher f = FILE.matcher(line);
            if (f.matches()) {
                current = f.group(1);
                continue;
            }
            Matcher e = EVENTS.matcher(line);
            if (current != null && e.matches()) {
                Map<Integer, Integer> counts = new TreeMap<>();
                int total = count(e.group(2), counts);
                if (total == Integer.parseInt(e.group(1))) {
                    out.put(current, counts);
                }
            }
            Matcher inner = INNER.matcher(line);
            if (current != null && inner.matches() && out.containsKey(current)) {
                out.get(current).remove(40);
                count(inner.group(1), out.get(current));
            }
        }
        return out;
    }

    /** Adds the counts of a list such as {@code 2 QUERY x3, 16 XID x3} to {@code counts}; returns their sum. */
    private static int count(String list, Map<Integer, Integer> counts) {
        int total = 0;
        for (String item : list.split(", ")) {
            Matcher i = ITEM.matcher(item);
            if (i.find()) {
                counts.merge(Integer.parseInt(i.group(1)), Integer.parseInt(i.group(2)), Integer::sum);
                total += Integer.parseInt(i.group(2));
            }
        }
        return total;
    }
}
