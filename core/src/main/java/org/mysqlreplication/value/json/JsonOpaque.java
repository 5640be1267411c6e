package org.mysqlreplication.value.json;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.InvalidColumnValueException;
import org.mysqlreplication.value.MysqlDateTime;
import org.mysqlreplication.value.ValueDecoder;

/**
 * The opaque values of binary JSON that MySQL gives a JSON type of their own ({@code Json_wrapper::type()} in
 * {@code sql-common/json_dom.cc}), and how it stores them:
 * <ul>
 * <li>NEWDECIMAL (246): precision byte, scale byte, then the column format of DECIMAL(precision, scale)
 *     ({@code Json_decimal::convert_from_binary}).</li>
 * <li>DATE (10), TIME (11), DATETIME (12), TIMESTAMP (7): 8 bytes, the little-endian "packed" longlong of
 *     {@code TIME_to_longlong_packed} ({@code Json_datetime::to_packed}): the fraction in microseconds in the low
 *     24 bits; above them, for a TIME: second (6 bits), minute (6), hour (10); for the others: second (6),
 *     minute (6), hour (5), day (5), year * 13 + month (17). A negative value is stored negated.</li>
 * </ul>
 * Every other field type prints as {@code "base64:type<N>:<data in base64>"}, with a newline after every 76
 * characters as MySQL's {@code base64_encode} writes them; VAR_STRING (253) prints as a plain JSON string.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonOpaque {

    static final int TIMESTAMP = 7;
    static final int DATE = 10;
    static final int TIME = 11;
    static final int DATETIME = 12;
    static final int VAR_STRING = 253;
    static final int NEWDECIMAL = 246;

    private static final int PACKED_SIZE = 8;

    private JsonOpaque() {}

    /** The DECIMAL stored in an opaque NEWDECIMAL value, with its stored scale. */
    static BigDecimal decimal(byte[] b, int offset, int length) {
        if (length < 2) {
            throw invalid("opaque DECIMAL needs a precision and a scale byte, found " + length + " bytes");
        }
        int precision = b[offset] & 0xFF;
        int scale = b[offset + 1] & 0xFF;
        ByteReader in = ByteReader.of(b, offset + 2, length - 2);
        BigDecimal value;
        try {
            value = (BigDecimal) ValueDecoder.decode(in, ColumnDef.of(ColumnType.NEWDECIMAL, precision << 8 | scale));
        } catch (InvalidColumnValueException e) {
            throw e;
        } catch (BinlogException e) {
            throw invalid(
                    "opaque DECIMAL(" + precision + "," + scale + ") needs more than its " + (length - 2) + " bytes");
        }
        if (in.hasRemaining()) {
            throw invalid("opaque DECIMAL(" + precision + "," + scale + ") leaves " + in.remaining()
                    + " of its bytes unread");
        }
        return value;
    }

    /**
     * The fields of an opaque DATE, TIME, DATETIME or TIMESTAMP, unpacked as {@code TIME_from_longlong_packed}
     * does; a TIME has no date fields and its hour may exceed 23.
     */
    record Temporal(boolean negative, int year, int month, int day, int hour, int minute, int second, int micros) {}

    /** The temporal value stored in an opaque value of field type DATE, TIME, DATETIME or TIMESTAMP. */
    static Temporal temporal(int fieldType, byte[] b, int offset, int length) {
        if (length != PACKED_SIZE) {
            throw invalid("opaque temporal value of field type " + fieldType + " must be 8 bytes, found " + length);
        }
        long packed = 0;
        for (int i = PACKED_SIZE - 1; i >= 0; i--) {
            packed = packed << 8 | (b[offset + i] & 0xFF);
        }
        boolean negative = packed < 0;
        long v = Math.abs(packed);
        int micros = (int) (v % (1 << 24));
        if (v < 0 || micros > 999_999) { // v < 0: Long.MIN_VALUE, which has no negation
            throw invalid("opaque temporal value of field type " + fieldType
                    + " has a fraction above 999999 µs or no magnitude");
        }
        long intPart = v >> 24;
        if (fieldType == TIME) {
            return new Temporal(
                    negative,
                    0,
                    0,
                    0,
                    (int) (intPart >> 12 & 0x3FF),
                    (int) (intPart >> 6 & 0x3F),
                    (int) (intPart & 0x3F),
                    micros);
        }
        long ymd = intPart >> 17;
        long ym = ymd >> 5;
        long hms = intPart & 0x1FFFF;
        return new Temporal(
                negative,
                (int) (ym / 13),
                (int) (ym % 13),
                (int) (ymd & 0x1F),
                (int) (hms >> 12),
                (int) (hms >> 6 & 0x3F),
                (int) (hms & 0x3F),
                micros);
    }

    /**
     * Appends the temporal value as {@code my_TIME_to_str(t, buf, 6)} prints it: {@code YYYY-MM-DD} for a DATE,
     * {@code [-]hh:mm:ss.ffffff} for a TIME, {@code YYYY-MM-DD hh:mm:ss.ffffff} for a DATETIME or TIMESTAMP.
     */
    static void appendTemporal(StringBuilder sb, int fieldType, Temporal t) {
        if (fieldType != TIME) {
            pad(sb, t.year(), 4).append('-');
            pad(sb, t.month(), 2).append('-');
            pad(sb, t.day(), 2);
            if (fieldType == DATE) {
                return;
            }
            sb.append(' ');
        } else if (t.negative()) {
            sb.append('-');
        }
        pad(sb, t.hour(), 2).append(':');
        pad(sb, t.minute(), 2).append(':');
        pad(sb, t.second(), 2).append('.');
        pad(sb, t.micros(), 6);
    }

    /**
     * The temporal value as a Java value: a TIME as {@link Duration} (negative or above 24 h as stored), a DATE as
     * {@link LocalDate}, a DATETIME or TIMESTAMP as {@link LocalDateTime} (a TIMESTAMP in JSON is the wall time
     * MySQL stored, with no zone), or {@link MysqlDateTime} when the fields are no valid date (zero dates).
     */
    static Object temporalValue(int fieldType, Temporal t) {
        if (fieldType == TIME) {
            Duration d = Duration.ofSeconds(t.hour() * 3600L + t.minute() * 60L + t.second(), t.micros() * 1000L);
            return t.negative() ? d.negated() : d;
        }
        boolean date = fieldType == DATE;
        try {
            return date
                    ? LocalDate.of(t.year(), t.month(), t.day())
                    : LocalDateTime.of(
                            t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second(), t.micros() * 1000);
        } catch (DateTimeException e) {
            try {
                return date
                        ? new MysqlDateTime(true, t.year(), t.month(), t.day(), 0, 0, 0, 0, 0)
                        : new MysqlDateTime(
                                false, t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second(), t.micros(), 6);
            } catch (IllegalArgumentException outOfRange) {
                throw invalid("opaque temporal value of field type " + fieldType + " has fields out of range");
            }
        }
    }

    /** {@code base64:type<fieldType>:} and the data in base64, a newline after each 76 characters. */
    static String base64(int fieldType, byte[] b, int offset, int length) {
        byte[] data = java.util.Arrays.copyOfRange(b, offset, offset + length);
        return "base64:type" + fieldType + ":"
                + java.util.Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data);
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        for (int p = 10, i = 1; i < width; i++, p *= 10) {
            if (value < p) {
                sb.append('0');
            }
        }
        return sb.append(value);
    }

    static InvalidColumnValueException invalid(String problem) {
        return new InvalidColumnValueException(ColumnType.JSON, "binary JSON: " + problem);
    }
}
