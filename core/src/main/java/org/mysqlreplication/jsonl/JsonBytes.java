package org.mysqlreplication.jsonl;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    /** Eight bytes of text at a time, for the scan of plain ASCII runs. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** "00", "01", ... "99". */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private byte[] buf;
    private int len;
    /** Text is encoded a chunk of this many chars at a time (a long value keeps no large array behind). */
    private static final int CHUNK = 4096;

    /**
     * The characters of the chunk being written: as long as the longest text written so far, up to {@link #CHUNK}
     * (a buffer for a column name or a short line needs no 8 KiB of them).
     */
    private char[] chars = new char[0];

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
        int i = end;
        for (; v > Integer.MAX_VALUE; i--) {
            buf[i - 1] = (byte) ('0' + v % 10);
            v /= 10;
        }
        int x = (int) v; // int division: cheaper than long
        for (; x >= 10; i -= 2) { // two digits a division
            int q = x / 100;
            int pair = x - q * 100;
            buf[i - 1] = DIGIT_PAIRS[2 * pair + 1];
            buf[i - 2] = DIGIT_PAIRS[2 * pair];
            x = q;
        }
        if (i > len) {
            buf[--i] = (byte) ('0' + x); // the last digit (x < 10), or a leading zero
        }
        while (i > len) {
            buf[--i] = '0';
        }
        len = end;
        return this;
    }

    /**
     * Appends {@code "yyyy-MM-dd HH:mm:ss[.ffffff]"} with {@code fsp} (0..6) fraction digits, the fraction the first
     * digits of the six of {@code micros}; the year 0..9999, the other fields 0..99.
     */
    JsonBytes dateTime(int year, int month, int day, int hour, int minute, int second, int micros, int fsp) {
        ensure(28);
        byte[] b = buf;
        int at = len;
        b[at] = '"';
        pair(b, at + 1, year / 100);
        pair(b, at + 3, year % 100);
        b[at + 5] = '-';
        pair(b, at + 6, month);
        b[at + 8] = '-';
        pair(b, at + 9, day);
        b[at + 11] = ' ';
        pair(b, at + 12, hour);
        b[at + 14] = ':';
        pair(b, at + 15, minute);
        b[at + 17] = ':';
        pair(b, at + 18, second);
        at += 20;
        if (fsp > 0) {
            b[at] = '.';
            pair(b, at + 1, micros / 10000);
            pair(b, at + 3, micros / 100 % 100);
            pair(b, at + 5, micros % 100);
            at += 1 + fsp; // the digits past fsp are overwritten by what comes next
        }
        b[at++] = '"';
        len = at;
        return this;
    }

    private static void pair(byte[] b, int at, int v) {
        b[at] = DIGIT_PAIRS[2 * v];
        b[at + 1] = DIGIT_PAIRS[2 * v + 1];
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
            if (chars.length < m) {
                chars = new char[Math.min(CHUNK, Math.max(m, 2 * chars.length))];
            }
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

    /**
     * Appends text given as bytes as a JSON string literal, escaped as {@link #string} escapes the same text: valid
     * UTF-8 ({@code latin1} false), or MySQL latin1 ({@code latin1} true) without its bytes 0x80..0x9F (cp1252's own
     * characters). Returns false, having appended nothing, for bytes that are not such text: invalid UTF-8 (which a
     * decoder refuses: overlong forms, surrogates, beyond U+10FFFF, cut short), or one of those latin1 bytes.
     */
    boolean text(byte[] a, int from, int n, boolean latin1) {
        int start = len;
        ensure(n + 2);
        byte[] b = buf;
        int at = len;
        b[at++] = '"';
        int end = from + n;
        int i = from;
        while (true) {
            int run = i;
            while (i + 8 <= end && plain8((long) LONGS.get(a, i))) {
                i += 8;
            }
            while (i < end && a[i] >= 0x20 && a[i] != '"' && a[i] != '\\') { // a[i] < 0 for bytes 0x80..0xFF
                i++;
            }
            System.arraycopy(a, run, b, at, i - run); // room: n + 2 less what was written is left, as ensured below
            at += i - run;
            if (i == end) {
                break;
            }
            int c = a[i] & 0xFF;
            int k = c < 0x80 ? 1 : latin1 ? (c >= 0xA0 ? 1 : 0) : utf8Sequence(a, i, end);
            if (k == 0) {
                len = start;
                return false;
            }
            len = at;
            ensure(6 + (end - i) + 1);
            b = buf;
            if (c < 0x80) {
                at = escape(b, at, (char) c);
            } else if (latin1) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else {
                for (int j = 0; j < k; j++) { // 2 to 4 bytes: cheaper than a call to arraycopy
                    b[at++] = a[i + j];
                }
            }
            i += k;
        }
        b[at++] = '"';
        len = at;
        return true;
    }

    /** Whether none of the eight bytes is special: each is 0x20..0x7F and neither {@code "} nor {@code \}. */
    private static boolean plain8(long x) {
        long below20 = x - 0x2020202020202020L;
        long quote = x ^ 0x2222222222222222L;
        long backslash = x ^ 0x5C5C5C5C5C5C5C5CL;
        long special = below20 | (quote - ONES) | (backslash - ONES);
        // a byte's high bit in special without its high bit in x: below 0x20 or a zero after the XOR (a borrow
        // from a lower special byte may mark one more; the byte loop then looks at them one by one)
        return (((special & ~x) | x) & HIGHS) == 0;
    }

    /**
     * The length (2..4) of the well-formed UTF-8 sequence at {@code a[i]} (a byte of 0x80 or above), 0 when it is
     * not one, as the JDK's decoder tells them.
     */
    private static int utf8Sequence(byte[] a, int i, int end) {
        int c = a[i] & 0xFF;
        if (c < 0xC2 || c > 0xF4) {
            return 0;
        }
        int k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + k > end) {
            return 0;
        }
        for (int j = 1; j < k; j++) {
            if ((a[i + j] & 0xC0) != 0x80) {
                return 0;
            }
        }
        int c1 = a[i + 1] & 0xFF;
        if (c == 0xE0 && c1 < 0xA0 || c == 0xED && c1 >= 0xA0 || c == 0xF0 && c1 < 0x90 || c == 0xF4 && c1 >= 0x90) {
            return 0; // overlong, a surrogate, overlong, beyond U+10FFFF
        }
        return k;
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
