package org.mysqlreplication.value;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import org.mysqlreplication.io.ByteReader;

/**
 * The MySQL 5.6.4+ temporal formats (also MariaDB 10.1.2+'s default): TIME2, DATETIME2, TIMESTAMP2, whose
 * metadata is the fractional-second precision (fsp 0..6). Layouts from {@code sql-common/my_time.cc}
 * ({@code my_*_packed_from_binary}) and the MySQL internals page "Date and Time Data Type Representation";
 * all big-endian, followed by the fraction in {@code (fsp + 1) / 2} bytes (fsp 1-2: 1 byte, unit 1/100 s;
 * fsp 3-4: 2 bytes, unit 1/10000 s; fsp 5-6: 3 bytes, microseconds).
 * <ul>
 * <li>DATETIME2, 5 bytes: 1 sign bit (1 = non-negative), 17 bits year * 13 + month, 5 bits day, 5 bits
 *     hour, 6 bits minute, 6 bits second. {@link LocalDateTime}, or {@link MysqlDateTime} when the fields
 *     are not a valid date-time (zero, month 0, day 0, February 31...).</li>
 * <li>TIMESTAMP2, 4 bytes: seconds since 1970-01-01 UTC. {@link Instant}; 0 seconds is MySQL's zero
 *     timestamp and gives {@link MysqlDateTime#zeroDateTime}.</li>
 * <li>TIME2, 3 bytes: 1 sign bit (1 = non-negative), 1 unused bit, 10 bits hour, 6 bits minute, 6 bits
 *     second, stored as the value plus 0x800000 (0x800000000000 with a 3-byte fraction); a negative value is
 *     stored as the two's complement of the whole packed value, so a 1- or 2-byte fraction of a negative
 *     time counts downwards. {@link Duration}, negative or above 24 h where the value is.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class TemporalValues {

    private static final long TIMEF_INT_OFS = 0x800000L;
    private static final long TIMEF_OFS = 0x800000000000L;
    private static final long DATETIMEF_INT_OFS = 0x8000000000L;

    private TemporalValues() {}

    /** The column's fractional-second precision, checked to be 0..6. */
    static int fsp(ColumnDef def) {
        int fsp = def.meta();
        if (fsp < 0 || fsp > 6) {
            throw new InvalidColumnValueException(
                    def.type(), "fractional-second precision (metadata) must be " + "0..6, found " + fsp);
        }
        return fsp;
    }

    /** Bytes a TIME2, DATETIME2 or TIMESTAMP2 value takes: 3, 5 or 4, and the fraction. */
    static int size(ColumnDef def) {
        int base = def.type() == ColumnType.TIME2 ? 3 : def.type() == ColumnType.DATETIME2 ? 5 : 4;
        return base + (fsp(def) + 1) / 2;
    }

    static Object decode(ByteReader in, ColumnDef def) {
        int fsp = fsp(def);
        switch (def.type()) {
            case DATETIME2:
                return datetime2(in, fsp);
            case TIMESTAMP2:
                return timestamp2(in, fsp);
            default:
                return time2(in, fsp);
        }
    }

    private static Object datetime2(ByteReader in, int fsp) {
        int at = in.arrayOffset();
        in.skip(5 + (fsp + 1) / 2); // bounds check: read in place
        long f = dateTime2Fields(in.array(), at, fsp);
        return dateTime(
                ColumnType.DATETIME2,
                field(f, 0),
                field(f, 1),
                field(f, 2),
                field(f, 3),
                field(f, 4),
                field(f, 5),
                field(f, 6),
                fsp);
    }

    /**
     * The fields of the DATETIME2 at {@code a[off]}, valid or not, packed as {@code year << 46 | month << 42 | day
     * << 37 | hour << 32 | minute << 26 | second << 20 | microseconds} (year below 2^14, the 17 bits of year * 13 +
     * month reaching 10082).
     */
    private static long dateTime2Fields(byte[] a, int off, int fsp) {
        long intPart = uintBE(a, off, 5) - DATETIMEF_INT_OFS;
        int micros = fraction(a, off + 5, fsp, ColumnType.DATETIME2);
        if (intPart < 0) {
            throw new InvalidColumnValueException(ColumnType.DATETIME2, "sign bit must be 1 (non-negative)");
        }
        long ymd = intPart >> 17;
        long hms = intPart & 0x1FFFF;
        long ym = ymd >> 5;
        return (ym / 13) << 46
                | (ym % 13) << 42
                | (ymd & 31) << 37
                | (hms >> 12) << 32
                | (hms >> 6 & 63) << 26
                | (hms & 63) << 20
                | micros;
    }

    /** Field {@code i} (0 year, 1 month, 2 day, 3 hour, 4 minute, 5 second, 6 microseconds) of packed fields. */
    static int field(long fields, int i) {
        return switch (i) {
            case 0 -> (int) (fields >>> 46);
            case 1 -> (int) (fields >>> 42 & 15);
            case 2 -> (int) (fields >>> 37 & 31);
            case 3 -> (int) (fields >>> 32 & 31);
            case 4 -> (int) (fields >>> 26 & 63);
            case 5 -> (int) (fields >>> 20 & 63);
            default -> (int) (fields & 0xFFFFF);
        };
    }

    /** {@link RawValues#dateTime2}: the packed fields when {@link #dateTime} gives a LocalDateTime for them. */
    static long plainDateTime2(byte[] a, int off, int fsp) {
        long f = dateTime2Fields(a, off, fsp);
        int year = field(f, 0);
        return year <= 9999 && isDateTime(year, field(f, 1), field(f, 2), field(f, 3), field(f, 4), field(f, 5))
                ? f
                : RawValues.NOT_PLAIN;
    }

    private static Object timestamp2(ByteReader in, int fsp) {
        int at = in.arrayOffset();
        in.skip(4 + (fsp + 1) / 2); // bounds check: read in place
        long micros = timestamp2Micros(in.array(), at, fsp);
        if (micros == RawValues.NOT_PLAIN) {
            return new MysqlDateTime(
                    false, 0, 0, 0, 0, 0, 0, fraction(in.array(), at + 4, fsp, ColumnType.TIMESTAMP2), fsp);
        }
        return Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000L);
    }

    /** The TIMESTAMP2 at {@code a[off]} in microseconds since the epoch; {@link RawValues#NOT_PLAIN} for 0 seconds. */
    static long timestamp2Micros(byte[] a, int off, int fsp) {
        long seconds = uintBE(a, off, 4);
        int micros = fraction(a, off + 4, fsp, ColumnType.TIMESTAMP2);
        return seconds == 0 ? RawValues.NOT_PLAIN : seconds * 1_000_000 + micros;
    }

    private static long uintBE(byte[] a, int off, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (a[off + i] & 0xFFL);
        }
        return v;
    }

    private static Duration time2(ByteReader in, int fsp) {
        long packed;
        switch (fsp) {
            case 0:
                packed = (in.readUintBE(3) - TIMEF_INT_OFS) << 24;
                break;
            case 1:
            case 2:
                packed = timeWithShortFraction(in.readUintBE(3) - TIMEF_INT_OFS, in.readUint8(), 0x100, 10000);
                break;
            case 3:
            case 4:
                packed = timeWithShortFraction(in.readUintBE(3) - TIMEF_INT_OFS, (int) in.readUintBE(2), 0x10000, 100);
                break;
            default:
                packed = in.readUintBE(6) - TIMEF_OFS;
                break;
        }
        boolean negative = packed < 0;
        long abs = Math.abs(packed);
        long hms = abs >> 24;
        long micros = abs & 0xFFFFFF;
        int hour = (int) (hms >> 12 & 0x3FF);
        int minute = (int) (hms >> 6 & 63);
        int second = (int) (hms & 63);
        return time(ColumnType.TIME2, negative, hour, minute, second, micros);
    }

    /** my_time_packed_from_binary: a negative time's short fraction is stored counting down from the next second. */
    private static long timeWithShortFraction(long intPart, int frac, int modulus, int unit) {
        long f = frac;
        if (intPart < 0 && f != 0) {
            intPart++;
            f -= modulus;
        }
        return (intPart << 24) + f * unit;
    }

    /** The fraction of {@code (fsp + 1) / 2} bytes at {@code a[off]} after a DATETIME2 or TIMESTAMP2, in microseconds. */
    private static int fraction(byte[] a, int off, int fsp, ColumnType type) {
        long micros;
        switch (fsp) {
            case 0:
                return 0;
            case 1:
            case 2:
                micros = (a[off] & 0xFF) * 10000L;
                break;
            case 3:
            case 4:
                micros = uintBE(a, off, 2) * 100L;
                break;
            default:
                micros = uintBE(a, off, 3);
                break;
        }
        if (micros > 999_999) {
            throw new InvalidColumnValueException(type, "fractional seconds must be below 1000000 microseconds");
        }
        return (int) micros;
    }

    /** A TIME as a Duration; minute and second must be 0..59 and the fraction below one second. */
    static Duration time(ColumnType type, boolean negative, long hour, int minute, int second, long micros) {
        if (minute > 59 || second > 59 || micros > 999_999) {
            throw new InvalidColumnValueException(
                    type, "minute and second must be 0..59 and the fraction below" + " 1000000 microseconds");
        }
        Duration d = Duration.ofSeconds(hour * 3600 + minute * 60L + second, micros * 1000L);
        return negative ? d.negated() : d;
    }

    /**
     * A LocalDate, or a MysqlDateTime when the fields are not a valid date.
     *
     * @throws InvalidColumnValueException for a year outside 0..9999, which no server stores (a DATE's 15 bits of year
     *     reach 32767)
     */
    static Object date(ColumnType type, int year, int month, int day) {
        checkYear(type, year);
        if (isDate(year, month, day)) {
            return LocalDate.of(year, month, day);
        }
        return new MysqlDateTime(true, year, month, day, 0, 0, 0, 0, 0);
    }

    /**
     * A LocalDateTime, or a MysqlDateTime when the fields are not a valid date-time.
     *
     * @throws InvalidColumnValueException for a year outside 0..9999, which no server stores (DATETIME2's 17 bits of
     *     year and month reach year 10082)
     */
    static Object dateTime(
            ColumnType type, int year, int month, int day, int hour, int minute, int second, int micros, int fsp) {
        checkYear(type, year);
        if (isDateTime(year, month, day, hour, minute, second)) {
            return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
        }
        return new MysqlDateTime(false, year, month, day, hour, minute, second, micros, fsp);
    }

    /** Whether the fields are a date-time {@link LocalDateTime} holds (of a year already checked to be 0..9999). */
    private static boolean isDateTime(int year, int month, int day, int hour, int minute, int second) {
        return isDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;
    }

    /**
     * Whether the fields are a calendar date (of a year already checked to be 0..9999), told without the
     * {@link java.time.DateTimeException} of {@link LocalDate#of}: zero and invalid dates are common in non-strict
     * SQL modes, and an exception each would cost its stack trace.
     */
    private static boolean isDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year));
    }

    private static void checkYear(ColumnType type, int year) {
        if (year < 0 || year > 9999) {
            throw new InvalidColumnValueException(type, "year must be 0..9999, found " + year);
        }
    }
}
