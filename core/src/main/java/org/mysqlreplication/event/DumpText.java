package org.mysqlreplication.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Iterator;
import org.mysqlreplication.value.MysqlDateTime;
import org.mysqlreplication.value.UndecodedText;

/**
 * Builds the python-mysql-replication text dump. Values print as Python would print them where it makes sense:
 * {@code null} as {@code None}, booleans as {@code True}/{@code False}, {@code byte[]} as Python's bytes repr
 * ({@code b'ab\x00'}), collections as Python sets ({@code {'a', 'b'}}), date-times as Python's datetime
 * ({@code 2014-05-06 20:51:02}, {@code 2026-01-01 00:00:00.500000}; an {@code Instant} in UTC; zero and
 * invalid dates from their fields, where python gives None), TIME as Python's timedelta
 * ({@code 1 day, 2:03:04}, {@code -1 day, 23:59:59}),
 * BIT as its bits most significant first, VECTOR as a list, an {@link UndecodedText} as its bytes' repr and
 * the reason ({@code b'caf\\xe9' (undecoded: unknown charset)}); everything else with {@code toString()}.
 *
 * <p>Not thread-safe (a builder); one per dump call.
 */
final class DumpText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder sb = new StringBuilder(256);

    private DumpText() {}

    /**
     * Starts a dump with the title and the common header fields. {@code Event size} is the whole event's size
     * from its header; {@code Read bytes} is that size minus the 19-byte header (python prints how far its packet
     * reader got, which after a full decode is about the same).
     */
    static DumpText start(String title, EventHeader h) {
        DumpText d = titleOnly(title);
        d.line("Date: "
                + LocalDateTime.ofEpochSecond(h.timestamp(), 0, ZoneOffset.UTC).format(DATE));
        d.line("Log position: " + h.logPos());
        d.line("Event size: " + h.eventSize());
        d.line("Read bytes: " + Math.max(0, h.eventSize() - EventHeader.SIZE));
        return d;
    }

    /** Starts a dump with the title only (python's RotateEvent prints no common fields). */
    static DumpText titleOnly(String title) {
        DumpText d = new DumpText();
        d.line("=== " + title + " ===");
        return d;
    }

    DumpText line(String s) {
        sb.append(s).append('\n');
        return this;
    }

    DumpText field(String name, Object value) {
        return line(name + ": " + repr(value));
    }

    String end() {
        sb.append('\n');
        return sb.toString();
    }

    /** The marker after the start of a statement that was cut (length -1: none, the statement is whole). */
    static String truncation(long length) {
        return length < 0 ? "" : " ... (truncated: " + length + " bytes in all)";
    }

    /** A value as Python's {@code str()} would print it. */
    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof byte[] bytes) {
            return bytesRepr(bytes);
        }
        if (v instanceof UndecodedText u) {
            return bytesRepr(u.bytes()) + " (undecoded: " + u.reasonText() + ")";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return dateTimeRepr(
                    t.getYear(),
                    t.getMonthValue(),
                    t.getDayOfMonth(),
                    t.getHour(),
                    t.getMinute(),
                    t.getSecond(),
                    t.getNano() / 1000);
        }
        if (v instanceof java.time.Instant t) {
            return repr(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        }
        if (v instanceof MysqlDateTime t) {
            return t.dateOnly()
                    ? t.toString()
                    : dateTimeRepr(t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second(), t.micros());
        }
        if (v instanceof java.util.BitSet b) {
            return bitsRepr(b);
        }
        if (v instanceof float[] f) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < f.length; i++) {
                s.append(i == 0 ? "" : ", ").append(f[i]);
            }
            return s.append(']').toString();
        }
        if (v instanceof Duration d) {
            return durationRepr(d);
        }
        if (v instanceof Collection<?> c) {
            return collectionRepr(c);
        }
        return v.toString();
    }

    private static String collectionRepr(Collection<?> c) {
        if (c.isEmpty()) {
            return "set()";
        }
        StringBuilder s = new StringBuilder("{");
        for (Iterator<?> it = c.iterator(); it.hasNext(); ) {
            Object o = it.next();
            s.append(o instanceof String str ? "'" + str + "'" : repr(o));
            if (it.hasNext()) {
                s.append(", ");
            }
        }
        return s.append('}').toString();
    }

    /** A BIT value as python-mysql-replication prints it: the bits as '0'/'1', most significant first. */
    private static String bitsRepr(java.util.BitSet b) {
        if (b.isEmpty()) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        for (int i = b.length() - 1; i >= 0; i--) {
            s.append(b.get(i) ? '1' : '0');
        }
        return s.toString();
    }

    /**
     * Python's {@code datetime} str: {@code YYYY-MM-DD HH:MM:SS}, then {@code .ffffff} (always 6 digits) only
     * when the microseconds are not 0. A zero or invalid date (python-mysql-replication gives {@code None}) is
     * printed the same way from its fields, so that the dump keeps the value.
     */
    private static String dateTimeRepr(int year, int month, int day, int hour, int minute, int second, int micros) {
        // MySQL's text form of the same fields is Python's layout when printed with 6 digits or none
        return new MysqlDateTime(false, year, month, day, hour, minute, second, micros, micros != 0 ? 6 : 0).toString();
    }

    /** Python's {@code timedelta} str: {@code [-]D day[s], H:MM:SS[.ffffff]}. */
    private static String durationRepr(Duration d) {
        long micros = d.getSeconds() * 1_000_000L + d.getNano() / 1000;
        long days = Math.floorDiv(micros, 86_400_000_000L);
        long rest = Math.floorMod(micros, 86_400_000_000L);
        long secs = rest / 1_000_000;
        long frac = rest % 1_000_000;
        String hms = String.format("%d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60)
                + (frac != 0 ? String.format(".%06d", frac) : "");
        return days == 0 ? hms : days + (Math.abs(days) == 1 ? " day, " : " days, ") + hms;
    }

    /** Python's bytes repr: printable ASCII as is, {@code \\}, {@code \'}, \t \n \r, else {@code \xNN}. */
    static String bytesRepr(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length + 3).append("b'");
        for (byte b : bytes) {
            int c = b & 0xFF;
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\'' -> s.append("\\'");
                case '\t' -> s.append("\\t");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        s.append((char) c);
                    } else {
                        s.append("\\x").append(HEX[c >>> 4]).append(HEX[c & 0xF]);
                    }
                }
            }
        }
        return s.append('\'').toString();
    }
}
