package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.client.ColumnCases.Col;
import org.mysqlreplication.client.ColumnCases.Kind;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.value.MysqlDateTime;

/**
 * The differential test of issue 9: rows of random and edge values (drawn by {@link ColumnCases} from a seed) of
 * every type family, in random column order, inserted into a {@link LocalMariaDb} through JDBC, read back through
 * the binlog and compared value by value with the server's own SELECT of the same row. The servers run with {@code
 * binlog_row_metadata} FULL and NO_LOG and in zones {@code -11:00} and {@code +05:30}; each row is inserted and
 * selected in a session zone of UTC, {@code -11:00} or {@code +05:30}, and read with eager or lazy rows; the JVM's
 * default zone is {@code +14:00} throughout. A failure names the column type, the inserted literal, the binlog
 * value and the SELECT value.
 */
class ValuesDifferentialIT {

    private static final List<ZoneOffset> ZONES =
            List.of(ZoneOffset.UTC, ZoneOffset.ofHours(-11), ZoneOffset.ofHoursMinutes(5, 30));
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static LocalMariaDb full;
    private static LocalMariaDb noLog;
    private static TimeZone jvmZone;

    /** How many rows to try, and the seed of the first ({@code -Dvalues.differential.cases=1 -D...seed=S}). */
    private static final int CASES = Integer.getInteger("values.differential.cases", 600);

    private static final long SEED = Long.getLong("values.differential.seed", 20261202L);

