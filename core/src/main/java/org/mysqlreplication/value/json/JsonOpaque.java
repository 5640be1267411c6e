package org.mysqlreplication.value.json;

import java.math.BigDecimal;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.InvalidColumnValueException;
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

    private JsonOpaque() {
    }

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
            throw invalid("opaque DECIMAL(" + precision + "," + scale + ") needs more than its " + (length - 2)
                    + " bytes");
        }
        if (in.hasRemaining()) {
            throw invalid("opaque DECIMAL(" + precision + "," + scale + ") leaves " + in.remaining()
                    + " of its bytes unread");
        }
        return value;
    }

    /** The packed longlong of an opaque DATE, TIME, DATETIME or TIMESTAMP. */
    static long packed(int fieldType, byte[] b, int offset, int length) {
        if (length != PACKED_SIZE) {
            throw invalid("opaque temporal value of field type " + fieldType + " must be 8 bytes, found " + length);
        }
        long v = 0;
        for (int i = PACKED_SIZE - 1; i >= 0; i--) {
            v = v << 8 | (b[offset + i] & 0xFF);
        }
        if (Math.abs(v) % (1 << 24) > 999_999) {
            throw invalid("opaque temporal value of field type " + fieldType + " has a fraction above 999999 µs");
        }
        return v;
    }

    /**
     * Appends the temporal value as {@code my_TIME_to_str(t, buf, 6)} prints it: {@code YYYY-MM-DD} for a DATE,
     * {@code [-]hh:mm:ss.ffffff} for a TIME, {@code YYYY-MM-DD hh:mm:ss.ffffff} for a DATETIME or TIMESTAMP.
     */
    static void appendTemporal(StringBuilder sb, int fieldType, long packed) {
        boolean negative = packed < 0;
        long v = Math.abs(packed);
        int micros = (int) (v % (1 << 24));
        long intPart = v >> 24;
        if (fieldType == TIME) {
            if (negative) {
                sb.append('-');
            }
            pad(sb, intPart >> 12 & 0x3FF, 2).append(':');
            pad(sb, intPart >> 6 & 0x3F, 2).append(':');
            pad(sb, intPart & 0x3F, 2).append('.');
            pad(sb, micros, 6);
            return;
        }
        long ymd = intPart >> 17;
        long ym = ymd >> 5;
        pad(sb, ym / 13, 4).append('-');
        pad(sb, ym % 13, 2).append('-');
        pad(sb, ymd & 0x1F, 2);
        if (fieldType == DATE) {
            return;
        }
        long hms = intPart & 0x1FFFF;
        sb.append(' ');
        pad(sb, hms >> 12, 2).append(':');
        pad(sb, hms >> 6 & 0x3F, 2).append(':');
        pad(sb, hms & 0x3F, 2).append('.');
        pad(sb, micros, 6);
    }

    /** Appends {@code base64:type<fieldType>:} and the data in base64, a newline after each 76 characters. */
    static String base64(int fieldType, byte[] b, int offset, int length) {
        byte[] data = java.util.Arrays.copyOfRange(b, offset, offset + length);
        return "base64:type" + fieldType + ":"
                + java.util.Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data);
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        for (long p = 10, i = 1; i < width; i++, p *= 10) {
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
