package org.mysqlreplication.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where to resume a stream exactly, to the row: a reader started here hands out the next row not yet handled, with
 * no duplicate and no gap, even in the middle of a transaction or of a rows event of 60,000 rows.
 *
 * <p>A binlog position alone cannot say this: inside a transaction the rows events need their TABLE_MAPs, which come
 * before, and a rows event has no position for each of its rows. So the position is where the transaction being
 * handed out began ({@link #restart()}: its GTID or BEGIN event), how many events of it to pass over
 * ({@link #skipEvents()}, counting from that event, which is 0; they are read again for their table maps but not
 * handed out), and how many rows of the next one ({@link #skipRows()}). Between transactions it is the next event's
 * position with nothing to skip. {@link #gtid()} is the GTID position before that transaction, for resuming by GTID
 * on the same or another server (MariaDB: {@code 0-1-100}; MySQL: a GTID set); {@link #serverId()} and
 * {@link #serverUuid()} say which server wrote the events (the UUID only on MySQL).
 *
 * <p>Its text ({@link #toJson()}, {@link #parse(String)}) is a JSON object with a version, stable across releases:
 * {@code {"version":1,"file":"mysql-bin.000003","position":1234,"skip_events":3,"skip_rows":17,"server_id":1,
 * "server_uuid":null,"gtid":"0-1-100"}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param restart    where to start reading: the transaction's first event, or the next event between transactions
 * @param skipEvents how many events from {@code restart} to read without handing them out
 * @param skipRows   how many rows of the event after those to leave out
 * @param serverId   the id of the server that wrote the events, -1 when not known
 * @param serverUuid its {@code server_uuid} (MySQL), or null
 * @param gtid       the GTID position before the transaction, as text, or null when not known
 */
public record ResumePosition(
        BinlogPosition restart, long skipEvents, long skipRows, long serverId, String serverUuid, String gtid) {

    /** The version of {@link #toJson()}'s format. */
    public static final int VERSION = 1;

    public ResumePosition {
        Objects.requireNonNull(restart, "restart");
        if (skipEvents < 0 || skipRows < 0) {
            throw new IllegalArgumentException("skip " + skipEvents + " event(s) and " + skipRows + " row(s)");
        }
        if (skipRows > 0 && skipEvents == 0) {
            throw new IllegalArgumentException("rows to skip of the transaction's first event, which has none");
        }
    }

    /** The position of the next event, between transactions: nothing to skip. */
    public static ResumePosition at(BinlogPosition next) {
        return new ResumePosition(next, 0, 0, -1, null, null);
    }

    /** Whether anything is to be skipped: the position is inside a transaction. */
    public boolean insideTransaction() {
        return skipEvents > 0;
    }

    /** The same position with the server's identity and the GTID position before the transaction. */
    public ResumePosition with(long newServerId, String newServerUuid, String newGtid) {
        return new ResumePosition(restart, skipEvents, skipRows, newServerId, newServerUuid, newGtid);
    }

    /** The stable text form: a JSON object of one line, see the class comment. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"version\":").append(VERSION);
        sb.append(",\"file\":");
        quote(sb, restart.file());
        sb.append(",\"position\":").append(restart.position());
        sb.append(",\"skip_events\":").append(skipEvents);
        sb.append(",\"skip_rows\":").append(skipRows);
        sb.append(",\"server_id\":").append(serverId);
        sb.append(",\"server_uuid\":");
        quote(sb, serverUuid);
        sb.append(",\"gtid\":");
        quote(sb, gtid);
        return sb.append('}').toString();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /**
     * The position {@link #toJson()} wrote.
     *
     * @throws IllegalArgumentException when the text is not such an object, or of a later version
     */
    public static ResumePosition parse(String json) {
        Map<String, Object> m = new FlatJson(json).object();
        Object version = m.get("version");
        if (!(version instanceof Long v) || v != VERSION) {
            throw new IllegalArgumentException("resume position of version " + version + ", expected " + VERSION);
        }
        return new ResumePosition(
                new BinlogPosition(string(m, "file", false), number(m, "position")),
                number(m, "skip_events"),
                number(m, "skip_rows"),
                number(m, "server_id"),
                string(m, "server_uuid", true),
                string(m, "gtid", true));
    }

    private static long number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Long n)) {
            throw new IllegalArgumentException("resume position without the number \"" + key + "\"");
        }
        return n;
    }

    private static String string(Map<String, Object> m, String key, boolean nullable) {
        Object v = m.get(key);
        if (v instanceof String s) {
            return s;
        }
        if (v == null && nullable && m.containsKey(key)) {
            return null;
        }
        throw new IllegalArgumentException("resume position without the string \"" + key + "\"");
    }

    private static void quote(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** A strict reader of one flat JSON object whose values are strings, integers or null. */
    private static final class FlatJson {
        private final String s;
        private int i;

        FlatJson(String s) {
            this.s = Objects.requireNonNull(s, "json").strip();
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            expect('{');
            if (peek() != '}') {
                do {
                    String key = string();
                    expect(':');
                    if (m.put(key, value()) != null) {
                        throw error("duplicate key \"" + key + "\"");
                    }
                } while (next(','));
            }
            expect('}');
            if (i != s.length()) {
                throw error("text after the object");
            }
            return m;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            if (c == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            try {
                return Long.parseLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error("a string, an integer or null");
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    if (e == 'u' && i + 4 <= s.length()) {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    } else {
                        sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                    }
                } else {
                    sb.append(c);
                }
            }
            expect('"');
            return sb.toString();
        }

        private char peek() {
            skipSpace();
            if (i >= s.length()) {
                throw error("more text");
            }
            return s.charAt(i);
        }

        private boolean next(char c) {
            skipSpace();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!next(c)) {
                throw error("'" + c + "'");
            }
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("not a resume position: expected " + expected + " at offset " + i);
        }
    }
}
