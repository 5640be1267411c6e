package org.mysqlreplication.jsonl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.mysqlreplication.event.RawValueSink;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowValueException;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnMetadata;
import org.mysqlreplication.value.PrimitiveValues;
import org.mysqlreplication.value.RawValues;
import org.mysqlreplication.value.RawValues.TextEncoding;

/**
 * The row part of a JSON line ({@code data}, {@code old}, {@code primary_key}), written as UTF-8 bytes into a
 * reused {@link JsonBytes}, without a string per value (also for {@link RowJson}'s text). The common
 * values go straight to bytes (integers from their binary form, DECIMAL from its unscaled value, text escaped and
 * encoded in one pass, DATETIME/TIMESTAMP digits from their fields); every other type is written by
 * {@link JsonValues} into a scratch buffer and copied. Each table's quoted column names and each event kind's
 * opening are encoded once.
 *
 * <p>A row that keeps its bytes (a lazy row, {@link Row#raw}) has its common values written from them, without a
 * Java object: integers, FLOAT and DOUBLE read in place ({@link PrimitiveValues}), DECIMAL of up to 18 digits,
 * DATETIME2 and TIMESTAMP2 from their fields ({@link RawValues}), UTF-8 and latin1 text copied with escaping; any
 * other value, and one of those that is not the plain case (a zero date, invalid UTF-8, ...), is decoded and
 * written as above, so the bytes written are the same either way.
 *
 * <p>Not thread-safe: one per {@link JsonLines}.
 */
final class RowLines implements RawValueSink {

