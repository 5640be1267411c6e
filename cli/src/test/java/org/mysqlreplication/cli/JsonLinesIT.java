package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * JSON lines from {@code dump --format json} and from {@code read --format json} of the server's own binlog files
 * (the same lines as the dump's, where the files carry full row metadata) equal the server's SELECT for every
 * column type, each JSON value parsed by Jackson and compared with the SELECT
 * text converted as the README's table says (numbers as numbers, DECIMAL with its scale, FLOAT/DOUBLE as the same
 * float/double, bytes base64 against {@code HEX()}, GEOMETRY against {@code ST_AsText()}, TIMESTAMP in UTC against
 * {@code UNIX_TIMESTAMP()}, SET as an array). One server has full row metadata and runs in UTC; the other has none
 * (names and types from information_schema) and runs at +05:30, so that TIMESTAMP's UTC is not the server's zone.
 */
class JsonLinesIT {

    /** How a column's JSON is compared with its SELECT text. */
    enum Kind {
        INTEGER,
        DECIMAL,
        FLOAT,
        DOUBLE,
        STRING,
        TEXT,
        BYTES,
        SET,
        EPOCH
    }

    record Column(String name, String type, Kind kind, String select) {
        Column(String name, String type, Kind kind) {
            // text as the hex of its UTF-8: the client's XML output would turn \r\n into \n
            this(name, type, kind, kind == Kind.TEXT ? "HEX(CONVERT(" + name + " USING utf8mb4))" : name);
        }
    }

    static final List<Column> COLUMNS = List.of(
            new Column("t1", "TINYINT", Kind.INTEGER),
            new Column("t2", "TINYINT UNSIGNED", Kind.INTEGER),
            new Column("s1", "SMALLINT", Kind.INTEGER),
            new Column("s2", "SMALLINT UNSIGNED", Kind.INTEGER),
            new Column("m1", "MEDIUMINT", Kind.INTEGER),
            new Column("m2", "MEDIUMINT UNSIGNED", Kind.INTEGER),
            new Column("n1", "INT", Kind.INTEGER),
            new Column("n2", "INT UNSIGNED", Kind.INTEGER),
            new Column("g1", "BIGINT", Kind.INTEGER),
            new Column("g2", "BIGINT UNSIGNED", Kind.INTEGER),
            new Column("d1", "DECIMAL(10,2)", Kind.DECIMAL),
            new Column("d2", "DECIMAL(65,30)", Kind.DECIMAL),
            new Column("d3", "DECIMAL(7,0)", Kind.DECIMAL),
            new Column("fl", "FLOAT", Kind.FLOAT),
            new Column("dbl", "DOUBLE", Kind.DOUBLE),
            new Column("ch", "CHAR(8) CHARACTER SET utf8mb4", Kind.TEXT),
            new Column("vc", "VARCHAR(400) CHARACTER SET utf8mb4", Kind.TEXT),
            new Column("lt", "VARCHAR(30) CHARACTER SET latin1", Kind.TEXT),
            new Column("bn", "BINARY(3)", Kind.BYTES, "HEX(bn)"),
            new Column("vb", "VARBINARY(20)", Kind.BYTES, "HEX(vb)"),
            new Column("tt", "TINYTEXT CHARACTER SET utf8mb4", Kind.TEXT),
            new Column("lb", "LONGBLOB", Kind.BYTES, "HEX(lb)"),
            new Column("md", "MEDIUMTEXT CHARACTER SET utf8mb4", Kind.TEXT),
            new Column("da", "DATE", Kind.STRING),
            new Column("ti", "TIME", Kind.STRING),
            new Column("ti6", "TIME(6)", Kind.STRING),
            new Column("dt", "DATETIME", Kind.STRING),
            new Column("dt2", "DATETIME(2)", Kind.STRING),
            new Column("ts", "TIMESTAMP NULL", Kind.EPOCH, "UNIX_TIMESTAMP(ts)"),
            new Column("ts6", "TIMESTAMP(6) NULL", Kind.EPOCH, "UNIX_TIMESTAMP(ts6)"),
            new Column("yr", "YEAR", Kind.INTEGER),
            new Column("en", "ENUM('x','y''s','z')", Kind.STRING),
            new Column("st", "SET('a','b','c','d')", Kind.SET),
            new Column("b1", "BIT(1)", Kind.INTEGER, "b1+0"),
            new Column("b64", "BIT(64)", Kind.INTEGER, "b64+0"),
            new Column("js", "JSON", Kind.TEXT),
            new Column("geo", "GEOMETRY", Kind.STRING, "ST_AsText(geo)"),
            new Column("pt", "POINT", Kind.STRING, "ST_AsText(pt)"),
            new Column("ls", "LINESTRING", Kind.STRING, "ST_AsText(ls)"),
            new Column("pg", "POLYGON", Kind.STRING, "ST_AsText(pg)"),
            new Column("mp", "MULTIPOINT", Kind.STRING, "ST_AsText(mp)"),
            new Column("gc", "GEOMETRYCOLLECTION", Kind.STRING, "ST_AsText(gc)"));

