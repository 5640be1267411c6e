package org.mysqlreplication.jsonl;

import java.util.Arrays;
import java.util.Objects;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;

/**
 * The parts of Maxwell's row object that come from a row: {@code data} (the present columns, name to value),
 * {@code old} (of an update, the before values of the columns whose value changed) and {@code primary_key} /
 * {@code primary_key_columns} ({@link RowLines} writes them, as bytes); and a whole rows event as one object for
 * {@link JsonLines#toJson}.
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
        RowLines lines = new RowLines(); // one for the event: its column names are encoded once, not once a row
        JsonBytes b = new JsonBytes(1024);
        for (int i = 0; i < e.rowCount(); i++) {
            sb.append(i == 0 ? "{" : ",{");
            b.setLength(0);
            lines.dataAndOld(b, after(e, i), before(e, i));
            sb.append(b.toString(0, b.length())).append('}');
        }
        sb.append("]}");
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof float[] x && b instanceof float[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }
}
