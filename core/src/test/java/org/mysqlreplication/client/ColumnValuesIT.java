package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowValueException;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Every column type of the foundation issue, written by the server and decoded by the reader, compared value by
 * value with what the server's own SELECT returns (through the mariadb command-line client). Run with full row
 * metadata in TABLE_MAP (names, signedness, charsets, labels from the event) and without any (from
 * information_schema), each with rows decoded with their events and with lazy rows.
 */
class ColumnValuesIT {

    /** Column name, SQL type, and the SELECT expression whose text the decoded value must match. */
    record Column(String name, String type, String select, int fsp) {
        Column(String name, String type) {
            this(name, type, name, 0);
        }
    }

    static final List<Column> COLUMNS = List.of(
            new Column("ti", "TINYINT"),
            new Column("tiu", "TINYINT UNSIGNED"),
            new Column("si", "SMALLINT"),
            new Column("siu", "SMALLINT UNSIGNED"),
            new Column("mi", "MEDIUMINT"),
            new Column("miu", "MEDIUMINT UNSIGNED"),
            new Column("i", "INT"),
            new Column("iu", "INT UNSIGNED"),
            new Column("bi", "BIGINT"),
            new Column("biu", "BIGINT UNSIGNED"),
            new Column("d", "DECIMAL(12,2)"),
            new Column("dl", "DECIMAL(40,15)"),
            new Column("d0", "DECIMAL(5,0)"),
            new Column("f", "FLOAT"),
            new Column("db", "DOUBLE"),
            new Column("c", "CHAR(10) CHARACTER SET utf8mb4"),
            new Column("vc", "VARCHAR(300) CHARACTER SET utf8mb4"),
            new Column("l1", "VARCHAR(20) CHARACTER SET latin1"),
            new Column("bin", "BINARY(4)", "HEX(bin)", 0),
            new Column("vbin", "VARBINARY(10)", "HEX(vbin)", 0),
            new Column("tx", "TEXT CHARACTER SET utf8mb4"),
            new Column("bl", "BLOB", "HEX(bl)", 0),
            new Column("mtx", "MEDIUMTEXT CHARACTER SET latin1"),
            new Column("lbl", "LONGBLOB", "HEX(lbl)", 0),
            new Column("dt", "DATE"),
            new Column("tm", "TIME"),
            new Column("tm6", "TIME(6)", "tm6", 6),
            new Column("dtm", "DATETIME"),
            new Column("dtm3", "DATETIME(3)", "dtm3", 3),
            new Column("ts", "TIMESTAMP(6) NULL", "ts", 6),
            new Column("yr", "YEAR"),
            new Column("en", "ENUM('a','b','c''s')"),
            new Column("st", "SET('x','y','z')"),
            new Column("b1", "BIT(1)", "b1+0", 0),
            new Column("b12", "BIT(12)", "b12+0", 0),
            new Column("b64", "BIT(64)", "b64+0", 0));

