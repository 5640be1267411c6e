package org.mysqlreplication.value.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * <p>The text is assembled as UTF-8 bytes (strings are utf8mb4 in the binary format, so runs of plain bytes are
 * copied whole) and turned into a {@link String} once at the end; bytes that are not valid UTF-8 raise
 * {@link InvalidColumnValueException} rather than turning into U+FFFD.
 *
 * <p>Not thread-safe: one writer per document.
 */
final class JsonTextWriter implements JsonHandler {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] out;
    private int count;
    /** For the values printed through {@link MysqlDouble} or a StringBuilder: doubles and temporals; made on use. */
    private StringBuilder scratch;

    JsonTextWriter(int capacity) {
        out = new byte[Math.max(16, capacity)];
    }

    /** The text written; raises {@link InvalidColumnValueException} when a string was not valid UTF-8. */
    String text() {
        String s = new String(out, 0, count, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            // the JDK replaced bad input, or the data holds a real U+FFFD: decode again strictly to know which
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(out, 0, count));
            } catch (CharacterCodingException e) {
                throw new InvalidColumnValueException(
                        ColumnType.JSON, "binary JSON: a string or key is not valid" + " UTF-8");
            }
        }
        return s;
    }

    @Override
    public void startObject(int count) {
        ascii('{');
    }

    @Override
    public void key(byte[] b, int offset, int length, int index) {
        if (index > 0) {
            ascii(',');
            ascii(' ');
        }
        quoted(b, offset, length);
        ascii(':');
        ascii(' ');
    }

    @Override
    public void endObject() {
        ascii('}');
    }

    @Override
    public void startArray(int count) {
        ascii('[');
    }

    @Override
    public void element(int index) {
        if (index > 0) {
            ascii(',');
            ascii(' ');
        }
    }

    @Override
    public void endArray() {
        ascii(']');
    }

    @Override
    public void literal(int literal) {
        ascii(literal == JsonBinary.NULL_LITERAL ? "null" : literal == JsonBinary.TRUE_LITERAL ? "true" : "false");
    }

    @Override
    public void signed(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            ascii('-');
            value = -value;
        }
        digits(value);
    }

    @Override
    public void unsigned(long value) {
        if (value >= 0) {
            digits(value);
        } else {
            ascii(Long.toUnsignedString(value));
        }
    }

    /** A non-negative number in decimal. */
    private void digits(long value) {
        int n = 1;
        for (long v = value; v >= 10; v /= 10) {
            n++;
        }
        ensure(n);
        for (int i = count + n - 1; i >= count; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        count += n;
    }

    @Override
    public void floating(double value) {
        MysqlDouble.append(scratch(), value);
        ascii(scratch);
    }

    @Override
    public void string(byte[] b, int offset, int length) {
        quoted(b, offset, length);
    }

    @Override
    public void opaque(int fieldType, byte[] b, int offset, int length) {
        switch (fieldType) {
            case JsonOpaque.NEWDECIMAL:
                ascii(JsonOpaque.decimal(b, offset, length).toPlainString());
                break;
            case JsonOpaque.DATE:
            case JsonOpaque.TIME:
            case JsonOpaque.DATETIME:
            case JsonOpaque.TIMESTAMP:
                scratch().append('"');
                JsonOpaque.appendTemporal(scratch, fieldType, JsonOpaque.temporal(fieldType, b, offset, length));
                ascii(scratch.append('"'));
                break;
            case JsonOpaque.VAR_STRING:
                quoted(b, offset, length);
                break;
            default:
                byte[] s = JsonOpaque.base64(fieldType, b, offset, length).getBytes(StandardCharsets.US_ASCII);
                quoted(s, 0, s.length);
        }
    }

    /** {@code length} bytes of UTF-8 as a quoted, escaped JSON string; runs without escapes are copied whole. */
    private void quoted(byte[] b, int offset, int length) {
        ascii('"');
        int end = offset + length;
        int run = offset;
        for (int i = offset; i < end; i++) {
            int c = b[i];
            if (c >= 0 && (c < 0x20 || c == '"' || c == '\\')) {
                bytes(b, run, i - run);
                escape(c);
                run = i + 1;
            }
        }
        bytes(b, run, end - run);
        ascii('"');
    }

    private void escape(int c) {
        ascii('\\');
        switch (c) {
            case '\b' -> ascii('b');
            case '\t' -> ascii('t');
            case '\n' -> ascii('n');
            case '\f' -> ascii('f');
            case '\r' -> ascii('r');
            case '"', '\\' -> ascii((char) c);
            default -> {
                ascii("u00");
                ensure(2);
                out[count++] = HEX[c >> 4];
                out[count++] = HEX[c & 0xF];
            }
        }
    }

    private StringBuilder scratch() {
        if (scratch == null) {
            scratch = new StringBuilder(32);
        }
        scratch.setLength(0);
        return scratch;
    }

    private void ascii(char c) {
        ensure(1);
        out[count++] = (byte) c;
    }

    private void ascii(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            out[count++] = (byte) s.charAt(i);
        }
    }

    private void bytes(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, out, count, length);
        count += length;
    }

    private void ensure(int n) {
        if (out.length - count < n) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, count + n));
        }
    }
}
