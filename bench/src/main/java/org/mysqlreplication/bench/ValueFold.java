package org.mysqlreplication.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Folds every value of every row a reader decodes into checksums, so that no reader can skip lazy work and the
 * readers can be checked against each other.
 *
 * <p>Two sums: {@link #all()} takes every column in the reader's own representation (numbers by value,
 * strings by their chars, bytes by content, temporals by epoch microseconds); {@link #compared()} takes only
 * the columns both libraries decode to the same value, in a form both give: {@link #COMPARED_COLUMNS}.
 * DATETIME(6) is compared in epoch milliseconds (UTC), because mysql-binlog-connector-java's default mode gives
 * a {@code java.util.Date}; {@code body} (TEXT) and {@code doc} (JSON, a LONGTEXT on MariaDB) are not in the
 * compared sum, because the connector gives their bytes and we give a String (the integration test compares
 * them by decoding the connector's bytes as UTF-8).
 *
 * <p>Not thread-safe: one per reader.
 */
public final class ValueFold {

    /** The columns in {@link #compared()}, by index in {@link Workload}'s table. */
    public static final int[] COMPARED_COLUMNS = {0, 1, 2, 3, 4, 5, 6, 7, 10};

    public static final String COMPARED_NAMES = "id qty name title price created(ms) updated ratio flags";
    private static final int DATETIME_COLUMN = 5;
    private static final long NULL_MARK = 0x9E3779B97F4A7C15L;
    private static final boolean[] IS_COMPARED = new boolean[Workload.COLUMNS];

    static {
        for (int c : COMPARED_COLUMNS) {
            IS_COMPARED[c] = true;
        }
    }

    private long all;
    private long compared;
    private long rows;

    /** Counts one row (an update's before and after images are one row, folded with two calls to value). */
    public void countRow() {
        rows++;
    }

    /** Folds the value of {@code column}. */
    public void value(int column, Object v) {
        mix(column, canonical(v), v == null);
    }

    /**
     * Folds a non-NULL value of {@code column} given in its canonical form: what {@link #canonical(Object)}
     * gives for it (for a number read without a boxed object: the integer, or a double's bits).
     */
    public void canonical(int column, long h) {
        mix(column, h, false);
    }

    private void mix(int column, long h, boolean isNull) {
        all = all * 31 + h + column;
        if (column < IS_COMPARED.length && IS_COMPARED[column]) {
            long c = column != DATETIME_COLUMN ? h : isNull ? NULL_MARK : Math.floorDiv(h, 1000);
            compared = compared * 31 + c + column;
        }
    }

    /** The value's canonical 64-bit form. */
    static long canonical(Object v) {
        if (v == null) {
            return NULL_MARK;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return Double.doubleToLongBits(d);
        }
        if (v instanceof String s) {
            return s.hashCode();
        }
        if (v instanceof byte[] b) {
            return Arrays.hashCode(b);
        }
        if (v instanceof BigDecimal d) {
            return d.hashCode();
        }
        if (v instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
        }
        if (v instanceof Instant t) {
            return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
        }
        if (v instanceof java.sql.Timestamp t) {
            return Math.floorDiv(t.getTime(), 1000) * 1_000_000L + t.getNanos() / 1000;
        }
        if (v instanceof java.util.Date d) {
            return d.getTime() * 1000;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v.hashCode();
    }

    public long all() {
        return all;
    }

    public long compared() {
        return compared;
    }

    public long rows() {
        return rows;
    }
}
