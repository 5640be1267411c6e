package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.decode.EventDecodeException;
import org.mysqlreplication.schema.FileSchemaHistoryStore;
import org.mysqlreplication.schema.InMemorySchemaHistoryStore;
import org.mysqlreplication.schema.SchemaMismatchPolicy;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Rows read long after their DDL: a table created, written, altered in each way the history follows, with a write
 * after each step; the whole binlog is read from the start afterwards, and every row's names and values must equal
 * what the server's SELECT (and information_schema's column list) said right after that row was written.
 */
class SchemaHistoryIT {

    /** DDL steps, each followed by one INSERT (the row's id is the step number). Table, DDL, insert values. */
    static final String[][] STEPS = {
        {"t", "CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10), b INT)", "(1, '7', -5)"},
        {"t", "ALTER TABLE t ADD COLUMN m VARCHAR(5) AFTER id", "(2, 'mm', '8', 6)"},
        {"t", "ALTER TABLE t DROP COLUMN b", "(3, 'm3', '9')"},
        {"t", "ALTER TABLE t MODIFY a BIGINT UNSIGNED", "(4, 'm4', 18446744073709551615)"},
        {"t", "ALTER TABLE t CHANGE m mm VARCHAR(6), RENAME COLUMN a TO a2", "(5, 'm5', 5)"},
        {"t", "ALTER TABLE t ADD COLUMN e ENUM('x','y') FIRST, ADD tx TEXT AFTER id", "('y', 6, 'tëxt', 'm6', 6)"},
        {"t", "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4", "('x', 7, 'ü€😀', 'm7', 7)"},
        {"t", "ALTER TABLE t MODIFY e ENUM('z','y','x')", "('z', 8, 't8', 'm8', 8)"},
        {"t2", "RENAME TABLE t TO t2", "('y', 9, 't9', 'm9', 9)"},
        {"t2", "DROP TABLE t2", null},
        {
            "t2",
            "CREATE TABLE t2 (id INT PRIMARY KEY, q CHAR(3), r INT UNSIGNED) DEFAULT CHARSET=utf8mb4",
            "(11, 'qq', 4294967295)"
        },
        {
            "t2",
            "/*!50100 ALTER TABLE `t2` ADD COLUMN `f` INT FIRST, ADD COLUMN `g g` INT AFTER q */",
            "(-1, 12, 'q', -2, 3)"
        },
    };