    static final String[] ROWS = {
        "(1, -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295, -9223372036854775808,"
                + " 18446744073709551615, -12.50, -12345678901234567890123456789012345.123456789012345678901234567890,"
                + " 0, -1.5, 0.1, 'ü€😀', CONCAT('tab\\there \"q\" \\\\ nl\\n', REPEAT('😀é', 150)), 'café',"
                + " x'000102', x'', 'line\\r\\nend', x'DEADBEEF00', 'm', '1000-01-01', '-838:59:59',"
                + " '-00:00:00.000001', '1000-01-01 00:00:00', '9999-12-31 23:59:59.99', '1970-01-01 00:00:01',"
                + " '2038-01-19 03:14:07.999999', 1901, 'y''s', 'a,d', b'1',"
                + " b'1000000000000000000000000000000000000000000000000000000000000001',"
                + " '{\"k\": [1, 2.5, \"\\\\u00e9\"]}', ST_GeomFromText('POINT(1 -1)'),"
                + " ST_GeomFromText('POINT(2.5 4)'),"
                + " ST_GeomFromText('LINESTRING(0 0,1 1,2 2)'),"
                + " ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))'),"
                + " ST_GeomFromText('MULTIPOINT(1 1,2 2)'),"
                + " ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(0 0,1 1))'))",
        "(2, 127, 0, 32767, 0, 8388607, 0, 2147483647, 0, 9223372036854775807, 9223372036854775808, 99999999.99,"
                + " 0.000000000000000000000000000001, 9999999, 3.25, -2.2250738585072014E-308, '', '', '',"
                + " x'FF0000', x'00', '', x'00', '', '9999-12-31', '838:59:59', '12:34:56.123456',"
                + " '9999-12-31 23:59:59', '2024-02-29 13:14:00.50', '2026-12-02 10:11:12',"
                + " '2001-02-03 04:05:06.000007', 2155, 'z', '', b'0', b'0', '[]',"
                + " ST_GeomFromText('MULTILINESTRING((0 0,1 1),(2 2,3 3))'), ST_GeomFromText('POINT(0 0)'),"
                + " ST_GeomFromText('LINESTRING(-1.25 3,4 -5)'), ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))'),"
                + " ST_GeomFromText('MULTIPOINT(0 0)'), ST_GeomFromText('GEOMETRYCOLLECTION EMPTY'))",
        "(3, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0.01, -0.5, -1, 1e-10, 1.7976931348623157E308, 'a', 'b', 'c', x'01',"
                + " x'02', 'd', x'03', 'e', '0000-00-00', '00:00:00', '-12:00:00.5', '0000-00-00 00:00:00',"
                + " '2020-00-15 00:00:00', '0000-00-00 00:00:00', '0000-00-00 00:00:00', 0, '', 'a,b,c,d', b'1',"
                + " b'1111111111111111111111111111111111111111111111111111111111111111', '\"s\"',"
                + " ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))'),"
                + " ST_GeomFromText('POINT(-0.5 1e-3)'), ST_GeomFromText('LINESTRING(0 0,0 1)'),"
                + " ST_GeomFromText('POLYGON((0 0,2 0,2 2,0 0))'), ST_GeomFromText('MULTIPOINT(7 8,9 10,11 12)'),"
                + " ST_GeomFromText('GEOMETRYCOLLECTION(MULTIPOINT(1 1,2 2),POLYGON((0 0,1 0,1 1,0 0)))'))",
        "(4" + ", NULL".repeat(42) + ")",
        "(5" + ", 7".repeat(11) + ", NULL".repeat(31) + ")", // deleted again
    };

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static LocalMariaDb utcFull;
    private static LocalMariaDb indiaNoMetadata;

