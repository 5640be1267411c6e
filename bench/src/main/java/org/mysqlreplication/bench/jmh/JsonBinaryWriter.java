package org.mysqlreplication.bench.jmh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Benchmark inputs: writes a document of maps, lists, strings, ints, doubles, booleans and nulls in MySQL's binary
 * JSON format (small containers only, as {@code json_binary::serialize} writes documents under 64 KB: keys sorted by
 * length, then bytewise; literals and int16 inlined in the value entries; other values after the header), and prints
 * the text MySQL shows for it, so that a benchmark can check its decoding once before it measures.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonBinaryWriter {

    private JsonBinaryWriter() {}

    /** The document: its type byte, then the value. */
    static byte[] document(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type(value));
        out.writeBytes(payload(value));
        return out.toByteArray();
    }

    /** The text MySQL prints for the document (doubles with Double.toString: use short ones like 2.5). */
    static String text(Object value) {
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (String k : sortedKeys(m)) {
                sb.append(sb.length() > 1 ? ", " : "")
                        .append('"')
                        .append(k)
                        .append("\": ")
                        .append(text(m.get(k)));
            }
            return sb.append('}').toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                sb.append(sb.length() > 1 ? ", " : "").append(text(o));
            }
            return sb.append(']').toString();
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static int type(Object v) {
        if (v instanceof Map) {
            return 0x00;
        } else if (v instanceof List) {
            return 0x02;
        } else if (v == null || v instanceof Boolean) {
            return 0x04;
        } else if (v instanceof Integer i) {
            return i == (short) (int) i ? 0x05 : 0x07;
        } else if (v instanceof Double) {
            return 0x0B;
        } else if (v instanceof String) {
            return 0x0C;
        }
        throw new IllegalArgumentException("no binary JSON for " + v.getClass());
    }

    private static byte[] payload(Object v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (v instanceof Map<?, ?> m) {
            List<String> keys = sortedKeys(m);
            List<Object> values = new ArrayList<>();
            keys.forEach(k -> values.add(m.get(k)));
            container(out, keys, values);
        } else if (v instanceof List<?> l) {
            container(out, null, new ArrayList<>(l));
        } else if (v == null || v instanceof Boolean) {
            out.write(v == null ? 0 : (Boolean) v ? 1 : 2);
        } else if (v instanceof Integer i) {
            le(out, i, type(v) == 0x05 ? 2 : 4);
        } else if (v instanceof Double d) {
            le(out, Double.doubleToLongBits(d), 8);
        } else {
            byte[] s = ((String) v).getBytes(StandardCharsets.UTF_8);
            for (int n = s.length; ; n >>>= 7) {
                out.write(n >= 0x80 ? (n & 0x7F) | 0x80 : n);
                if (n < 0x80) {
                    break;
                }
            }
            out.writeBytes(s);
        }
        return out.toByteArray();
    }

    /** count, size, key entries (objects), value entries, keys, values; offsets from the count field. */
    private static void container(ByteArrayOutputStream out, List<String> keys, List<Object> values) {
        int n = values.size();
        int header = 4 + (keys == null ? 0 : n * 4) + n * 3;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        if (keys != null) {
            for (String k : keys) {
                byte[] kb = k.getBytes(StandardCharsets.UTF_8);
                le(entries, header + data.size(), 2);
                le(entries, kb.length, 2);
                data.writeBytes(kb);
            }
        }
        ByteArrayOutputStream valueEntries = new ByteArrayOutputStream();
        for (Object v : values) {
            int t = type(v);
            valueEntries.write(t);
            if (t == 0x04 || t == 0x05) {
                byte[] inline = payload(v);
                valueEntries.writeBytes(inline);
                if (inline.length == 1) {
                    valueEntries.write(0);
                }
            } else {
                le(valueEntries, header + data.size(), 2);
                data.writeBytes(payload(v));
            }
        }
        int size = header + data.size();
        if (size > 0xFFFF) {
            throw new IllegalArgumentException("a small container holds at most 64 KB");
        }
        le(out, n, 2);
        le(out, size, 2);
        out.writeBytes(entries.toByteArray());
        out.writeBytes(valueEntries.toByteArray());
        out.writeBytes(data.toByteArray());
    }

    private static List<String> sortedKeys(Map<?, ?> m) {
        List<String> keys = new ArrayList<>();
        m.keySet().forEach(k -> keys.add((String) k));
        keys.sort(Comparator.comparingInt((String k) -> k.getBytes(StandardCharsets.UTF_8).length)
                .thenComparing(k -> k, Comparator.naturalOrder()));
        return keys;
    }

    private static void le(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }
}