    /** Runs the steps; returns, per row id, the column names and values the server had right after it. */
    static Map<Integer, Map<String, String>> runSteps(LocalMariaDb db, int from, int to) {
        Map<Integer, Map<String, String>> expected = new LinkedHashMap<>();
        for (int s = from; s < to; s++) {
            String[] step = STEPS[s];
            db.execute("USE h", step[1]);
            if (step[2] == null) {
                continue;
            }
            db.execute("INSERT INTO h." + step[0] + " VALUES " + step[2]);
            int id = s + 1;
            List<List<String>> names = db.query("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE"
                    + " TABLE_SCHEMA = 'h' AND TABLE_NAME = '" + step[0] + "' ORDER BY ORDINAL_POSITION");
            List<String> values =
                    db.query("SELECT * FROM h." + step[0] + " WHERE id = " + id).get(0);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i).get(0), values.get(i));
            }
            expected.put(id, row);
        }
        return expected;
    }

    static Map<Integer, Map<String, String>> decoded(List<Row> rows) {
        Map<Integer, Map<String, String>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            r.asMap().forEach((k, v) -> m.put(k, v == null ? null : String.valueOf(v)));
            out.put(((Number) r.get("id")).intValue(), m);
        }
        return out;
    }

    static List<Row> rows(BinLogStreamReaderConfig config) {
        return SchemaCheckIT.rowsOf(config);
    }

    @ParameterizedTest(name = "binlog_row_metadata={0}")
    @ValueSource(strings = {"NO_LOG", "FULL"})
    void everyRowHasTheNamesAndValuesOfItsTime(String metadata) {
        try (LocalMariaDb db =
                LocalMariaDb.builder().binlogRowMetadata(metadata).start()) {
            db.execute("CREATE DATABASE h");
            Map<Integer, Map<String, String>> expected = runSteps(db, 0, STEPS.length);
            // FAIL policy: a history that disagreed with any TABLE_MAP (FULL: names too) would fail the read
            List<Row> rows = rows(config(db)
                    .onlySchemas("h")
                    .schemaHistory(new InMemorySchemaHistoryStore())
                    .build());
            assertThat(decoded(rows)).isEqualTo(expected);
            assertThat(expected).hasSize(11);
            assertThat(expected.get(12)).containsKeys("f", "g g");
        }
    }

    @Test
    void aRestartFromASavedPositionWithItsStoredHistoryAfterMoreDdl(@TempDir Path dir) {
        try (LocalMariaDb db =
                LocalMariaDb.builder().binlogRowMetadata("NO_LOG").start()) {
            db.execute("CREATE DATABASE h");
            Map<Integer, Map<String, String>> expected = runSteps(db, 0, 4);
            Path file = dir.resolve("history.jsonl");
            BinlogPosition afterRow2 = null;
            try (BinLogStreamReader first = new BinLogStreamReader(config(db)
                    .onlySchemas("h")
                    .schemaHistory(new FileSchemaHistoryStore(file))
                    .build())) {
                for (BinlogEvent e : first) {
                    if (e instanceof WriteRowsEvent w
                            && w.rows().get(0).get("id").equals(2)) {
                        afterRow2 = first.position();
                    }
                }
            }
            expected.putAll(runSteps(db, 4, STEPS.length)); // more DDL on the server, no reader running
            expected.remove(1);
            expected.remove(2);

            List<Row> rows = rows(config(db)
                    .onlySchemas("h")
                    .startAt(afterRow2)
                    .schemaHistory(new FileSchemaHistoryStore(file))
                    .build());
            assertThat(decoded(rows)).isEqualTo(expected);
        }
    }

    /**
     * A reader started at the server's current position takes the tables from information_schema there; a reader
     * restarted at that position later, after DDL on a table created before any history, names its rows right.
     */
    @Test
    void aHistoryStartedAtTheServersPositionBeginsWithInformationSchema(@TempDir Path dir) {
        try (LocalMariaDb db =
                LocalMariaDb.builder().binlogRowMetadata("NO_LOG").start()) {
            db.execute(
                    "CREATE DATABASE h",
                    "CREATE TABLE h.s (id INT PRIMARY KEY, a INT)",
                    "INSERT INTO h.s VALUES (1, 1)");
            Path file = dir.resolve("history.jsonl");
            BinlogPosition start;
            try (BinLogStreamReader atEnd = new BinLogStreamReader(config(db)
                    .resumeStream(true)
                    .schemaHistory(new FileSchemaHistoryStore(file))
                    .build())) {
                atEnd.forEach(e -> {});
                start = atEnd.position();
            }
            db.execute(
                    "ALTER TABLE h.s ADD COLUMN b VARCHAR(3) FIRST",
                    "INSERT INTO h.s VALUES ('b2', 2, 2)",
                    "ALTER TABLE h.s DROP COLUMN a",
                    "INSERT INTO h.s VALUES ('b3', 3)");
            List<Row> rows = rows(config(db)
                    .onlySchemas("h")
                    .startAt(start)
                    .schemaHistory(new FileSchemaHistoryStore(file))
                    .build());
            assertThat(rows)
                    .extracting(Row::asMap)
                    .containsExactly(Map.of("b", "b2", "id", 2, "a", 2), Map.of("b", "b3", "id", 3));
        }
    }

    /** MariaDB's old TIME/DATETIME/TIMESTAMP format has no fsp in TABLE_MAP: the history's DDL gives it. */
    @Test
    void mariadbOldTemporalsTakeTheirPrecisionFromTheHistory() {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .serverOption("mysql56_temporal_format", "OFF")
                .binlogRowMetadata("NO_LOG")
                .start()) {
            db.execute(
                    "CREATE DATABASE h",
                    "CREATE TABLE h.o (id INT PRIMARY KEY, t3 TIME(3), d2 DATETIME(2))",
                    "INSERT INTO h.o VALUES (1, '-12:34:56.789', '2024-02-29 13:14:15.67')");
            List<List<String>> expected = new ArrayList<>(db.query("SELECT t3 FROM h.o WHERE id = 1"));
            db.execute("ALTER TABLE h.o MODIFY t3 TIME(6)", "INSERT INTO h.o VALUES (2, '00:00:00.000001', NULL)");
            expected.addAll(db.query("SELECT t3 FROM h.o WHERE id = 2"));
            List<Row> rows = rows(config(db)
                    .onlySchemas("h")
                    .schemaHistory(new InMemorySchemaHistoryStore())
                    .build());
            assertThat(rows).hasSize(2);
            for (int r = 0; r < 2; r++) {
                assertThat(ColumnValuesIT.asServerText(
                                rows.get(r).get("t3"), new ColumnValuesIT.Column("t3", "TIME", "t3", r == 0 ? 3 : 6)))
                        .isEqualTo(expected.get(r).get(0));
            }
        }
    }

    @Test
    void ddlTheParserDoesNotKnowLeavesTheTableToTheCheck() {
        try (LocalMariaDb db =
                LocalMariaDb.builder().binlogRowMetadata("NO_LOG").start()) {
            db.execute(
                    "CREATE DATABASE h",
                    "CREATE TABLE h.u (id INT PRIMARY KEY, a INT)",
                    "INSERT INTO h.u VALUES (1, 10)",
                    "SET SESSION sql_mode = 'ORACLE'",
                    "ALTER TABLE h.u ADD COLUMN z NUMBER(5)", // NUMBER: unknown
                    "SET SESSION sql_mode = DEFAULT",
                    "INSERT INTO h.u VALUES (2, 20, 30)",
                    "ALTER TABLE h.u ADD COLUMN w INT",
                    "INSERT INTO h.u VALUES (3, 30, 40, 50)");
            BinLogStreamReaderConfig.Builder base =
                    config(db).onlySchemas("h").schemaHistory(new InMemorySchemaHistoryStore());
            // row 2: the history no longer knows u; information_schema (4 columns now) disagrees with its TABLE_MAP
            assertThatThrownBy(() -> rows(base.build()))
                    .isInstanceOf(EventDecodeException.class)
                    .hasMessageContaining("table h.u")
                    .hasMessageContaining("3 column(s)");

            List<Row> rows = rows(config(db)
                    .onlySchemas("h")
                    .schemaHistory(new InMemorySchemaHistoryStore())
                    .schemaMismatchPolicy(SchemaMismatchPolicy.POSITIONAL_NAMES)
                    .build());
            List<Map<String, Object>> maps = new ArrayList<>();
            rows.forEach(r -> maps.add(r.asMap()));
            assertThat(maps.get(0)).isEqualTo(Map.of("id", 1, "a", 10));
            assertThat(maps.get(1)).containsOnlyKeys("@1", "@2", "@3");
            assertThat(maps.get(2)).containsOnlyKeys("id", "a", "z", "w").containsEntry("w", 50);
        }
    }
}