    static final String[] ROWS = {
        "(1, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0, -9999999999.99,"
                + " -1234567890123456789012345.123456789012345, -99999, -1.5, -2.2250738585072014E-308,"
                + " '', '', '', x'00000000', x'', '', x'', '', x'', '1000-01-01', '-838:59:59', '-838:59:59.000000',"
                + " '1000-01-01 00:00:00', '1000-01-01 00:00:00.000', '1970-01-01 00:00:01.000000', 1901, 'a', '',"
                + " b'0', b'0', b'0')",
        "(2, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807,"
                + " 18446744073709551615, 9999999999.99, 1234567890123456789012345.123456789012345, 99999, 3.25,"
                + " 1.7976931348623157E308, 'ü€😀', REPEAT('ü€😀a', 75), 'café', x'DEADBEEF', x'00FF10',"
                + " 'text ü€😀', x'0001FEFF', 'crème', x'CAFEBABE', '9999-12-31', '838:59:59', '12:34:56.123456',"
                + " '9999-12-31 23:59:59', '2024-02-29 13:14:15.678', '2038-01-19 03:14:07.999999', 2155, 'c''s',"
                + " 'x,z', b'1', b'101010101010', b'1111111111111111111111111111111111111111111111111111111111111111')",
        "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                + " NULL, NULL, NULL)",
        "(4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9223372036854775808, 0.01, 0.000000000000001, 0, 0, 0, 'a', 'b', 'c',"
                + " x'01', x'02', 'd', x'03', 'e', x'04', '0000-00-00', '00:00:00', '-00:00:00.000001',"
                + " '0000-00-00 00:00:00', '2020-00-15 00:00:00.000', '2001-02-03 04:05:06.000007', 0, 'b', 'x,y,z',"
                + " b'1', b'000000000001', b'1000000000000000000000000000000000000000000000000000000000000000')",
    };

    private static LocalMariaDb withMetadata;
    private static LocalMariaDb withoutMetadata;

    @BeforeAll
    static void start() {
        withMetadata = LocalMariaDb.builder().binlogRowMetadata("FULL").start();
        withoutMetadata = LocalMariaDb.builder().binlogRowMetadata("NO_LOG").start();
        StringBuilder create = new StringBuilder("CREATE TABLE types.all_types (id INT PRIMARY KEY");
        for (Column c : COLUMNS) {
            create.append(", ").append(c.name()).append(' ').append(c.type());
        }
        create.append(')');
        for (LocalMariaDb db : List.of(withMetadata, withoutMetadata)) {
            db.execute(
                    "SET SESSION sql_mode = ''",
                    "CREATE DATABASE types",
                    create.toString(),
                    "INSERT INTO types.all_types VALUES " + String.join(", ", ROWS));
        }
    }

    @AfterAll
    static void stop() {
        withMetadata.close();
        withoutMetadata.close();
    }

    static Stream<String> servers() {
        return Stream.of("FULL", "NO_LOG", "FULL lazy", "NO_LOG lazy");
    }

    @ParameterizedTest(name = "binlog_row_metadata={0} rows")
    @MethodSource("servers")
    void decodedValuesEqualTheServersSelect(String metadata) {
        LocalMariaDb db = metadata.startsWith("FULL") ? withMetadata : withoutMetadata;
        boolean lazy = metadata.endsWith("lazy");
        List<String> selects = new ArrayList<>();
        for (Column c : COLUMNS) {
            selects.add(c.select());
        }
        List<List<String>> expected =
                db.query("SELECT " + String.join(", ", selects) + " FROM types.all_types ORDER BY id");

        List<BinlogEvent> events = readAll(
                config(db).onlyEvents(WriteRowsEvent.class).lazyRows(lazy).build());
        List<Row> rows = new ArrayList<>();
        events.forEach(e -> rows.addAll(((WriteRowsEvent) e).rows()));
        assertThat(rows).hasSize(ROWS.length);

        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            assertThat(row.get("id")).isEqualTo(r + 1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column c = COLUMNS.get(i);
                assertThat(asServerText(row.get(c.name()), c))
                        .as("row %d column %s (%s)", r + 1, c.name(), c.type())
                        .isEqualTo(expected.get(r).get(i));
            }
        }
    }

    /**
     * The typed accessors give the same values as the server's SELECT: integers as {@code long} (and as
     * {@code int} where they fit), FLOAT and DOUBLE as {@code double}, text, DECIMAL and bytes as their objects;
     * and they refuse NULL, other types and values out of their range with an error that names the column.
     */
    @ParameterizedTest(name = "binlog_row_metadata={0} rows")
    @MethodSource("servers")
    void typedAccessorsAgreeWithTheServersSelect(String metadata) {
        LocalMariaDb db = metadata.startsWith("FULL") ? withMetadata : withoutMetadata;
        boolean lazy = metadata.endsWith("lazy");
        List<String> integers = List.of("ti", "tiu", "si", "siu", "mi", "miu", "i", "iu", "bi", "biu", "yr");
        List<List<String>> expected = db.query(
                "SELECT " + String.join(", ", integers) + ", f, db, vc, d, HEX(vbin) FROM types.all_types ORDER BY id");
        List<Row> rows = new ArrayList<>();
        readAll(config(db).onlyEvents(WriteRowsEvent.class).lazyRows(lazy).build())
                .forEach(e -> rows.addAll(((WriteRowsEvent) e).rows()));
        assertThat(rows).hasSize(ROWS.length);
        int checked = 0;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            List<String> want = expected.get(r);
            for (int k = 0; k < integers.size(); k++) {
                String name = integers.get(k);
                int i = row.table().indexOf(name);
                if (want.get(k) == null) {
                    assertThat(row.isNull(i)).isTrue();
                    assertThatThrownBy(() -> row.getLong(name))
                            .isInstanceOf(RowValueException.class)
                            .hasMessageContaining(name)
                            .hasMessageContaining("NULL");
                } else if (new BigInteger(want.get(k)).bitLength() > 63) {
                    assertThatThrownBy(() -> row.getLong(i))
                            .isInstanceOf(RowValueException.class)
                            .hasMessageContaining("biu")
                            .hasMessageNotContaining(want.get(k));
                } else {
                    String yearAware = name.equals("yr") && want.get(k).equals("0000") ? "0" : want.get(k);
                    assertThat(row.getLong(name)).as("row %d %s", r + 1, name).isEqualTo(Long.parseLong(yearAware));
                    long v = row.getLong(i);
                    if ((int) v == v) {
                        assertThat(row.getInt(i)).isEqualTo((int) v);
                    } else {
                        assertThatThrownBy(() -> row.getInt(i)).isInstanceOf(RowValueException.class);
                    }
                    checked++;
                }
            }
            int n = integers.size();
            if (want.get(n) != null) {
                float f = (float) row.getDouble(row.table().indexOf("f"));
                assertThat(asServerText(f, COLUMNS.get(13))).isEqualTo(want.get(n));
                assertThat(asServerText(row.getDouble(row.table().indexOf("db")), COLUMNS.get(14)))
                        .isEqualTo(want.get(n + 1));
                checked += 2;
            }
            assertThat(row.getString("vc")).isEqualTo(want.get(n + 2));
            int d = row.table().indexOf("d");
            assertThat(
                            row.getBigDecimal(d) == null
                                    ? null
                                    : row.getBigDecimal(d).toPlainString())
                    .isEqualTo(want.get(n + 3));
            byte[] vbin = row.getBytes(row.table().indexOf("vbin"));
            assertThat(vbin == null ? null : HexFormat.of().withUpperCase().formatHex(vbin))
                    .isEqualTo(want.get(n + 4));
            assertThatThrownBy(() -> row.getLong(row.table().indexOf("vc")))
                    .isInstanceOf(RowValueException.class)
                    .hasMessageContaining("vc")
                    .hasMessageContaining("all_types");
        }
        assertThat(checked).isGreaterThan(30);
    }

    /** A decoded value as the server's text protocol would print it. */
    static String asServerText(Object v, Column c) {
        if (v == null) {
            return null;
        }
        if (c.type().equals("YEAR")) {
            return String.format("%04d", (Integer) v); // the zero year prints as 0000
        }
        if (v instanceof byte[] b) {
            return HexFormat.of().withUpperCase().formatHex(b);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Float f) {
            return BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return Double.toString(d).replace("E", "e");
        }
        if (v instanceof BitSet bits) {
            long[] words = bits.toLongArray();
            return words.length == 0 ? "0" : new BigInteger(Long.toUnsignedString(words[0])).toString();
        }
        if (v instanceof Collection<?> set) {
            return String.join(",", set.stream().map(Object::toString).toList());
        }
        if (v instanceof LocalDate
                || v instanceof Integer
                || v instanceof Long
                || v instanceof BigInteger
                || v instanceof String) {
            return v.toString();
        }
        if (v instanceof LocalDateTime t) {
            return dateTime(t, c.fsp());
        }
        if (v instanceof Instant t) {
            return dateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC), c.fsp());
        }
        if (v instanceof Duration d) {
            return time(d, c.fsp());
        }
        return v.toString(); // MysqlDateTime prints its MySQL text form
    }

    private static String dateTime(LocalDateTime t, int fsp) {
        String s = String.format(
                "%04d-%02d-%02d %02d:%02d:%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        return s + fraction(t.getNano() / 1000, fsp);
    }

    private static String time(Duration d, int fsp) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        long seconds = a.getSeconds();
        String s =
                String.format("%s%02d:%02d:%02d", negative ? "-" : "", seconds / 3600, seconds / 60 % 60, seconds % 60);
        return s + fraction(a.getNano() / 1000, fsp);
    }

    private static String fraction(int micros, int fsp) {
        if (fsp == 0) {
            return "";
        }
        return "." + String.format("%06d", micros).substring(0, fsp);
    }
}
