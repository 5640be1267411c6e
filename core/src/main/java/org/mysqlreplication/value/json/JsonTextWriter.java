package org.mysqlreplication.value.json;

import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.InvalidColumnValueException;

/**
 * Writes a walked document as MySQL prints a JSON value ({@code Json_wrapper::to_string}, {@code
 * wrapper_to_string} in {@code sql-common/json_dom.cc}): {@code ", "} between members and elements, {@code ": "}
 * after a key, keys in stored order, strings double-quoted with {@code \"}, {@code \\}, {@code \b}, {@code \f},
 * {@code \n}, {@code \r}, {@code \t} escaped and the other bytes up to 0x1F as {@code \}{@code u00xx} (lowercase hex),
 * everything else as is (no escaping of {@code /} or of non-ASCII); integers in decimal, doubles by
 * {@link MysqlDouble}, opaque values by {@link JsonOpaque}.
 *
 * <p>Strings are utf8mb4 in the binary format; bytes that are not valid UTF-8 raise
 * {@link InvalidColumnValueException} rather than turning into U+FFFD.
 *
 * <p>Not thread-safe: one writer per document.
 */
final class JsonTextWriter implements JsonHandler {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder sb;

    JsonTextWriter(int capacity) {
        sb = new StringBuilder(capacity);
    }

    String text() {
        return sb.toString();
    }

    @Override
    public void startObject(int count) {
        sb.append('{');
    }

    @Override
    public void key(byte[] b, int offset, int length, int index) {
        if (index > 0) {
            sb.append(", ");
        }
        quoted(b, offset, length);
        sb.append(": ");
    }

    @Override
    public void endObject() {
        sb.append('}');
    }

    @Override
    public void startArray(int count) {
        sb.append('[');
    }

    @Override
    public void element(int index) {
        if (index > 0) {
            sb.append(", ");
        }
    }

    @Override
    public void endArray() {
        sb.append(']');
    }

    @Override
    public void literal(int literal) {
        sb.append(literal == JsonBinary.NULL_LITERAL ? "null" : literal == JsonBinary.TRUE_LITERAL ? "true" : "false");
    }

    @Override
    public void signed(long value) {
        sb.append(value);
    }

    @Override
    public void unsigned(long value) {
        if (value >= 0) {
            sb.append(value);
        } else {
            sb.append(Long.toUnsignedString(value));
        }
    }

    @Override
    public void floating(double value) {
        MysqlDouble.append(sb, value);
    }

    @Override
    public void string(byte[] b, int offset, int length) {
        quoted(b, offset, length);
    }

    @Override
    public void opaque(int fieldType, byte[] b, int offset, int length) {
        switch (fieldType) {
            case JsonOpaque.NEWDECIMAL:
                sb.append(JsonOpaque.decimal(b, offset, length).toPlainString());
                break;
            case JsonOpaque.DATE:
            case JsonOpaque.TIME:
            case JsonOpaque.DATETIME:
            case JsonOpaque.TIMESTAMP:
                sb.append('"');
                JsonOpaque.appendTemporal(sb, fieldType, JsonOpaque.packed(fieldType, b, offset, length));
                sb.append('"');
                break;
            case JsonOpaque.VAR_STRING:
                quoted(b, offset, length);
                break;
            default:
                String s = JsonOpaque.base64(fieldType, b, offset, length);
                sb.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\n') {
                        sb.append("\\n");
                    } else {
                        sb.append(c);
                    }
                }
                sb.append('"');
        }
    }

    /** {@code length} bytes of UTF-8 as a quoted, escaped JSON string. */
    private void quoted(byte[] b, int offset, int length) {
        sb.append('"');
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int c = b[i];
            if (c >= 0x20 && c != '"' && c != '\\') {
                sb.append((char) c);
                i++;
            } else if (c >= 0) {
                escape(c);
                i++;
            } else {
                i = multiByte(b, i, end, offset);
            }
        }
        sb.append('"');
    }

    private void escape(int c) {
        sb.append('\\');
        switch (c) {
            case '\b' -> sb.append('b');
            case '\t' -> sb.append('t');
            case '\n' -> sb.append('n');
            case '\f' -> sb.append('f');
            case '\r' -> sb.append('r');
            case '"', '\\' -> sb.append((char) c);
            default -> sb.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }

    /**
     * Appends the UTF-8 sequence of 2-4 bytes starting at {@code b[i]} (RFC 3629: no overlong forms, no
     * surrogates, nothing above U+10FFFF) and returns the index after it.
     */
    private int multiByte(byte[] b, int i, int end, int stringStart) {
        int b0 = b[i] & 0xFF;
        int n;
        int cp;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
            cp = b0 & 0x1F;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            cp = b0 & 0x0F;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            throw notUtf8(i - stringStart);
        }
        if (end - i < n) {
            throw notUtf8(i - stringStart);
        }
        for (int k = 1; k < n; k++) {
            int x = b[i + k] & 0xFF;
            if ((x & 0xC0) != 0x80) {
                throw notUtf8(i - stringStart);
            }
            cp = cp << 6 | (x & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw notUtf8(i - stringStart);
        }
        if (cp < 0x10000) {
            sb.append((char) cp);
        } else {
            sb.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
        }
        return i + n;
    }

    private static InvalidColumnValueException notUtf8(int at) {
        return new InvalidColumnValueException(ColumnType.JSON, "binary JSON: a string is not valid UTF-8 at its byte "
                + at);
    }
}