    @BeforeAll
    static void start() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // +14:00, unlike every server zone
        full = LocalMariaDb.builder()
                .binlogRowMetadata("FULL")
                .timeZone("-11:00")
                .start();
        noLog = LocalMariaDb.builder()
                .binlogRowMetadata("NO_LOG")
                .timeZone("+05:30")
                .start();
        for (LocalMariaDb db : List.of(full, noLog)) {
            db.execute("CREATE DATABASE d");
        }
    }

    @AfterAll
    static void stop() {
        TimeZone.setDefault(jvmZone);
        full.close();
        noLog.close();
    }

    /**
     * Each case is a row drawn from its own seed ({@code SEED + i}, printed on failure), in a session zone and
     * metadata mode drawn from it too. The run checks its own coverage at the end: every kind of column many
     * times, and enough rows where a YEAR column precedes an integer with FULL metadata (where the SIGNEDNESS
     * shift hid).
     */
    @Test
    void everyValueFromTheBinlogEqualsTheServersSelect() throws SQLException {
        Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
        int yearBeforeInteger = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            ColumnCases cases = new ColumnCases(seed);
            List<Col> cols = cases.row();
            ZoneOffset zone = ZONES.get(cases.between(0, ZONES.size() - 1));
            boolean fullMetadata = cases.between(0, 1) == 1;
            boolean lazy = cases.between(0, 1) == 1;
            String image = List.of("FULL", "MINIMAL", "NOBLOB").get(cases.between(0, 2));
            check(cols, zone, fullMetadata, lazy, image, "case seed " + seed);
            cols.stream().filter(c -> !c.literal().equals("NULL")).forEach(c -> seen.merge(c.kind(), 1, Integer::sum));
            int year = cols.stream().map(Col::kind).toList().indexOf(Kind.YEAR);
            if (fullMetadata
                    && year >= 0
                    && cols.subList(year, cols.size()).stream().anyMatch(c -> c.kind() == Kind.INTEGER)) {
                yearBeforeInteger++;
            }
        }
        if (CASES >= 600) {
            assertThat(seen)
                    .as("values of each kind")
                    .hasSize(Kind.values().length)
                    .allSatisfy((kind, n) -> assertThat(n).as("%s", kind).isGreaterThan(100));
            assertThat(yearBeforeInteger)
                    .as("rows with a YEAR before an integer, FULL metadata")
                    .isGreaterThan(30);
        }
    }

    /**
     * Found by this test: MariaDB's charset list has an entry for a GEOMETRY column, so with FULL metadata every
     * character column after one got the previous column's collation (here a CHAR came out as bytes).
     */
    @Test
    void aCharColumnAfterAGeometryColumnKeepsItsCharset() throws SQLException {
        check(
                List.of(
                        new Col("GEOMETRY", "ST_GeomFromText('POINT(1 2)')", Kind.BYTES, 0),
                        new Col("CHAR(1) CHARACTER SET utf8mb4", "_utf8mb4 x'c3a9'", Kind.TEXT, 0),
                        new Col("POINT", "NULL", Kind.BYTES, 0),
                        new Col("VARCHAR(5) CHARACTER SET latin1", "'caf'", Kind.TEXT, 0)),
                ZoneOffset.UTC,
                true,
                false,
                null,
                "fixed");
    }

    /** Issue 9's first wrong value: MariaDB's SIGNEDNESS bitmap has a bit for YEAR. */
    @Test
    void integersAfterAYearColumnKeepTheirSign() throws SQLException {
        check(
                List.of(
                        new Col("YEAR", "2020", Kind.YEAR, 0),
                        new Col("TINYINT", "-1", Kind.INTEGER, 0),
                        new Col("TINYINT UNSIGNED", "255", Kind.INTEGER, 0)),
                ZoneOffset.UTC,
                true,
                false,
                null,
                "fixed");
    }

    /**
     * Inserts the row, compares the binlog's row with the SELECT; then, with {@code image} not null, sets the
     * session's {@code binlog_row_image} to it, changes only the primary key, and compares the update's images:
     * a column an image lacks must be absent (not NULL), the columns it has must hold the same values.
     */
    private static void check(
            List<Col> cols, ZoneOffset zone, boolean fullMetadata, boolean lazy, String image, String name)
            throws SQLException {
        LocalMariaDb db = fullMetadata ? full : noLog;
        String table = "t" + TABLES.incrementAndGet();
        List<String> literals = new ArrayList<>();
        StringBuilder create = new StringBuilder("CREATE TABLE d." + table + " (id INT PRIMARY KEY");
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Col c = cols.get(i);
            create.append(", c").append(i).append(' ').append(c.type());
            literals.add(ColumnCases.timestampLiteral(c.literal(), zone));
            selects.add(select("c" + i, c.kind()));
        }
        List<Object> expected = new ArrayList<>();
        String file;
        long position;
        try (Connection jdbc = DriverManager.getConnection(db.jdbcUrl() + "?useServerPrepStmts=true", "root", "");
                Statement st = jdbc.createStatement()) {
            st.execute("SET SESSION sql_mode = 'ALLOW_INVALID_DATES', SESSION time_zone = '"
                    + zone.getId().replace("Z", "+00:00") + "'");
            st.execute(create.append(')').toString());
            try (ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
                rs.next();
                file = rs.getString(1);
                position = rs.getLong(2);
            }
            st.execute("INSERT INTO d." + table + " VALUES (1, " + String.join(", ", literals) + ")");
            try (var ps = jdbc.prepareStatement("SELECT " + String.join(", ", selects) + " FROM d." + table);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < cols.size(); i++) {
                    expected.add(
                            switch (cols.get(i).kind()) {
                                case FLOAT ->
                                    rs.getObject(i + 1) == null ? null : Float.floatToRawIntBits(rs.getFloat(i + 1));
                                case DOUBLE ->
                                    rs.getObject(i + 1) == null
                                            ? null
                                            : Double.doubleToRawLongBits(rs.getDouble(i + 1));
                                default -> rs.getString(i + 1);
                            });
                }
            }
            if (image != null) {
                st.execute("SET SESSION binlog_row_image = '" + image + "'");
                st.execute("UPDATE d." + table + " SET id = 2");
            }
        }
        List<Row> rows = new ArrayList<>();
        List<UpdateRow> updates = new ArrayList<>();
        try {
            readAll(config(db)
                            .startAt(file, position)
                            .onlyEvents(WriteRowsEvent.class, UpdateRowsEvent.class)
                            .onlyTables(table)
                            .lazyRows(lazy)
                            .build())
                    .forEach(e -> {
                        if (e instanceof WriteRowsEvent w) {
                            rows.addAll(w.rows());
                        } else {
                            updates.addAll(((UpdateRowsEvent) e).rows());
                        }
                    });
        } catch (RuntimeException e) {
            throw new AssertionError(
                    name + ": the stream failed for the columns "
                            + cols.stream().map(Col::type).toList() + ", literals " + literals + ", "
                            + (fullMetadata ? "FULL" : "NO_LOG") + " metadata,"
                            + " row image " + image + ", lazy rows " + lazy,
                    e);
        }
        assertThat(rows).as("rows of %s", table).hasSize(1);
        String where = name + ", " + (fullMetadata ? "FULL" : "NO_LOG") + " metadata, lazy rows " + lazy;
        compare(rows.get(0), cols, literals, expected, zone, where);
        if (image == null) {
            return;
        }
        assertThat(updates).as("updates of %s", table).hasSize(1);
        UpdateRow u = updates.get(0);
        assertThat(List.of(u.before().get(0), u.after().get(0)))
                .as("%s: the key", where)
                .isEqualTo(List.of(1, 2));
        for (int i = 0; i < cols.size(); i++) {
            boolean blob = BLOBS.matcher(cols.get(i).type()).find();
            List<Boolean> present =
                    List.of(u.before().isPresent(i + 1), u.after().isPresent(i + 1));
            String what = where + ": column " + i + " (" + cols.get(i).type() + ") in the before and after images of"
                    + " binlog_row_image=" + image;
            if (image.equals("NOBLOB") && blob) {
                assertThat(present.get(0)).as(what).isEqualTo(present.get(1)); // the server decides
            } else {
                assertThat(present).as(what).isEqualTo(List.of(!image.equals("MINIMAL"), !image.equals("MINIMAL")));
            }
        }
        compare(u.before(), cols, literals, expected, zone, where + ", before image of " + image);
        compare(u.after(), cols, literals, expected, zone, where + ", after image of " + image);
    }

    /** The types a NOBLOB image may leave out when unchanged: the BLOB and TEXT family, JSON, GEOMETRY. */
    private static final java.util.regex.Pattern BLOBS =
            java.util.regex.Pattern.compile("^(TINY|MEDIUM|LONG)?(BLOB|TEXT)|^JSON|^GEOMETRY|^POINT");

    /** Every column present in {@code row} against the SELECT's value. */
    private static void compare(
            Row row, List<Col> cols, List<String> literals, List<Object> expected, ZoneOffset zone, String where) {
        for (int i = 0; i < cols.size(); i++) {
            if (!row.isPresent(i + 1)) {
                continue;
            }
            Col c = cols.get(i);
            Object decoded = row.get(i + 1);
            String decodedClass = decoded == null ? "null" : decoded.getClass().getSimpleName();
            assertThat(asSelected(decoded, c, zone))
                    .as(
                            "%s: type %s, literal %s, binlog value %s (%s), SELECT value %s; session zone %s",
                            where, c.type(), literals.get(i), decoded, decodedClass, expected.get(i), zone)
                    .isEqualTo(expected.get(i));
        }
    }

    /** The SELECT expression whose result is compared with a column of this kind. */
    private static String select(String column, Kind kind) {
        return switch (kind) {
            case FLOAT, DOUBLE -> column;
            case BIT, INTEGER -> "CAST(" + column + " + 0 AS CHAR)"; // + 0: ZEROFILL's padding is display only
            case TEXT -> "HEX(CONVERT(" + column + " USING utf8mb4))";
            case BYTES -> "HEX(" + column + ")";
            default -> "CAST(" + column + " AS CHAR)";
        };
    }

    /** A decoded value in the form {@link #select} gives it: text, or the raw bits of FLOAT and DOUBLE. */
    static Object asSelected(Object v, Col c, ZoneOffset zone) {
        if (v == null) {
            return null;
        }
        try {
            return selectedForm(v, c, zone);
        } catch (ClassCastException e) {
            return "a value of the wrong class: " + v.getClass().getSimpleName();
        }
    }

    private static Object selectedForm(Object v, Col c, ZoneOffset zone) {
        return switch (c.kind()) {
            case INTEGER ->
                v instanceof Integer || v instanceof Long || v instanceof BigInteger
                        ? v.toString()
                        : "not an integer: " + v;
            case YEAR -> String.format("%04d", (Integer) v);
            case DECIMAL -> ((BigDecimal) v).toPlainString();
            case FLOAT -> Float.floatToRawIntBits((Float) v);
            case DOUBLE -> Double.doubleToRawLongBits((Double) v);
            case BIT -> {
                long[] words = ((BitSet) v).toLongArray();
                yield words.length == 0 ? "0" : new BigInteger(Long.toUnsignedString(words[0])).toString();
            }
            case DATE -> v instanceof LocalDate d ? d.toString() : ((MysqlDateTime) v).toString();
            case DATETIME -> v instanceof LocalDateTime t ? dateTime(t, c.fsp()) : v.toString();
            case TIMESTAMP ->
                v instanceof Instant t ? dateTime(LocalDateTime.ofInstant(t, zone), c.fsp()) : v.toString();
            case TIME -> time((Duration) v, c.fsp());
            case TEXT -> HexFormat.of().withUpperCase().formatHex(((String) v).getBytes(StandardCharsets.UTF_8));
            case BYTES -> HexFormat.of().withUpperCase().formatHex((byte[]) v);
            case ENUM -> (String) v;
            case SET ->
                String.join(
                        ",", ((Collection<?>) v).stream().map(Object::toString).toList());
        };
    }

    private static String dateTime(LocalDateTime t, int fsp) {
        return new MysqlDateTime(
                        false,
                        t.getYear(),
                        t.getMonthValue(),
                        t.getDayOfMonth(),
                        t.getHour(),
                        t.getMinute(),
                        t.getSecond(),
                        t.getNano() / 1000,
                        fsp)
                .toString();
    }

    private static String time(Duration d, int fsp) {
        Duration a = d.abs();
        long s = a.getSeconds();
        String text = String.format("%s%02d:%02d:%02d", d.isNegative() ? "-" : "", s / 3600, s / 60 % 60, s % 60);
        return fsp == 0
                ? text
                : text + "." + String.format("%06d", a.getNano() / 1000).substring(0, fsp);
    }
}
