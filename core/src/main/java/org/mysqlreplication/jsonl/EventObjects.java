package org.mysqlreplication.jsonl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.BitSet;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.PasswordRedaction;
import org.mysqlreplication.event.RowsEvent;

/**
 * An event other than a row change as one JSON object, built from the event record's components so that every
 * event type (and any added later) has one without code of its own: {@code "event"} (the class name, as
 * {@code dump()} titles it), {@code "type_code"}, {@code "ts"}, {@code "server_id"}, {@code "log_pos"}, then each
 * component under its name in snake case ({@code slaveProxyId} as {@code "slave_proxy_id"}; one named as a field
 * before it, such as ROTATE's {@code position}, as {@code "event_position"}). Strings pass through
 * the dump's password redaction; byte arrays are base64; nested records are objects, collections arrays, bit
 * sets arrays of their set bits, enums and other values their text.
 *
 * <p>Stateless and thread-safe.
 */
final class EventObjects {

    private static final int MAX_DEPTH = 16;
    /** The names the object opens with: a component of the same name is written as {@code event_<name>}. */
    private static final Set<String> HEADER_NAMES =
            Set.of("event", "type_code", "ts", "server_id", "log_pos", "position");

    private EventObjects() {}

    /** Appends the event's object; {@code position} ({@code file:pos}) is added when not {@code null}. */
    static void append(StringBuilder sb, BinlogEvent event, String position) {
        header(sb, event, position);
        if (event instanceof Record r) {
            components(sb, r, false, 0);
        }
        sb.append('}');
    }

    /** Opens the event's object: the fields every event has, {@code "event"} to {@code "log_pos"}, and the position. */
    static void header(StringBuilder sb, BinlogEvent event, String position) {
        EventHeader h = event.header();
        sb.append("{\"event\":\"")
                .append(event.getClass().getSimpleName())
                .append("\",\"type_code\":")
                .append(h.typeCode())
                .append(",\"ts\":")
                .append(h.timestamp())
                .append(",\"server_id\":")
                .append(h.serverId())
                .append(",\"log_pos\":")
                .append(h.logPos());
        if (position != null) {
            sb.append(",\"position\":");
            JsonValues.string(sb, position);
        }
    }

    /** The components of a record (the header skipped), each as {@code ,"name":value}. */
    private static void components(StringBuilder sb, Record r, boolean first, int depth) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getType() == EventHeader.class) {
                continue;
            }
            sb.append(first ? "\"" : ",\"");
            String name = snakeCase(c.getName());
            sb.append(depth == 0 && HEADER_NAMES.contains(name) ? "event_" : "")
                    .append(name)
                    .append("\":");
            value(sb, read(c, r), depth + 1);
            first = false;
        }
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "<" + c.getType().getSimpleName() + ">";
        }
    }

    private static void value(StringBuilder sb, Object v, int depth) {
        if (v instanceof Double d) {
            ShortestDecimal.append(sb, d.doubleValue());
        } else if (v instanceof Float f) {
            ShortestDecimal.append(sb, f.floatValue());
        } else if (v == null || v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof CharSequence s) {
            JsonValues.string(sb, PasswordRedaction.redact(s.toString()));
        } else if (v instanceof byte[] b) {
            sb.append('"');
            JsonValues.base64(sb, b, 0, b.length, true);
            sb.append('"');
        } else if (v instanceof int[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",").append(a[i]);
            }
            sb.append(']');
        } else if (v instanceof BitSet bits) {
            sb.append('[');
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                sb.append(i == bits.nextSetBit(0) ? "" : ",").append(i);
            }
            sb.append(']');
        } else if (depth > MAX_DEPTH) {
            JsonValues.string(sb, v.toString());
        } else if (v instanceof RowsEvent rows) {
            RowJson.event(sb, rows, null);
        } else if (v instanceof BinlogEvent e) {
            append(sb, e, null);
        } else if (v instanceof Record r) {
            sb.append('{');
            components(sb, r, true, depth);
            sb.append('}');
        } else if (v instanceof Collection<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object o : list) {
                sb.append(first ? "" : ",");
                value(sb, o, depth + 1);
                first = false;
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ",");
                JsonValues.string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                value(sb, e.getValue(), depth + 1);
                first = false;
            }
            sb.append('}');
        } else {
            JsonValues.string(sb, v.toString());
        }
    }

    private static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
