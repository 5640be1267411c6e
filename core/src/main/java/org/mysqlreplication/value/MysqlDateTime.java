package org.mysqlreplication.value;

/**
 * A DATE, DATETIME or TIMESTAMP value that is not a valid calendar date-time, kept field by field exactly as
 * stored: the zero value ({@code 0000-00-00}, {@code 0000-00-00 00:00:00}), and the partial or invalid dates
 * MySQL and MariaDB accept in non-strict modes ({@code 2020-00-15}, {@code 2021-02-31}). Returned in place
 * of {@link java.time.LocalDate}, {@link java.time.LocalDateTime} or {@link java.time.Instant} only when
 * those cannot hold the value; a TIMESTAMP of 0 seconds (MySQL shows it as {@code 0000-00-00 00:00:00}) is
 * the zero value here.
 *
 * <p>{@link #toString()} is the MySQL text form: {@code YYYY-MM-DD} for a DATE, {@code YYYY-MM-DD hh:mm:ss}
 * plus {@code .} and {@code fsp} digits for a DATETIME/TIMESTAMP.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dateOnly whether this is a DATE (no time part)
 * @param year     0..9999
 * @param month    0..99 as stored (valid dates use 1..12)
 * @param day      0..99 as stored
 * @param hour     0..99 as stored
 * @param minute   0..99 as stored
 * @param second   0..99 as stored
 * @param micros   0..999999
 * @param fsp      fractional-second digits to print, 0..6
 */
public record MysqlDateTime(
        boolean dateOnly, int year, int month, int day, int hour, int minute, int second, int micros, int fsp) {

    public MysqlDateTime {
        check("year", year, 9999);
        check("month", month, 99);
        check("day", day, 99);
        check("hour", hour, 99);
        check("minute", minute, 99);
        check("second", second, 99);
        check("micros", micros, 999_999);
        check("fsp", fsp, 6);
        if (dateOnly && (hour | minute | second | micros | fsp) != 0) {
            throw new IllegalArgumentException("a date-only value has no time fields");
        }
    }

    private static void check(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be 0.." + max + ", found " + value);
        }
    }

    /** The zero DATE {@code 0000-00-00}. */
    public static MysqlDateTime zeroDate() {
        return new MysqlDateTime(true, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The zero DATETIME/TIMESTAMP {@code 0000-00-00 00:00:00} printed with {@code fsp} fraction digits. */
    public static MysqlDateTime zeroDateTime(int fsp) {
        return new MysqlDateTime(false, 0, 0, 0, 0, 0, 0, 0, fsp);
    }

    /** Whether every field is 0 (the "zero date"). */
    public boolean isZero() {
        return (year | month | day | hour | minute | second | micros) == 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(26);
        pad(sb, year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2);
        if (!dateOnly) {
            sb.append(' ');
            pad(sb, hour, 2).append(':');
            pad(sb, minute, 2).append(':');
            pad(sb, second, 2);
            if (fsp > 0) {
                StringBuilder frac = new StringBuilder(6);
                pad(frac, micros, 6);
                sb.append('.').append(frac, 0, fsp);
            }
        }
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
