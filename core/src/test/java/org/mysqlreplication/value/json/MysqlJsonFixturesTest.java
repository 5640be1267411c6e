package org.mysqlreplication.value.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.file.BinlogFileReader;

/**
 * The MySQL fixtures with JSON columns ({@code ../shared/fixtures/binlogs}, PROVENANCE.md "JSON columns"), read
 * end to end with {@link BinlogFileReader}: every JSON value decodes, and equals what MySQL prints for it. Where
 * each expected text comes from is said at each test. (The fourth file there, apecloud's mysql-bin.000057, has
 * its JSON rows inside compressed TRANSACTION_PAYLOAD events: TransactionPayloadFixturesTest checks them.)
 */
class MysqlJsonFixturesTest {

    private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");
    private static final String BLACKBEAM = "blackbeam-rust_mysql_common/test-data/binlogs/";

    private static List<BinlogEvent> readAll(String relative) {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder " + ROOT.toAbsolutePath() + " is absent");
        List<BinlogEvent> events = new ArrayList<>();
        try (BinlogFileReader r = new BinlogFileReader(ROOT.resolve(relative))) {
            r.forEach(events::add);
        }
        return events;
    }

    private static String json(Object value) {
        assertThat(value).isInstanceOf(MysqlJson.class);
        return ((MysqlJson) value).text();
    }

    /**
     * MySQL 8.0.22, {@code CREATE TABLE t(id INT PRIMARY KEY AUTO_INCREMENT, json_col JSON, name VARCHAR(100) AS
     * (json_col->>'$.name'), age INT AS (json_col->'$.age'))} (the QUERY event in the file). The server computed
     * the generated columns {@code name} and {@code age} from each document and logged them in the same row: they
     * are the independent source for the document's "name" and "age". MySQL stores keys sorted by length, then
     * bytewise, and prints them in that order: "age", "data", "name".
     */
    /**
     * The same file's PARTIAL_UPDATE_ROWS_EVENT ({@code binlog_row_value_options=PARTIAL_JSON}, MINIMAL row image:
     * the key before, the changed columns after): each after image holds the JSON column as one REPLACE of
     * {@code $.age}, and the server logged the generated column {@code age}, which it computed from the updated
     * document, beside it: the independent source for the new value.
     */
    @Test
    void mysql80PartialJsonUpdatesAgreeWithTheGeneratedColumnTheServerComputed() {
        List<BinlogEvent> events = readAll(BLACKBEAM + "json.binlog.000001");
        List<UpdateRow> rows = new ArrayList<>();
        for (BinlogEvent e : events) {
            if (e instanceof UpdateRowsEvent u && e.header().eventType() == EventType.PARTIAL_UPDATE_ROWS_EVENT) {
                rows.addAll(u.rows());
                Row first = u.rows().get(0).after();
                assertThat(u.dump()).contains("* @2 : <absent> => JSON_REPLACE(@2, '$.age', " + first.get(3) + ")");
            }
        }
        assertThat(rows).hasSize(6);
        List<Integer> ids = new ArrayList<>();
        for (UpdateRow r : rows) {
            ids.add((Integer) r.before().get(0));
            JsonPartialUpdate update = (JsonPartialUpdate) r.after().get(1);
            assertThat(update.diffs()).hasSize(1);
            JsonDiff diff = update.diffs().get(0);
            assertThat(diff.operation()).isEqualTo(JsonDiff.Operation.REPLACE);
            assertThat(diff.path()).isEqualTo("$.age");
            assertThat(diff.value().text()).isEqualTo(r.after().get(3).toString());
            assertThat(update.sql("json_col"))
                    .isEqualTo("JSON_REPLACE(json_col, '$.age', " + r.after().get(3) + ")");
        }
        assertThat(ids).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(rows).extracting(r -> r.after().get(2)).containsExactly("Joe", "Sue", "Pete", "Joe", "Sue", "Pete");
    }