    private static final int MAX_LONG_DIGITS = 18;
    private static final long[] POWERS_OF_TEN = new long[MAX_LONG_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final StringBuilder scratch = new StringBuilder(64);
    private TableSchema namesOf;
    /** {@code "name":} of each column of {@link #namesOf}, in UTF-8. */
    private byte[][] names;

    /** Per column of {@link #namesOf}: its text encoding, once asked. */
    private TextEncoding[] encodings;

    /** How many values were written from their bytes (for tests: that the path is taken). */
    long fromBytes;

    /** Where {@link #accept} writes. */
    private JsonBytes target;
    /** The column {@link #accept} is given the value of. */
    private int column;

    /**
     * Set while {@link #sameValue} asks for a value's bytes: {@link #accept} then keeps where they are, in
     * {@link #rawBefore} (1) or {@link #rawAfter} (2), instead of writing them (one sink for both: the call stays
     * monomorphic).
     */
    private int capture;

    private byte[] rawBefore;
    private int rawBeforeAt;
    private byte[] rawAfter;
    private int rawAfterAt;

    private TableSchema openingOf;
    private String openingType;
    private byte[] opening;

    /** {@code {"database":..,"table":..,"type":"..","ts":} for the event's table and kind. */
    void opening(JsonBytes b, RowsEvent e) {
        String type = RowJson.type(e);
        if (e.table() != openingOf || !type.equals(openingType)) {
            JsonBytes o = new JsonBytes(64);
            o.ascii("{\"database\":").string(e.table().database());
            o.ascii(",\"table\":").string(e.table().table());
            o.ascii(",\"type\":\"").ascii(type).ascii("\",\"ts\":");
            opening = Arrays.copyOf(o.array(), o.length());
            openingOf = e.table();
            openingType = type;
        }
        b.bytes(opening);
    }

    /**
     * {@code "data":{...}} (the present columns) and, with a before image, {@code ,"old":{...}} (the before values
     * of the columns whose value changed).
     */
    void dataAndOld(JsonBytes b, Row data, Row before) {
        b.ascii("\"data\":{");
        boolean first = true;
        int n = data.size();
        for (int i = 0; i < n; i++) {
            if (data.isPresent(i)) {
                first = column(b, data, i, first);
            }
        }
        b.ascii('}');
        if (before != null) {
            b.ascii(",\"old\":{");
            first = true;
            for (int i = 0; i < n; i++) {
                if (before.isPresent(i) && data.isPresent(i) && !sameValue(before, data, i)) {
                    first = column(b, before, i, first);
                }
            }
            b.ascii('}');
        }
    }

    /**
     * {@code ,"primary_key":[..],"primary_key_columns":[..]} when the table's key is known and each key column is
     * in {@code data} or, failing that, in {@code before} (a MINIMAL after image may lack it); else nothing.
     */
    void primaryKey(JsonBytes b, Row data, Row before) {
        List<Integer> key = data.table().primaryKey();
        if (key.isEmpty()) {
            return;
        }
        for (int k : key) {
            if (!data.isPresent(k) && (before == null || !before.isPresent(k))) {
                return;
            }
        }
        b.ascii(",\"primary_key\":[");
        for (int j = 0; j < key.size(); j++) {
            int k = key.get(j);
            Row from = data.isPresent(k) ? data : before;
            if (j > 0) {
                b.ascii(',');
            }
            value(b, from, k);
        }
        b.ascii("],\"primary_key_columns\":[");
        for (int j = 0; j < key.size(); j++) {
            if (j > 0) {
                b.ascii(',');
            }
            b.string(data.columnName(key.get(j)));
        }
        b.ascii(']');
    }

    private boolean column(JsonBytes b, Row row, int i, boolean first) {
        if (!first) {
            b.ascii(',');
        }
        b.bytes(name(row, i));
        TableSchema t = row.table();
        try {
            value(b, row, i);
        } catch (RowValueException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RowValueException(
                    "column " + i + " (" + row.columnName(i) + ") of " + t.database() + "." + t.table()
                            + ": no JSON for its value: " + e.getMessage(),
                    e);
        }
        return false;
    }

    private byte[] name(Row row, int i) {
        cacheFor(row);
        byte[] n = names[i];
        if (n == null) {
            JsonBytes o = new JsonBytes(32);
            o.string(row.columnName(i)).ascii(':');
            n = names[i] = Arrays.copyOf(o.array(), o.length());
        }
        return n;
    }

    /** Starts the caches of column names and encodings over for another table. */
    private void cacheFor(Row row) {
        TableSchema t = row.table();
        if (t != namesOf || names.length != row.size()) {
            names = new byte[row.size()][];
            encodings = new TextEncoding[row.size()];
            namesOf = t;
        }
    }

    /** Column {@code i}'s value of {@code row}: from its bytes when the row keeps them and it is plain, else decoded. */
    private void value(JsonBytes b, Row row, int i) {
        cacheFor(row);
        target = b;
        column = i;
        int mark = b.length();
        try {
            if (row.raw(i, this)) {
                fromBytes++;
                return;
            }
        } catch (RuntimeException e) {
            b.setLength(mark); // broken bytes: decoding them says what is wrong
        }
        value(b, row.get(i), row.table().columns().get(i).def());
    }

    /**
     * Writes a value from its bytes to {@link #target} when it is of a type written so and plain; false, having
     * written nothing, otherwise.
     */
    @Override
    public boolean accept(byte[] a, int off, ColumnDef def) {
        if (capture != 0) {
            if (capture == 1) {
                rawBefore = a;
                rawBeforeAt = off;
            } else {
                rawAfter = a;
                rawAfterAt = off;
            }
            return true;
        }
        JsonBytes b = target;
        switch (def.type()) {
            case TINY:
            case SHORT:
            case INT24:
            case LONG:
            case YEAR:
                b.number(PrimitiveValues.readLong(a, off, def));
                return true;
            case LONGLONG:
                if (def.unsigned() && a[off + 7] < 0) {
                    return false; // above Long.MAX_VALUE
                }
                b.number(PrimitiveValues.readLong(a, off, def));
                return true;
            case FLOAT:
                ShortestDecimal.append(b, (float) PrimitiveValues.readDouble(a, off, def));
                return true;
            case DOUBLE:
                ShortestDecimal.append(b, PrimitiveValues.readDouble(a, off, def));
                return true;
            case NEWDECIMAL:
                long unscaled = RawValues.decimalUnscaled(a, off, def);
                if (unscaled == RawValues.NOT_PLAIN) {
                    return false;
                }
                decimal(b, unscaled, ColumnMetadata.decimalScale(def.meta()));
                return true;
            case DATETIME2:
                long f = RawValues.dateTime2(a, off, def);
                if (f == RawValues.NOT_PLAIN) {
                    return false;
                }
                b.dateTime(
                        RawValues.dateTimeField(f, 0),
                        RawValues.dateTimeField(f, 1),
                        RawValues.dateTimeField(f, 2),
                        RawValues.dateTimeField(f, 3),
                        RawValues.dateTimeField(f, 4),
                        RawValues.dateTimeField(f, 5),
                        RawValues.dateTimeField(f, 6),
                        JsonValues.fsp(def));
                return true;
            case TIMESTAMP2:
                long micros = RawValues.timestamp2Micros(a, off, def);
                if (micros == RawValues.NOT_PLAIN) {
                    return false;
                }
                utcDateTime(b, micros, JsonValues.fsp(def));
                return true;
            case VARCHAR:
            case VAR_STRING:
            case STRING:
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
            case BLOB:
                TextEncoding enc = encoding(column, def);
                if (enc == TextEncoding.OTHER) {
                    return false;
                }
                long where = RawValues.lengthPrefixed(a, off, def);
                return b.text(a, (int) where, (int) (where >>> 32), enc == TextEncoding.LATIN1);
            default:
                return false;
        }
    }

    /** Column {@code i}'s text encoding, from the cache of {@link #namesOf}'s columns. */
    private TextEncoding encoding(int i, ColumnDef def) {
        TextEncoding enc = encodings[i];
        return enc != null ? enc : (encodings[i] = RawValues.textEncoding(def));
    }

    /**
     * Whether column {@code i} has the same value in both rows, as {@link RowJson#sameValue} tells: from the bytes
     * when both rows keep them (the same bytes are the same value; for integers and UTF-8 or latin1 text, whose
     * decoding maps no two byte strings to one value, other bytes are another value; FLOAT and DOUBLE compared as
     * {@link Double#equals} does, every NaN one value; DECIMAL, DATETIME2 and TIMESTAMP2 compared as the numbers
     * {@link #plainNumber} reads), else decoded.
     */
    private boolean sameValue(Row before, Row data, int i) {
        boolean raw;
        try {
            capture = 1;
            raw = before.raw(i, this);
            capture = 2;
            raw = raw && data.raw(i, this);
        } finally {
            capture = 0;
        }
        if (raw) {
            ColumnDef def = data.table().columns().get(i).def();
            int n = RawValues.size(rawBefore, rawBeforeAt, def);
            int m = RawValues.size(rawAfter, rawAfterAt, def);
            if (Arrays.equals(rawBefore, rawBeforeAt, rawBeforeAt + n, rawAfter, rawAfterAt, rawAfterAt + m)) {
                return true;
            }
            if (PrimitiveValues.isInteger(def)) {
                return false;
            }
            if (PrimitiveValues.isFloatingPoint(def)) { // as Double.equals: one NaN, 0.0 and -0.0 apart
                return Double.doubleToLongBits(PrimitiveValues.readDouble(rawBefore, rawBeforeAt, def))
                        == Double.doubleToLongBits(PrimitiveValues.readDouble(rawAfter, rawAfterAt, def));
            }
            cacheFor(data);
            if (encoding(i, def) != TextEncoding.OTHER) {
                return false;
            }
            try {
                long x = plainNumber(rawBefore, rawBeforeAt, def);
                long y = x == RawValues.NOT_PLAIN ? x : plainNumber(rawAfter, rawAfterAt, def);
                if (y != RawValues.NOT_PLAIN) {
                    return x == y;
                }
            } catch (RuntimeException broken) {
                // decoding says what is wrong
            }
        }
        return RowJson.sameValue(before.get(i), data.get(i));
    }

    /**
     * A DECIMAL (its unscaled value, the scale being the column's), DATETIME2 (its fields) or TIMESTAMP2 (its
     * microseconds) as one number that two values share exactly when their decoded values are equal (-0.00 and 0.00
     * both 0); {@link RawValues#NOT_PLAIN} for another type or a value that is not the plain case.
     */
    private static long plainNumber(byte[] a, int off, ColumnDef def) {
        return switch (def.type()) {
            case NEWDECIMAL -> RawValues.decimalUnscaled(a, off, def);
            case DATETIME2 -> RawValues.dateTime2(a, off, def);
            case TIMESTAMP2 -> RawValues.timestamp2Micros(a, off, def);
            default -> RawValues.NOT_PLAIN;
        };
    }

    /** As {@link JsonValues#append}, the common types without a string. */
    void value(JsonBytes b, Object v, ColumnDef def) {
        if (v == null) {
            b.ascii("null");
        } else if (v instanceof Integer x) {
            b.number(x);
        } else if (v instanceof Long x) {
            b.number(x);
        } else if (v instanceof Double d) {
            ShortestDecimal.append(b, d.doubleValue());
        } else if (v instanceof Float f) {
            ShortestDecimal.append(b, f.floatValue());
        } else if (v instanceof String s) {
            b.string(s);
        } else if (v instanceof BigDecimal d && decimal(b, d)) {
            return;
        } else if (v instanceof LocalDateTime t && t.getYear() >= 0 && t.getYear() <= 9999) {
            dateTime(b, t, def);
        } else if (v instanceof Instant t && t.getEpochSecond() >= 0 && t.getEpochSecond() < 253402300800L) {
            dateTime(b, LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC), def);
        } else {
            scratch.setLength(0);
            JsonValues.append(scratch, v, def);
            b.utf8(scratch);
        }
    }

