package org.mysqlreplication.jsonl;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowValueException;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.schema.TableSchema;

/**
 * The parts of Maxwell's row object that come from a row: {@code data} (the present columns, name to value),
 * {@code old} (of an update, the before values of the columns whose value changed) and {@code primary_key} /
 * {@code primary_key_columns}; and a whole rows event as one object for {@link JsonLines#toJson}.
 *
 * <p>Stateless and thread-safe.
 */
final class RowJson {

    private RowJson() {}

    /** {@code insert}, {@code update} or {@code delete}. */
    static String type(RowsEvent e) {
        return e instanceof WriteRowsEvent ? "insert" : e instanceof UpdateRowsEvent ? "update" : "delete";
    }

    /** Row {@code i} of the event: the row written or deleted, or an update's after image. */
    static Row after(RowsEvent e, int i) {
        if (e instanceof WriteRowsEvent w) {
            return w.rows().get(i);
        }
        if (e instanceof UpdateRowsEvent u) {
            return u.rows().get(i).after();
        }
        return ((DeleteRowsEvent) e).rows().get(i);
    }

    /** An update's before image of row {@code i}; {@code null} for other events. */
    static Row before(RowsEvent e, int i) {
        return e instanceof UpdateRowsEvent u ? u.rows().get(i).before() : null;
    }

    /** The whole event: header fields, table, type and {@code "rows":[{"data":{..},"old":{..}},...]}. */
    static void event(StringBuilder sb, RowsEvent e, String position) {
        EventObjects.header(sb, e, position);
        sb.append(",\"database\":");
        JsonValues.string(sb, e.table().database());
        sb.append(",\"table\":");
        JsonValues.string(sb, e.table().table());
        sb.append(",\"type\":\"").append(type(e)).append("\",\"rows\":[");
        for (int i = 0; i < e.rowCount(); i++) {
            sb.append(i == 0 ? "{" : ",{");
            dataAndOld(sb, after(e, i), before(e, i));
            sb.append('}');
        }
        sb.append("]}");
    }

    /** {@code "data":{...}} and, with a before image, {@code ,"old":{...}}. */
    static void dataAndOld(StringBuilder sb, Row data, Row before) {
        sb.append("\"data\":{");
        boolean first = true;
        int n = data.size();
        for (int i = 0; i < n; i++) {
            if (data.isPresent(i)) {
                first = column(sb, data, i, first);
            }
        }
        sb.append('}');
        if (before != null) {
            sb.append(",\"old\":{");
            first = true;
            for (int i = 0; i < n; i++) {
                if (before.isPresent(i) && data.isPresent(i) && !sameValue(before.get(i), data.get(i))) {
                    first = column(sb, before, i, first);
                }
            }
            sb.append('}');
        }
    }

    /**
     * {@code ,"primary_key":[..],"primary_key_columns":[..]} when the table's key is known and each key column is
     * in {@code data} or, failing that, in {@code before} (a MINIMAL after image may lack it); else nothing.
     */
    static void primaryKey(StringBuilder sb, Row data, Row before) {
        List<Integer> key = data.table().primaryKey();
        if (key.isEmpty()) {
            return;
        }
        for (int k : key) {
            if (!data.isPresent(k) && (before == null || !before.isPresent(k))) {
                return;
            }
        }
        sb.append(",\"primary_key\":[");
        for (int j = 0; j < key.size(); j++) {
            int k = key.get(j);
            Row from = data.isPresent(k) ? data : before;
            sb.append(j == 0 ? "" : ",");
            JsonValues.append(sb, from.get(k), from.table().columns().get(k).def());
        }
        sb.append("],\"primary_key_columns\":[");
        for (int j = 0; j < key.size(); j++) {
            sb.append(j == 0 ? "" : ",");
            JsonValues.string(sb, data.columnName(key.get(j)));
        }
        sb.append(']');
    }

    private static boolean column(StringBuilder sb, Row row, int i, boolean first) {
        if (!first) {
            sb.append(',');
        }
        JsonValues.string(sb, row.columnName(i));
        sb.append(':');
        TableSchema t = row.table();
        try {
            JsonValues.append(sb, row.get(i), t.columns().get(i).def());
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

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof float[] x && b instanceof float[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }
}