    @Test
    void mysql80DocumentsAgreeWithTheGeneratedColumnsTheServerComputed() {
        List<BinlogEvent> events = readAll(BLACKBEAM + "json.binlog.000001");
        assertThat(events)
                .filteredOn(QueryEvent.class::isInstance)
                .map(e -> ((QueryEvent) e).query())
                .anyMatch(q -> q.contains("name VARCHAR(100) AS (json_col->>'$.name')"));
        List<Row> rows = new ArrayList<>();
        for (BinlogEvent e : events) {
            if (e instanceof WriteRowsEvent w) {
                rows.addAll(w.rows());
            } else if (e instanceof UpdateRowsEvent u && e.header().eventType() == EventType.UPDATE_ROWS_EVENT) {
                for (UpdateRow r : u.rows()) {
                    rows.add(r.before());
                    rows.add(r.after());
                    assertThat((Integer) r.after().get(3))
                            .isEqualTo((Integer) r.before().get(3) + 1);
                }
            }
        }
        assertThat(rows).hasSize(18); // 6 inserted, 6 updated (before and after)
        for (Row row : rows) {
            String name = (String) row.get(2);
            int age = (Integer) row.get(3);
            assertThat(json(row.get(1)))
                    .matches("\\{\"age\": " + age + ", \"data\": \"(x{10}|y{10}|z{10})\", \"name\": \"" + name + "\"}");
            assertThat(row.getString(1)).isEqualTo(json(row.get(1)));
            Map<?, ?> tree = (Map<?, ?>) ((MysqlJson) row.get(1)).tree();
            assertThat(tree.get("name")).isEqualTo(name);
            assertThat(tree.get("age")).isEqualTo((long) age);
        }
        assertThat(rows).extracting(r -> r.get(2)).containsOnly("Joe", "Sue", "Pete");
    }

    /**
     * MySQL 9.0.1, {@code create table test (a json)} and eight single-value inserts whose statements the file does
     * not carry (no ROWS_QUERY events, and rust_mysql_common's test of the file was not found). The expected texts
     * were worked out by hand from the documents' bytes with the layouts of json_binary.h and json_dom.cc, then
     * printed as wrapper_to_string prints them: an opaque VARCHAR (field type 15, the byte 0x55) as base64; opaque
     * DATE, DATETIME and TIME as 8-byte packed values (2012-03-18; 2012-03-18 11:30:45; 87:31:46.654321); opaque
     * NEWDECIMALs DECIMAL(6,3) 80 7B 01 C8 = 123.456 and DECIMAL(11,2) 80 00 00 09 00 = 9.00; an array of int16 0,
     * int16 1, true, false; the null literal.
     */
    @Test
    void mysql90OpaqueValues() {
        List<BinlogEvent> events = readAll(BLACKBEAM + "json-opaque.binlog");
        List<String> texts = new ArrayList<>();
        List<Object> trees = new ArrayList<>();
        for (BinlogEvent e : events) {
            if (e instanceof WriteRowsEvent w) {
                for (Row row : w.rows()) {
                    texts.add(json(row.get("a")));
                    trees.add(((MysqlJson) row.get("a")).tree());
                }
            }
        }
        assertThat(trees.get(1)).isEqualTo(Map.of("b", LocalDate.of(2012, 3, 18)));
        assertThat(trees.get(3)).isEqualTo(Map.of("c", Duration.parse("PT87H31M46.654321S")));
        assertThat(trees.get(4)).isEqualTo(Map.of("d", new BigDecimal("123.456")));
        assertThat(texts)
                .containsExactly(
                        "{\"a\": \"base64:type15:VQ==\"}",
                        "{\"b\": \"2012-03-18\"}",
                        "{\"c\": \"2012-03-18 11:30:45.000000\"}",
                        "{\"c\": \"87:31:46.654321\"}",
                        "{\"d\": 123.456}",
                        "{\"e\": 9.00}",
                        "{\"e\": [0, 1, true, false]}",
                        "{\"e\": null}");
    }

    /**
     * MySQL 5.7.23, rusuly/MySqlCdc's sample: its repository's SQL inserts {@code '{"id": 1, "name": "John"}'} into
     * the JsonColumn of all three rows (see MySqlCdcSampleTest), which MySQL prints back the same way.
     */
    @Test
    void mysql57SampleDocument() {
        List<BinlogEvent> events = readAll("rusuly-MySqlCdc/samples/MySqlCdc.Sample/mysql-bin.000001");
        List<String> texts = new ArrayList<>();
        for (BinlogEvent e : events) {
            if (e instanceof WriteRowsEvent w) {
                for (Row row : w.rows()) {
                    texts.add(json(row.get(12)));
                }
            }
        }
        assertThat(texts)
                .containsExactly(
                        "{\"id\": 1, \"name\": \"John\"}",
                        "{\"id\": 1, \"name\": \"John\"}",
                        "{\"id\": 1, \"name\": \"John\"}");
    }
}
