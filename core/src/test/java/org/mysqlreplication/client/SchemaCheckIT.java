package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.decode.EventDecodeException;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.schema.SchemaMismatchException;
import org.mysqlreplication.schema.SchemaMismatchPolicy;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * The TABLE_MAP check against a real MariaDB: it accepts every column type a valid, unchanged table can have
 * (the type mapping between information_schema's COLUMN_TYPE and what the binlog writes), and it refuses the
 * schema of another time of a table (an ALTER after the rows were written), failing or giving positional names.
 */
class SchemaCheckIT {

    /** Types beyond ColumnValuesIT's, with their aliases and MariaDB's own types. Name, declaration. */
    static final List<String[]> TYPES = List.of(
            new String[] {"bo", "BOOL"},
            new String[] {"bg", "BOOLEAN"},
            new String[] {"i1", "INT1"},
            new String[] {"i2", "INTEGER(5) ZEROFILL"},
            new String[] {"sr", "BIGINT UNSIGNED"},
            new String[] {"dd", "DECIMAL"},
            new String[] {"nu", "NUMERIC(7,3) UNSIGNED"},
            new String[] {"fx", "FIXED(4)"},
            new String[] {"fl", "FLOAT(10,2)"},
            new String[] {"f30", "FLOAT(30)"},
            new String[] {"dp", "DOUBLE PRECISION"},
            new String[] {"re", "REAL"},
            new String[] {"js", "JSON"},
            new String[] {"pt", "POINT"},
            new String[] {"ge", "GEOMETRY"},
            new String[] {"ls", "LINESTRING"},
            new String[] {"mp", "MULTIPOLYGON"},
            new String[] {"gc", "GEOMETRYCOLLECTION"},
            new String[] {"uu", "UUID"},
            new String[] {"i6", "INET6"},
            new String[] {"i4", "INET4"},
            new String[] {"t100", "TEXT(100) CHARACTER SET utf8mb4"},
            new String[] {"t70k", "TEXT(70000) CHARACTER SET latin1"},
            new String[] {"b300", "BLOB(300)"},
            new String[] {"tt", "TINYTEXT"},
            new String[] {"lt", "LONGTEXT CHARACTER SET utf8mb4"},
            new String[] {"tb", "TINYBLOB"},
            new String[] {"mb", "MEDIUMBLOB"},
            new String[] {"nc", "NCHAR(5)"},
            new String[] {"nv", "NATIONAL VARCHAR(7)"},
            new String[] {"c100", "CHAR(100) CHARACTER SET utf8mb4"},
            new String[] {"c255", "CHAR(255)"},
            new String[] {"cb", "CHAR(3) BINARY"},
            new String[] {"bn", "BINARY"},
            new String[] {"u16", "VARCHAR(9) CHARACTER SET utf16"},
            new String[] {"uc", "CHAR(4) CHARACTER SET ucs2"},
            new String[] {"sj", "VARCHAR(6) CHARACTER SET sjis"},
            new String[] {"vb", "VARCHAR(5) CHARACTER SET binary"},
            new String[] {"lv", "LONG VARCHAR"},
            new String[] {"lvb", "LONG VARBINARY"},
            new String[] {"es", "ENUM('x') CHARACTER SET latin1"},
            new String[] {"e300", enumOf(300)},
            new String[] {"s20", setOf(20)},
            new String[] {"s40", setOf(40)},
            new String[] {"y4", "YEAR(4)"},
            new String[] {"bt", "BIT"},
            new String[] {"t2", "TIME(2)"},
            new String[] {"dt6", "DATETIME(6)"},
            new String[] {"ts0", "TIMESTAMP NULL"},
            new String[] {"dte", "DATE"});

    private static LocalMariaDb noLog;
    private static LocalMariaDb full;

    static String enumOf(int n) {
        return IntStream.range(0, n).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(",", "ENUM(", ")"));
    }

    static String setOf(int n) {
        return IntStream.range(0, n).mapToObj(i -> "'s" + i + "'").collect(Collectors.joining(",", "SET(", ")"));
    }

    static String createTypes() {
        StringBuilder create = new StringBuilder("CREATE TABLE chk.types (id INT PRIMARY KEY");
        for (String[] t : TYPES) {
            create.append(", ").append(t[0]).append(' ').append(t[1]);
        }
        return create.append(") DEFAULT CHARSET=utf8mb4").toString();
    }

    @BeforeAll
    static void start() {
        noLog = LocalMariaDb.builder().binlogRowMetadata("NO_LOG").start();
        full = LocalMariaDb.builder().binlogRowMetadata("FULL").start();
        StringBuilder allTypes = new StringBuilder("CREATE TABLE chk.all_types (id INT PRIMARY KEY");
        for (ColumnValuesIT.Column c : ColumnValuesIT.COLUMNS) {
            allTypes.append(", ").append(c.name()).append(' ').append(c.type());
        }
        allTypes.append(')');
        for (LocalMariaDb db : List.of(noLog, full)) {
            db.execute(
                    "CREATE DATABASE chk",
                    createTypes(),
                    allTypes.toString(),
                    "INSERT INTO chk.all_types (id) VALUES (1)",
                    "CREATE TABLE chk.old (id INT PRIMARY KEY, t3 TIME(3), d2 DATETIME(2), s1 TIMESTAMP(1) NULL)",
                    "INSERT INTO chk.old VALUES (1, '01:02:03.456', '2024-02-29 13:14:15.67', NULL)",
                    "INSERT INTO chk.types (id) VALUES (1)",
                    "CREATE TABLE chk.altered (a INT, b VARCHAR(10))",
                    "INSERT INTO chk.altered VALUES (1, 'x')",
                    "ALTER TABLE chk.altered ADD COLUMN m BIGINT AFTER a");
        }
    }

    @AfterAll
    static void stop() {
        noLog.close();
        full.close();
    }

    @ParameterizedTest(name = "binlog_row_metadata={0}")
    @ValueSource(strings = {"NO_LOG", "FULL"})
    void everyColumnTypeOfAnUnchangedTablePassesTheCheck(String metadata) {
        LocalMariaDb db = metadata.equals("FULL") ? full : noLog;
        List<Row> rows = rowsOf(config(db).onlyTables("types").build());
        assertThat(rows).hasSize(1);
        List<String> names = new ArrayList<>(List.of("id"));
        TYPES.forEach(t -> names.add(t[0]));
        assertThat(rows.get(0).table().columns().stream()
                        .map(ColumnSchema::name)
                        .toList())
                .isEqualTo(names);
        assertThat(rows.get(0).get("id")).isEqualTo(1);
    }

    /**
     * The same tables named by a schema history built from their CREATE TABLE statements (the DDL parser's type
     * mapping) pass the check too (FAIL policy), with the names the server has.
     */
    @ParameterizedTest(name = "binlog_row_metadata={0}")
    @ValueSource(strings = {"NO_LOG", "FULL"})
    void everyColumnTypeOfACreateTableReadByTheHistoryPassesTheCheck(String metadata) {
        LocalMariaDb db = metadata.equals("FULL") ? full : noLog;
        List<Row> rows = rowsOf(config(db)
                .onlyTables("types", "all_types")
                .schemaHistory(new org.mysqlreplication.schema.InMemorySchemaHistoryStore())
                .build());
        assertThat(rows).hasSize(2);
        for (Row row : rows) {
            List<List<String>> names = db.query("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE"
                    + " TABLE_SCHEMA = 'chk' AND TABLE_NAME = '" + row.table().table() + "' ORDER BY ORDINAL_POSITION");
            assertThat(row.table().columns().stream().map(ColumnSchema::name).toList())
                    .isEqualTo(names.stream().map(n -> n.get(0)).toList());
        }
    }

    @Test
    void aSchemaOfAnotherTimeFailsTheEventNamingTableColumnAndBothSides() {
        assertThatThrownBy(() -> rowsOf(config(noLog).onlyTables("altered").build()))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("table chk.altered")
                .hasMessageContaining("2 column(s)")
                .hasMessageContaining("3 column(s)")
                .hasMessageContaining("binlog_row_metadata=FULL")
                .hasMessageContaining("schema history")
                .hasMessageContaining("TABLE_MAP_EVENT")
                .cause()
                .isInstanceOf(SchemaMismatchException.class);
    }

    @Test
    void positionalNamesWhenTheUserSaysSoAndTheMismatchIsCounted() {
        BinLogStreamReaderConfig config = config(noLog)
                .onlyTables("altered")
                .schemaMismatchPolicy(SchemaMismatchPolicy.POSITIONAL_NAMES)
                .build();
        List<Row> rows = new ArrayList<>();
        long mismatches;
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            for (BinlogEvent e : stream) {
                if (e instanceof WriteRowsEvent w) {
                    rows.addAll(w.rows());
                }
            }
            mismatches = stream.schemaMismatches();
        }
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).asMap()).containsOnlyKeys("@1", "@2");
        assertThat(rows.get(0).asMap()).containsEntry("@1", 1);
        // positional names keep only what the TABLE_MAP says: without row metadata no charset, so the text is its
        // bytes, marked as of unknown charset (issue 9), never guessed
        assertThat(((org.mysqlreplication.value.UndecodedText) rows.get(0).get(1)).bytes())
                .isEqualTo("x".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(mismatches).isEqualTo(1);
    }

    @Test
    void withFullMetadataTheEventsNamesAreUsedAndTheServerIsNotAsked() {
        List<Row> rows = rowsOf(config(full).onlyTables("altered").build());
        assertThat(rows.get(0).asMap()).containsEntry("a", 1).containsEntry("b", "x");
    }

    static List<Row> rowsOf(BinLogStreamReaderConfig config) {
        List<Row> rows = new ArrayList<>();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            for (BinlogEvent e : stream) {
                if (e instanceof WriteRowsEvent w) {
                    rows.addAll(w.rows());
                }
            }
        }
        return rows;
    }
}