    @BeforeAll
    static void start() {
        utcFull = LocalMariaDb.builder().binlogRowMetadata("FULL").start();
        indiaNoMetadata = LocalMariaDb.builder()
                .binlogRowMetadata("NO_LOG")
                .timeZone("+05:30")
                .start();
        StringBuilder create = new StringBuilder("CREATE TABLE j.types (id INT PRIMARY KEY");
        for (Column c : COLUMNS) {
            create.append(", ").append(c.name()).append(' ').append(c.type());
        }
        create.append(')');
        for (LocalMariaDb db : List.of(utcFull, indiaNoMetadata)) {
            db.execute(
                    "SET SESSION sql_mode = ''",
                    "CREATE DATABASE j",
                    create.toString(),
                    "INSERT INTO j.types VALUES " + String.join(", ", ROWS),
                    "UPDATE j.types SET n1 = n1 - 1, vc = 'changed', ts6 = ts6 WHERE id = 2",
                    "DELETE FROM j.types WHERE id = 5",
                    "CREATE USER 'repl'@'%' IDENTIFIED BY 'pw'",
                    "GRANT REPLICATION SLAVE, REPLICATION CLIENT, SELECT ON *.* TO 'repl'@'%'");
        }
    }

    @AfterAll
    static void stop() {
        utcFull.close();
        indiaNoMetadata.close();
    }

    static Stream<String> servers() {
        return Stream.of("FULL UTC", "NO_LOG +05:30");
    }

    @ParameterizedTest(name = "binlog_row_metadata, zone: {0}")
    @MethodSource("servers")
    void dumpAndReadWriteTheServersValues(String server) throws Exception {
        LocalMariaDb db = server.startsWith("FULL") ? utcFull : indiaNoMetadata;
        CliIT.Result dump = CliIT.run(
                "dump",
                "--host",
                db.host(),
                "--port",
                String.valueOf(db.port()),
                "--user",
                "repl",
                "--password",
                "pw",
                "--server-id",
                "4321",
                "--format",
                "json");
        assertThat(dump.exitCode()).as(dump.err()).isZero();
        if (db == utcFull) {
            // a file alone has column names and charsets only with full metadata: compare read with dump there
            List<String> readArgs = new ArrayList<>(List.of("read", "--format", "json"));
            try (Stream<Path> s = Files.list(db.binlogDir())) {
                s.filter(p -> p.getFileName().toString().matches(".*\\.\\d{6}"))
                        .sorted()
                        .forEach(p -> readArgs.add(p.toString()));
            }
            CliIT.Result read = CliIT.run(readArgs.toArray(String[]::new));
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out()).isEqualTo(dump.out()); // the same rows, positions and GTIDs
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : dump.out().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        List<JsonNode> inserts = lines.stream()
                .filter(l -> l.get("type").asText().equals("insert"))
                .toList();
        assertThat(inserts).hasSize(ROWS.length);
        assertThat(inserts.stream().filter(l -> l.has("commit")).count()).isEqualTo(1);
        JsonNode last = inserts.get(ROWS.length - 1);
        assertThat(last.get("commit").asBoolean()).isTrue();
        assertThat(last.get("xid").isIntegralNumber()).isTrue();
        assertThat(last.get("position").asText()).matches(".+\\.\\d{6}:\\d+");
        assertThat(last.get("gtid").asText()).matches("0-1-\\d+");
        assertThat(last.get("primary_key_columns").toString()).isEqualTo("[\"id\"]");

        List<List<String>> before = db.query("SELECT " + selects() + " FROM j.types ORDER BY id");
        // the SELECT after the UPDATE and DELETE: rows 1, 3 and 4 as inserted, row 2 as updated
        for (int r = 0; r < ROWS.length; r++) {
            JsonNode data = inserts.get(r).get("data");
            assertThat(data.get("id").asInt()).isEqualTo(r + 1);
            assertThat(inserts.get(r).get("database").asText() + "."
                            + inserts.get(r).get("table").asText())
                    .isEqualTo("j.types");
            if (r != 1 && r != 4) {
                compareRow(data, before.get(r), "insert of row " + (r + 1));
            }
        }
        JsonNode update = lines.stream()
                .filter(l -> l.get("type").asText().equals("update"))
                .findFirst()
                .orElseThrow();
        compareRow(update.get("data"), before.get(1), "update of row 2");
        List<String> changed = new ArrayList<>();
        update.get("old").fieldNames().forEachRemaining(changed::add);
        assertThat(changed).containsExactly("n1", "vc"); // ts6 = ts6 changed nothing
        assertThat(update.get("old").get("n1").asLong() - 1)
                .isEqualTo(update.get("data").get("n1").asLong());
        assertThat(inserts.get(1).get("data").get("vc"))
                .isEqualTo(update.get("old").get("vc"));
        JsonNode delete = lines.stream()
                .filter(l -> l.get("type").asText().equals("delete"))
                .findFirst()
                .orElseThrow();
        assertThat(delete.get("data")).isEqualTo(inserts.get(4).get("data")); // the deleted row, as it was inserted
        assertThat(delete.get("commit").asBoolean()).isTrue();
    }

