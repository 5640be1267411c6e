package org.mysqlreplication.jsonl;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Collection;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.LargeValue;
import org.mysqlreplication.value.UndecodedText;
import org.mysqlreplication.value.json.JsonDiff;
import org.mysqlreplication.value.json.JsonPartialUpdate;
import org.mysqlreplication.value.json.MysqlJson;

/**
 * One column value as JSON, by the Java type the decoders give it and the column's definition (see the README's
 * table): integers, YEAR, BIT (unsigned) and DECIMAL (plain, with the column's scale) as numbers, FLOAT and DOUBLE
 * as the shortest decimal that reads back, temporal values as MySQL's text ({@code TIMESTAMP} in UTC, fsp digits
 * from the column), text as strings, SET as an array, bytes as base64 (GEOMETRY as WKT), MySQL JSON as itself;
 * text that could not be decoded ({@link UndecodedText}) as {@code {"undecoded":"UNKNOWN_CHARSET","base64":"..."}}.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonValues {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private JsonValues() {}

    /** Appends {@code v}, a value of a column defined by {@code def} ({@code null} when not known). */
    static void append(StringBuilder sb, Object v, ColumnDef def) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Double d) {
            ShortestDecimal.append(sb, d.doubleValue());
        } else if (v instanceof Float f) {
            ShortestDecimal.append(sb, f.floatValue());
        } else if (v instanceof byte[] b) {
            bytes(sb, b, def);
        } else if (v instanceof LocalDateTime t) {
            sb.append('"');
            dateTime(sb, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
            fraction(sb, t.getNano() / 1000, fsp(def));
            sb.append('"');
        } else if (v instanceof Instant t) {
            LocalDateTime u = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
            append(sb, u, def);
        } else if (v instanceof LocalDate d) {
            sb.append('"');
            date(sb, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            sb.append('"');
        } else if (v instanceof Duration d) {
            time(sb, d, fsp(def));
        } else if (v instanceof MysqlJson json) {
            sb.append(json.text());
        } else if (v instanceof BitSet bits) {
            long[] words = bits.toLongArray();
            sb.append(words.length == 0 ? "0" : Long.toUnsignedString(words[0]));
        } else if (v instanceof Collection<?> set) {
            array(sb, set, def);
        } else if (v instanceof float[] vector) {
            sb.append('[');
            for (int i = 0; i < vector.length; i++) {
                sb.append(i == 0 ? "" : ",");
                ShortestDecimal.append(sb, vector[i]);
            }
            sb.append(']');
        } else if (v instanceof LargeValue large) {
            largeValue(sb, large, def);
        } else if (v instanceof JsonPartialUpdate update) {
            partialUpdate(sb, update);
        } else if (v instanceof UndecodedText u) {
            byte[] b = u.bytes();
            sb.append("{\"undecoded\":\"").append(u.reason().name()).append("\",\"base64\":\"");
            base64(sb, b, 0, b.length, true);
            sb.append("\"}");
        } else {
            string(sb, v.toString()); // MysqlDateTime: the MySQL text, zero parts kept
        }
    }

    private static void array(StringBuilder sb, Collection<?> values, ColumnDef def) {
        sb.append('[');
        boolean first = true;
        for (Object o : values) {
            sb.append(first ? "" : ",");
            append(sb, o, def);
            first = false;
        }
        sb.append(']');
    }

    /** A MySQL partial JSON update: {@code {"json_diffs":[{"operation":"REPLACE","path":"$.a","value":1}]}}. */
    private static void partialUpdate(StringBuilder sb, JsonPartialUpdate update) {
        sb.append("{\"json_diffs\":[");
        boolean first = true;
        for (JsonDiff d : update.diffs()) {
            sb.append(first ? "{" : ",{")
                    .append("\"operation\":\"")
                    .append(d.operation().name())
                    .append("\",\"path\":");
            string(sb, d.path());
            if (d.value() != null) {
                sb.append(",\"value\":").append(d.value().text());
            }
            sb.append('}');
            first = false;
        }
        sb.append("]}");
    }

    private static void bytes(StringBuilder sb, byte[] b, ColumnDef def) {
        if (def != null && def.type() == ColumnType.GEOMETRY) {
            sb.append('"');
            Wkt.append(sb, b, 0, b.length);
            sb.append('"');
        } else {
            sb.append('"');
            base64(sb, b, 0, b.length, true);
            sb.append('"');
        }
    }

    private static void largeValue(StringBuilder sb, LargeValue v, ColumnDef def) {
        if (v.type() == ColumnType.GEOMETRY || v.type() == ColumnType.JSON) {
            byte[] b = v.toByteArray();
            if (v.type() == ColumnType.JSON) {
                sb.append(MysqlJson.decode(b).text());
            } else {
                bytes(sb, b, def);
            }
        } else if (v.charset() != null) {
            string(sb, new String(v.toByteArray(), v.charset()));
        } else {
            sb.append('"');
            byte[] chunk = new byte[3 << 14];
            try (InputStream in = v.openStream()) {
                int n;
                int have = 0;
                while ((n = in.read(chunk, have, chunk.length - have)) > 0) {
                    have += n;
                    if (have == chunk.length) {
                        base64(sb, chunk, 0, have, false);
                        have = 0;
                    }
                }
                base64(sb, chunk, 0, have, true);
            } catch (IOException e) {
                throw new JsonLinesException(
                        "reading a " + v.type() + " value of " + v.length() + " bytes failed: " + e.getMessage(), e);
            }
            sb.append('"');
        }
    }

    /** Base64 of {@code b[off, off + len)}; {@code last} pads a final partial group (else len is a multiple of 3). */
    static void base64(StringBuilder sb, byte[] b, int off, int len, boolean last) {
        int end = off + len;
        int i = off;
        for (; i + 2 < end; i += 3) {
            int n = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
            sb.append(BASE64[n >>> 18])
                    .append(BASE64[n >>> 12 & 63])
                    .append(BASE64[n >>> 6 & 63])
                    .append(BASE64[n & 63]);
        }
        if (last && i < end) {
            int n = (b[i] & 0xFF) << 16 | (i + 1 < end ? (b[i + 1] & 0xFF) << 8 : 0);
            sb.append(BASE64[n >>> 18]).append(BASE64[n >>> 12 & 63]);
            sb.append(i + 1 < end ? BASE64[n >>> 6 & 63] : '=').append('=');
        }
    }

    /**
     * A JSON string literal: {@code "} and {@code \} escaped, control characters as {@code \n}, {@code \t}, ...
     * or {@code &#92;u00XX}, a lone surrogate (not text, but a Java string may hold one) as {@code &#92;uXXXX} so
     * that the line stays valid UTF-8; every other character, supplementary ones as their surrogate pair, as it is.
     */
    static void string(StringBuilder sb, CharSequence s) {
        sb.append('"');
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            sb.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default ->
                    sb.append("\\u")
                            .append(HEX[c >>> 12])
                            .append(HEX[c >>> 8 & 15])
                            .append(HEX[c >>> 4 & 15])
                            .append(HEX[c & 15]);
            }
        }
        sb.append(s, run, n).append('"');
    }

    static int fsp(ColumnDef def) {
        if (def == null) {
            return 6;
        }
        int m = def.meta();
        return m >= 0 && m <= 6 ? m : 6;
    }

    private static void date(StringBuilder sb, int year, int month, int day) {
        pad(sb, year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2);
    }

    private static void dateTime(StringBuilder sb, int year, int month, int day, int hour, int minute, int second) {
        date(sb, year, month, day);
        sb.append(' ');
        pad(sb, hour, 2).append(':');
        pad(sb, minute, 2).append(':');
        pad(sb, second, 2);
    }

    /** TIME as {@code "[-]HH:MM:SS[.f]"}, hours past 24 as they are. */
    private static void time(StringBuilder sb, Duration d, int fsp) {
        sb.append('"');
        if (d.isNegative()) {
            sb.append('-');
            d = d.negated();
        }
        long s = d.getSeconds();
        pad(sb, s / 3600, 2).append(':');
        pad(sb, s / 60 % 60, 2).append(':');
        pad(sb, s % 60, 2);
        fraction(sb, d.getNano() / 1000, fsp);
        sb.append('"');
    }

    private static void fraction(StringBuilder sb, int micros, int fsp) {
        if (fsp > 0) {
            sb.append('.');
            int div = 100_000;
            for (int i = 0; i < fsp; i++) {
                sb.append((char) ('0' + micros / div % 10));
                div /= 10;
            }
        }
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        for (long p = 10; width > 1; width--, p *= 10) {
            if (v < p) {
                sb.append('0');
            }
        }
        return sb.append(v);
    }
}
