package org.mysqlreplication.jsonl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowValueException;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;

/**
 * The row part of a JSON line ({@code data}, {@code old}, {@code primary_key}), written as UTF-8 bytes into a
 * reused {@link JsonBytes}, without a string per value (also for {@link RowJson}'s text). The common
 * values go straight to bytes (integers from their binary form, DECIMAL from its unscaled value, text escaped and
 * encoded in one pass, DATETIME/TIMESTAMP digits from their fields); every other type is written by
 * {@link JsonValues} into a scratch buffer and copied. Each table's quoted column names and each event kind's
 * opening are encoded once. Not thread-safe: one per {@link JsonLines}.
 */
final class RowLines {

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
            opening = java.util.Arrays.copyOf(o.array(), o.length());
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
                if (before.isPresent(i) && data.isPresent(i) && !RowJson.sameValue(before.get(i), data.get(i))) {
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
            value(b, from.get(k), from.table().columns().get(k).def());
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
            value(b, row.get(i), t.columns().get(i).def());
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
        TableSchema t = row.table();
        if (t != namesOf || names.length != row.size()) {
            names = new byte[row.size()][];
            namesOf = t;
        }
        byte[] n = names[i];
        if (n == null) {
            JsonBytes o = new JsonBytes(32);
            o.string(row.columnName(i)).ascii(':');
            n = names[i] = java.util.Arrays.copyOf(o.array(), o.length());
        }
        return n;
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
        long unscaled = d.unscaledValue().longValue();
        if (scale == 0) {
            b.number(unscaled);
            return true;
        }
        if (unscaled < 0) {
            b.ascii('-');
            unscaled = -unscaled;
        }
        long p = POWERS_OF_TEN[scale];
        b.number(unscaled / p).ascii('.').padded(unscaled % p, scale);
        return true;
    }

    /** {@code "yyyy-MM-dd HH:mm:ss[.ffffff]"} with the column's fsp digits, as {@link JsonValues} writes it. */
    private static void dateTime(JsonBytes b, LocalDateTime t, ColumnDef def) {
        b.ascii('"')
                .padded(t.getYear(), 4)
                .ascii('-')
                .padded(t.getMonthValue(), 2)
                .ascii('-');
        b.padded(t.getDayOfMonth(), 2).ascii(' ').padded(t.getHour(), 2).ascii(':');
        b.padded(t.getMinute(), 2).ascii(':').padded(t.getSecond(), 2);
        int fsp = JsonValues.fsp(def);
        if (fsp > 0) {
            b.ascii('.').padded(t.getNano() / 1000 / POWERS_OF_TEN[6 - fsp], fsp);
        }
        b.ascii('"');
    }
}