    private static String selects() {
        List<String> s = new ArrayList<>();
        COLUMNS.forEach(c -> s.add(c.select()));
        return String.join(", ", s);
    }

    private static void compareRow(JsonNode data, List<String> select, String what) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            Column c = COLUMNS.get(i);
            JsonNode v = data.get(c.name());
            String want = select.get(i);
            assertThat(v).as("%s: column %s present", what, c.name()).isNotNull();
            if (want == null) {
                assertThat(v.isNull()).as("%s: %s is NULL", what, c.name()).isTrue();
                continue;
            }
            String as = what + ": column " + c.name() + " (" + c.type() + "), JSON " + v + ", SELECT " + want;
            switch (c.kind()) {
                case INTEGER -> {
                    assertThat(v.isIntegralNumber()).as(as).isTrue();
                    assertThat(v.bigIntegerValue().toString()).as(as).isEqualTo(want.replaceFirst("^0+(?=\\d)", ""));
                }
                case DECIMAL -> {
                    assertThat(v.isNumber()).as(as).isTrue();
                    assertThat(v.decimalValue().toPlainString()).as(as).isEqualTo(want);
                }
                case FLOAT -> assertThat(v.decimalValue().floatValue()).as(as).isEqualTo(Float.parseFloat(want));
                case DOUBLE -> assertThat(v.decimalValue().doubleValue()).as(as).isEqualTo(Double.parseDouble(want));
                case STRING -> assertThat(v.textValue()).as(as).isEqualTo(want);
                case TEXT ->
                    assertThat(HexFormat.of()
                                    .withUpperCase()
                                    .formatHex(v.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .as(as)
                            .isEqualTo(want);
                case BYTES ->
                    assertThat(HexFormat.of()
                                    .withUpperCase()
                                    .formatHex(Base64.getDecoder().decode(v.textValue())))
                            .as(as)
                            .isEqualTo(want);
                case SET -> {
                    List<String> members = new ArrayList<>();
                    v.forEach(m -> members.add(m.textValue()));
                    assertThat(String.join(",", members)).as(as).isEqualTo(want);
                }
                case EPOCH ->
                    assertThat(v.textValue())
                            .as(as)
                            .isEqualTo(utc(want, c.type().contains("(6)") ? 6 : 0));
                default -> throw new AssertionError(c.kind());
            }
        }
    }

    /** {@code UNIX_TIMESTAMP()}'s text as the UTC date-time with {@code fsp} digits; 0 is the zero timestamp. */
    private static String utc(String epoch, int fsp) {
        BigDecimal e = new BigDecimal(epoch);
        long micros = e.remainder(BigDecimal.ONE).movePointRight(6).longValueExact();
        String fraction = fsp == 0 ? "" : "." + String.format("%06d", micros).substring(0, fsp);
        if (e.signum() == 0) {
            return "0000-00-00 00:00:00" + fraction;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(e.longValue(), 0, ZoneOffset.UTC);
        return String.format(
                        "%04d-%02d-%02d %02d:%02d:%02d",
                        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond())
                + fraction;
    }
}
