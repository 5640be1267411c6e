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
        long intPart = in.readUintBE(5) - DATETIMEF_INT_OFS;
        int micros = fraction(in, fsp, ColumnType.DATETIME2);
        if (intPart < 0) {
            throw new InvalidColumnValueException(ColumnType.DATETIME2, "sign bit must be 1 (non-negative)");
        }
        long ymd = intPart >> 17;
        long hms = intPart & 0x1FFFF;
        long ym = ymd >> 5;
        return dateTime(
                ColumnType.DATETIME2,
                (int) (ym / 13),
                (int) (ym % 13),
                (int) (ymd & 31),
                (int) (hms >> 12),
                (int) (hms >> 6 & 63),
                (int) (hms & 63),
                micros,
                fsp);
    }

    private static Object timestamp2(ByteReader in, int fsp) {
        long seconds = in.readUintBE(4);
        int micros = fraction(in, fsp, ColumnType.TIMESTAMP2);
        if (seconds == 0) {
            return new MysqlDateTime(false, 0, 0, 0, 0, 0, 0, micros, fsp);
        }
        return Instant.ofEpochSecond(seconds, micros * 1000L);
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

    /** The fraction after a DATETIME2 or TIMESTAMP2, in microseconds. */
    static int fraction(ByteReader in, int fsp, ColumnType type) {
        long micros;
        switch (fsp) {
            case 0:
                return 0;
            case 1:
            case 2:
                micros = in.readUint8() * 10000L;
                break;
            case 3:
            case 4:
                micros = in.readUintBE(2) * 100L;
                break;
            default:
                micros = in.readUintBE(3);
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
        if (isDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59) {
            return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
        }
        return new MysqlDateTime(false, year, month, day, hour, minute, second, micros, fsp);
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
