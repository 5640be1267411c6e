package org.mysqlreplication.value.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON text the library reads and writes itself, without a JSON library in core (the schema history
 * file, events as maps): {@link #quote} writes a string literal; {@link #parse} reads a value into {@code Map}
 * (keys in order), {@code List}, {@code String}, {@code Boolean}, {@code null} or a number, exactly: an integer as
 * {@code Long} (a {@code BigInteger} past its range), any other number as the {@code BigDecimal} it writes, scale
 * and all ({@code 12.50}).
 *
 * <p>Stateless (a parser instance per text) and thread-safe.
 */
public final class JsonText {

    private final String s;
    private int i;

    private JsonText(String s) {
        this.s = s;
    }

    /** A JSON string literal of {@code text}, or {@code null} for null. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The value of one JSON text. @throws IllegalArgumentException when it is not JSON */
    public static Object parse(String text) {
        JsonText p = new JsonText(text);
        Object v = p.value();
        p.space();
        if (p.i != text.length()) {
            throw p.error("text after the value");
        }
        return v;
    }

    private Object value() {
        space();
        if (i >= s.length()) {
            throw error("a value");
        }
        char c = s.charAt(i);
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", i) || s.startsWith("null", i)) {
            i += 4;
            return c == 't' ? Boolean.TRUE : null;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        return number(c);
    }

    private Object number(char first) {
        int start = i;
        if (first == '-') {
            i++;
        }
        int digits = digits();
        if (digits == 0) {
            throw error("a value");
        }
        boolean integer = true;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            integer = false;
            if (digits() == 0) {
                throw error("a digit after '.'");
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            integer = false;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (digits() == 0) {
                throw error("an exponent");
            }
        }
        String text = s.substring(start, i);
        if (!integer) {
            return new BigDecimal(text);
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
    }

    private int digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - start;
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (peek('}')) {
            return m;
        }
        do {
            space();
            if (!(i < s.length() && s.charAt(i) == '"')) {
                throw error("a key");
            }
            String key = string();
            space();
            expect(':');
            m.put(key, value());
            space();
        } while (accept(','));
        expect('}');
        return m;
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (peek(']')) {
            return l;
        }
        do {
            l.add(value());
            space();
        } while (accept(','));
        expect(']');
        return l;
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("four hex digits");
                    }
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        throw error("the end of a string");
    }

    private boolean peek(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private boolean accept(char c) {
        return peek(c);
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "'");
        }
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("expected " + expected + " at offset " + i);
    }
}
