package org.mysqlreplication.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The columns and values of the differential test, drawn from one seeded {@link Random}: for each type family
 * a column (its SQL type, the literal inserted, how the server's SELECT and the decoded value are compared),
 * with values biased to the edges (each range's ends and their neighbours one time in four, each type's
 * extremes, zero and partly zero dates, NULL one time in ten). The same seed gives the same row.
 *
 * <p>Not thread-safe (the random source).
 */
final class ColumnCases {

    /** How a column's SELECT text and its decoded value are put side by side. */
    enum Kind {
        INTEGER,
        YEAR,
        DECIMAL,
        FLOAT,
        DOUBLE,
        BIT,
        DATE,
        DATETIME,
        TIMESTAMP,
        TIME,
        TEXT,
        BYTES,
        ENUM,
        SET
    }

    /**
     * One column of a generated row.
     *
     * @param type    the SQL type in CREATE TABLE
     * @param literal the SQL literal inserted ({@code NULL} for NULL)
     * @param kind    how values are compared
     * @param fsp     fractional-second digits of a temporal type
     */
    record Col(String type, String literal, Kind kind, int fsp) {}

    private static final String[] INT_TYPES = {"TINYINT", "SMALLINT", "MEDIUMINT", "INT", "BIGINT"};
    private static final int[] INT_BITS = {8, 16, 24, 32, 64};
    private static final String TEXT_CHARS = "aZ09 _'\\\"éüß€Ж中😀";
    private static final String[] ODD_DATES = {
        "0000-00-00", "2020-00-15", "2020-05-00", "0000-01-01", "2021-02-31", "9999-12-31", "1000-01-01"
    };

    private final Random random;

    ColumnCases(long seed) {
        this.random = new Random(seed);
    }

    /** A row of 2..20 columns of any families, in random order. */
    List<Col> row() {
        int n = 2 + random.nextInt(19);
        List<Col> cols = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cols.add(anyColumn());
        }
        return cols;
    }

    /** Any column of any family, NULL one time in ten. */
    Col anyColumn() {
        Col c = switch (random.nextInt(16)) {
            case 0 -> integer();
            case 1 -> year();
            case 2 -> decimal();
            case 3 -> floating();
            case 4 -> bit();
            case 5 -> new Col("DATE", "'" + dateText() + "'", Kind.DATE, 0);
            case 6 -> dateTime();
            case 7 -> timestamp();
            case 8 -> time();
            case 9 -> text();
            case 10 -> json();
            case 11 -> bytes();
            case 12 -> geometry();
            case 13 -> enumeration();
            case 14 -> address();
            default -> set();
        };
        return random.nextInt(10) == 0 ? new Col(c.type(), "NULL", c.kind(), c.fsp()) : c;
    }

    /** An int in {@code lo..hi}: one time in four an end or its neighbour. */
    int between(int lo, int hi) {
        if (random.nextInt(4) == 0) {
            int[] edges = {lo, hi, Math.min(hi, lo + 1), Math.max(lo, hi - 1)};
            return edges[random.nextInt(edges.length)];
        }
        return lo + random.nextInt(hi - lo + 1);
    }

    private BigInteger between(BigInteger lo, BigInteger hi) {
        BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
        if (random.nextInt(4) == 0) {
            BigInteger[] edges = {
                lo,
                hi,
                lo.add(BigInteger.ONE).min(hi),
                hi.subtract(BigInteger.ONE).max(lo),
                BigInteger.ZERO.max(lo).min(hi)
            };
            return edges[random.nextInt(edges.length)];
        }
        return lo.add(new BigInteger(span.bitLength() + 8, random).mod(span));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** TINYINT..BIGINT, signed, UNSIGNED or ZEROFILL (which is unsigned), and BOOL (a TINYINT(1)). */
    private Col integer() {
        int w = random.nextInt(INT_TYPES.length);
        int option = random.nextInt(6);
        boolean unsigned = option >= 3;
        int bits = INT_BITS[w];
        BigInteger min =
                unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = (unsigned ? BigInteger.ONE.shiftLeft(bits) : BigInteger.ONE.shiftLeft(bits - 1))
                .subtract(BigInteger.ONE);
        String type = option == 0 ? "BOOL" : INT_TYPES[w] + (option == 5 ? " ZEROFILL" : unsigned ? " UNSIGNED" : "");
        if (option == 0) {
            min = BigInteger.valueOf(-128);
            max = BigInteger.valueOf(127);
        }
        return new Col(type, between(min, max).toString(), Kind.INTEGER, 0);
    }

    private Col year() {
        int y = random.nextInt(8) == 0 ? 0 : between(1901, 2155);
        return new Col("YEAR", y == 0 ? "0000" : Integer.toString(y), Kind.YEAR, 0);
    }

    /** DECIMAL(p,s), p 1..65, s 0..min(p,30): every digit-group size, signed and unsigned, all nines, zero. */
    private Col decimal() {
        int p = between(1, 65);
        int s = between(0, Math.min(p, 30));
        boolean unsigned = random.nextBoolean();
        int form = random.nextInt(6);
        StringBuilder digits = new StringBuilder();
        int n = form == 0 ? p : 1 + random.nextInt(p);
        for (int i = 0; i < n; i++) {
            digits.append(form == 0 ? '9' : (char) ('0' + random.nextInt(10)));
        }
        BigDecimal v = form == 1 ? BigDecimal.ZERO.setScale(s) : new BigDecimal(new BigInteger(digits.toString()), s);
        if (!unsigned && random.nextBoolean()) {
            v = v.negate();
        }
        return new Col(
                "DECIMAL(" + p + "," + s + ")" + (unsigned ? " UNSIGNED" : ""), v.toPlainString(), Kind.DECIMAL, 0);
    }

    private Col floating() {
        if (random.nextBoolean()) {
            float f = random.nextInt(4) == 0
                    ? pick(List.of(-0.0f, 0f, Float.MAX_VALUE, -Float.MAX_VALUE, 1.17549435E-38f, 1.5f))
                    : (float) ((random.nextDouble() * 2 - 1) * Math.pow(10, between(-38, 38)));
            return new Col("FLOAT", Float.toString(f), Kind.FLOAT, 0);
        }
        double d = random.nextInt(4) == 0
                ? pick(List.of(-0.0, 0.0, Double.MAX_VALUE, -Double.MAX_VALUE, 2.2250738585072014E-308, 0.1))
                : (random.nextDouble() * 2 - 1) * Math.pow(10, between(-307, 307));
        return new Col("DOUBLE", Double.toString(d), Kind.DOUBLE, 0);
    }

    private Col bit() {
        int n = between(1, 64);
        BigInteger v = between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE));
        return new Col("BIT(" + n + ")", "b'" + v.toString(2) + "'", Kind.BIT, 0);
    }

    /** A valid date from 1000 to 9999, or (one time in five) a zero, partly zero or invalid one. */
    private String dateText() {
        if (random.nextInt(5) == 0) {
            return pick(List.of(ODD_DATES));
        }
        long from = LocalDate.of(1000, 1, 1).toEpochDay();
        long to = LocalDate.of(9999, 12, 31).toEpochDay();
        return LocalDate.ofEpochDay(from + (long) (random.nextDouble() * (to - from + 1)))
                .toString();
    }

    private Col dateTime() {
        int fsp = between(0, 6);
        return new Col(
                "DATETIME(" + fsp + ")", "'" + dateText() + " " + clock(23) + "." + micros() + "'", Kind.DATETIME, fsp);
    }

    /**
     * TIMESTAMP(fsp): a moment from 1970-01-01 00:00:01 UTC to 2038-01-19 03:14:07 UTC, or the zero timestamp;
     * the literal is the wall-clock time in the session zone, filled in by the test ({@code {epoch}} placeholder
     * with the epoch second and microseconds).
     */
    private Col timestamp() {
        int fsp = between(0, 6);
        String literal = random.nextInt(20) == 0
                ? "'0000-00-00 00:00:00'"
                : "{epoch " + between(1, Integer.MAX_VALUE) + " " + micros() + "}";
        return new Col("TIMESTAMP(" + fsp + ") NULL", literal, Kind.TIMESTAMP, fsp);
    }

    /** The literal of a {@link #timestamp()} column in a session zone. */
    static String timestampLiteral(String literal, ZoneOffset zone) {
        if (!literal.startsWith("{epoch ")) {
            return literal;
        }
        String[] parts = literal.substring(7, literal.length() - 1).split(" ");
        LocalDateTime t =
                LocalDateTime.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]) * 1000, zone);
        return "'" + t.toLocalDate() + " "
                + String.format("%02d:%02d:%02d.%06d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000)
                + "'";
    }

    /** TIME(fsp) from -838:59:59 to 838:59:59. */
    private Col time() {
        int fsp = between(0, 6);
        int h = between(0, 838);
        String sign = random.nextBoolean() ? "-" : "";
        return new Col(
                "TIME(" + fsp + ")",
                "'" + sign + h + clock(59).substring(2) + (h == 838 ? "" : "." + micros()) + "'",
                Kind.TIME,
                fsp);
    }

    /** {@code HH:MM:SS} with the hour at most {@code maxHour}. */
    private String clock(int maxHour) {
        return String.format("%02d:%02d:%02d", between(0, maxHour), between(0, 59), between(0, 59));
    }

    private String micros() {
        return String.format("%06d", between(0, 999_999));
    }

    private String textValue(int maxLength) {
        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(maxLength + 1);
        int[] points = TEXT_CHARS.codePoints().toArray();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return HexFormat.of().formatHex(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** CHAR, VARCHAR (1- and 2-byte lengths), TEXT types in utf8mb4 and latin1. */
    private Col text() {
        String type = pick(List.of(
                "CHAR(1)",
                "CHAR(10)",
                "CHAR(255)",
                "VARCHAR(1)",
                "VARCHAR(63)",
                "VARCHAR(64)",
                "VARCHAR(300)",
                "TINYTEXT",
                "TEXT",
                "MEDIUMTEXT",
                "LONGTEXT"));
        return new Col(
                type + " CHARACTER SET " + pick(List.of("utf8mb4", "latin1")),
                "_utf8mb4 x'" + textValue(70) + "'",
                Kind.TEXT,
                0);
    }

    /** MariaDB's JSON: a LONGTEXT in utf8mb4 that must hold valid JSON, here an object with one string. */
    private Col json() {
        return new Col("JSON", "JSON_OBJECT('k', _utf8mb4 x'" + textValue(40) + "')", Kind.TEXT, 0);
    }

    private Col bytes() {
        byte[] b = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(41)];
        random.nextBytes(b);
        return new Col(
                pick(List.of(
                        "BINARY(1)",
                        "BINARY(16)",
                        "VARBINARY(10)",
                        "VARBINARY(300)",
                        "TINYBLOB",
                        "BLOB",
                        "MEDIUMBLOB",
                        "LONGBLOB")),
                "x'" + HexFormat.of().formatHex(b) + "'",
                Kind.BYTES,
                0);
    }

    /** MariaDB's INET4, INET6 and UUID from their text forms, compared as the bytes stored (HEX of the column). */
    private Col address() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return switch (random.nextInt(3)) {
            case 0 ->
                new Col(
                        "INET4",
                        "'" + (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF) + "'",
                        Kind.BYTES,
                        0);
            case 1 -> {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < 16; i += 2) {
                    s.append(i == 0 ? "" : ":").append(Integer.toHexString((b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF)));
                }
                yield new Col("INET6", "'" + s + "'", Kind.BYTES, 0);
            }
            default -> {
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
                yield new Col("UUID", "'" + new java.util.UUID(bb.getLong(), bb.getLong()) + "'", Kind.BYTES, 0);
            }
        };
    }

    /** GEOMETRY and POINT: the stored SRID and WKB, compared with the server's HEX of the column. */
    private Col geometry() {
        double x = Math.round((random.nextDouble() * 2 - 1) * 1e9) / 1e3;
        double y = Math.round((random.nextDouble() * 2 - 1) * 1e9) / 1e3;
        return new Col(
                pick(List.of("GEOMETRY", "POINT")),
                "ST_GeomFromText('POINT(" + x + " " + y + ")', " + pick(List.of(0, 4326)) + ")",
                Kind.BYTES,
                0);
    }

    /** ENUM of 1..300 labels (1- and 2-byte values), inserted by label or as the empty (invalid) value. */
    private Col enumeration() {
        int n = between(1, 300);
        int i = between(0, n);
        return new Col("ENUM(" + labels(n) + ")", i == 0 ? "''" : "'v" + i + "'", Kind.ENUM, 0);
    }

    /** SET of 1..64 labels (1..8 bytes), any subset. */
    private Col set() {
        int n = between(1, 64);
        TreeSet<Integer> members = new TreeSet<>();
        int count = random.nextInt(n + 1);
        for (int k = 0; k < count; k++) {
            members.add(1 + random.nextInt(n));
        }
        List<String> names = members.stream().map(m -> "v" + m).toList();
        return new Col("SET(" + labels(n) + ")", "'" + String.join(",", names) + "'", Kind.SET, 0);
    }

    private static String labels(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            labels.add("'v" + i + "'");
        }
        return String.join(",", labels);
    }
}
