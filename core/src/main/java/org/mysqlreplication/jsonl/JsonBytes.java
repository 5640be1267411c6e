package org.mysqlreplication.jsonl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 buffer for JSON text, reused line after line: ASCII and numbers written as bytes, strings
 * escaped and encoded to UTF-8 in one pass, exactly as {@link JsonValues#string} escapes them and a UTF-8 encoder
 * then encodes the result. Not thread-safe.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** For bytes 0-0x7F: 0 copied as is, 1 escaped ({@code "}, {@code \}, control characters). */
    private static final boolean[] ESCAPED = new boolean[128];

    /** For text that is already JSON: nothing escaped. */
    private static final boolean[] NOT_ESCAPED = new boolean[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPED[c] = true;
        }
        ESCAPED['"'] = true;
        ESCAPED['\\'] = true;
    }

    private byte[] buf;
    private int len;
    /** Text is encoded a chunk of this many chars at a time (a long value keeps no large array behind). */
    private static final int CHUNK = 4096;

    /** The characters of the chunk being written. */
    private final char[] chars = new char[CHUNK];

    JsonBytes(int capacity) {
        buf = new byte[capacity];
    }

    int length() {
        return len;
    }

    void setLength(int n) {
        len = n;
    }

    byte[] array() {
        return buf;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** Room for {@code n} more bytes: the array to write them into from {@link #length()}, then set the length. */
    byte[] room(int n) {
        ensure(n);
        return buf;
    }

    JsonBytes ascii(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends text known to be ASCII (punctuation, field names, digits). */
    JsonBytes ascii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, len); // ASCII: the low byte of each char is its byte
        len += n;
        return this;
    }

    JsonBytes bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    JsonBytes bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Appends {@code v} in decimal, as {@link Long#toString(long)}. */
    JsonBytes number(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii("-9223372036854775808");
        }
        if (v < 0) {
            ascii('-');
            v = -v;
        }
        return padded(v, 1);
    }

    /** Appends non-negative {@code v} in decimal with at least {@code width} digits (zeros in front). */
    JsonBytes padded(long v, int width) {
        if (v < 100 && width <= 2) {
            ensure(2);
            int x = (int) v;
            if (x >= 10 || width == 2) {
                buf[len++] = (byte) ('0' + x / 10);
            }
            buf[len++] = (byte) ('0' + x % 10);
            return this;
        }
        int digits = Math.max(width, digits(v));
        ensure(digits);
        int end = len + digits;
        int i = end - 1;
        for (; v > Integer.MAX_VALUE; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int x = (int) v; i >= len; i--) { // int division: cheaper than long
            buf[i] = (byte) ('0' + x % 10);
            x /= 10;
        }
        len = end;
        return this;
    }

    private static int digits(long v) {
        int d = 1;
        for (long p = 10; d < 19 && v >= p; p *= 10) {
            d++;
        }
        return d;
    }

    /**
     * Appends {@code s} as a JSON string literal, escaped as {@link JsonValues#string} escapes (quotes,
     * backslashes, control characters; a lone surrogate as {@code \}{@code uXXXX}), in UTF-8.
     */
    JsonBytes string(CharSequence s) {
        ensure(2);
        buf[len++] = '"';
        text(s, true);
        ensure(1);
        buf[len++] = '"';
        return this;
    }

    /** Appends text that is already JSON (its characters in UTF-8, nothing escaped). */
    JsonBytes utf8(CharSequence s) {
        text(s, false);
        return this;
    }

    private void text(CharSequence cs, boolean escape) {
        int n = cs.length();
        for (int from = 0; from < n; ) {
            int to = Math.min(n, from + CHUNK);
            if (to < n && Character.isHighSurrogate(cs.charAt(to - 1))) {
                to--; // a surrogate pair stays in one chunk
            }
            int m = to - from;
            if (cs instanceof String str) { // one bulk copy, then a loop over an array: no call per char
                str.getChars(from, to, chars, 0);
            } else if (cs instanceof StringBuilder sb) {
                sb.getChars(from, to, chars, 0);
            } else {
                for (int i = 0; i < m; i++) {
                    chars[i] = cs.charAt(from + i);
                }
            }
            encode(chars, m, escape);
            from = to;
        }
    }

    /** Encodes {@code s[0, n)}; a high surrogate at its end is a lone one. */
    private void encode(char[] s, int n, boolean escape) {
        ensure(n); // enough when s is ASCII; grown below otherwise
        byte[] b = buf;
        int at = len;
        boolean[] special = escape ? ESCAPED : NOT_ESCAPED;
        for (int i = 0; i < n; i++) {
            int run = i;
            char c = 0;
            while (i < n && (c = s[i]) < 0x80 && !special[c]) { // a run of plain ASCII: scanned, then copied
                i++;
            }
            int shift = at - run;
            for (int k = run; k < i; k++) {
                b[shift + k] = (byte) s[k]; // room: at least n - run bytes are left (ensured above and below)
            }
            at += i - run;
            if (i == n) {
                break;
            }
            len = at;
            ensure(6 + (n - i));
            b = buf;
            if (c < 0x80) {
                at = escape(b, at, c);
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
                    int cp = Character.toCodePoint(c, s[++i]);
                    b[at++] = (byte) (0xF0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[at++] = (byte) (0x80 | cp & 0x3F);
                } else if (escape) {
                    at = unicodeEscape(b, at, c);
                } else {
                    b[at++] = '?'; // what a UTF-8 encoder writes for a lone surrogate
                }
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        len = at;
    }

    private static int escape(byte[] b, int at, char c) {
        b[at++] = '\\';
        switch (c) {
            case '"' -> b[at++] = '"';
            case '\\' -> b[at++] = '\\';
            case '\n' -> b[at++] = 'n';
            case '\r' -> b[at++] = 'r';
            case '\t' -> b[at++] = 't';
            case '\b' -> b[at++] = 'b';
            case '\f' -> b[at++] = 'f';
            default -> {
                return unicodeEscape(b, at - 1, c);
            }
        }
        return at;
    }

    private static int unicodeEscape(byte[] b, int at, char c) {
        b[at++] = '\\';
        b[at++] = 'u';
        b[at++] = HEX[c >>> 12];
        b[at++] = HEX[c >>> 8 & 15];
        b[at++] = HEX[c >>> 4 & 15];
        b[at++] = HEX[c & 15];
        return at;
    }

    void writeTo(OutputStream out, int from, int to) throws IOException {
        out.write(buf, from, to - from);
    }

    void appendTo(Appendable out, int from, int to) throws IOException {
        out.append(toString(from, to));
    }

    /** The bytes {@code [from, to)} as text. */
    String toString(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }
}