    /** {@link BigDecimal#toPlainString()} from the unscaled value when it fits a long; false when it does not. */
    private static boolean decimal(JsonBytes b, BigDecimal d) {
        int scale = d.scale();
        if (scale < 0 || scale > MAX_LONG_DIGITS || d.precision() > MAX_LONG_DIGITS) {
            return false;
        }
        decimal(b, d.unscaledValue().longValue(), scale);
        return true;
    }

    /** A decimal of at most 18 digits, {@code unscaled / 10^scale}, as {@link BigDecimal#toPlainString()} writes it. */
    private static void decimal(JsonBytes b, long unscaled, int scale) {
        if (scale == 0) {
            b.number(unscaled);
            return;
        }
        if (unscaled < 0) {
            b.ascii('-');
            unscaled = -unscaled;
        }
        long p = POWERS_OF_TEN[scale];
        b.number(unscaled / p).ascii('.').padded(unscaled % p, scale);
    }

    /** {@code "yyyy-MM-dd HH:mm:ss[.ffffff]"} with the column's fsp digits, as {@link JsonValues} writes it. */
    private static void dateTime(JsonBytes b, LocalDateTime t, ColumnDef def) {
        b.dateTime(
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getNano() / 1000,
                JsonValues.fsp(def));
    }

    /** A time in microseconds since 1970-01-01 UTC (before 10000-01-01) as {@link #dateTime}, in UTC. */
    private static void utcDateTime(JsonBytes b, long micros, int fsp) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) (seconds - days * 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        b.dateTime(
                date.getYear(),
                date.getMonthValue(),
                date.getDayOfMonth(),
                secondOfDay / 3600,
                secondOfDay / 60 % 60,
                secondOfDay % 60,
                (int) (micros - seconds * 1_000_000L),
                fsp);
    }
}
