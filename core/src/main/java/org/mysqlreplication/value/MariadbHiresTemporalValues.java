package org.mysqlreplication.value;

import java.time.Duration;
import java.time.Instant;
import org.mysqlreplication.io.ByteReader;

/**
 * MariaDB's own fractional-second TIME(n), DATETIME(n) and TIMESTAMP(n), n = 1..6: written by MariaDB 5.3 to
 * 10.0, and by later versions for columns created that way or with {@code mysql56_temporal_format=OFF}. The
 * binlog gives them the old type codes TIME, DATETIME, TIMESTAMP and no TABLE_MAP metadata, so their size is
 * unknown from the binlog alone: the caller passes the column's precision (information_schema
 * {@code DATETIME_PRECISION}) as {@link ColumnDef#meta()}; with 0 the pre-5.6.4 formats apply.
 *
 * <p>Layouts ({@code sql/field.cc}: {@code Field_*_hires}; sizes from {@code sql_type.cc}), all big-endian,
 * with {@code shift(x) = x / 10^(6 - n)} and {@code pack_time} = {@code (((((year * 13 + month) * 32 + day)
 * * 24 + hour) * 60 + minute) * 60 + second) * 1000000 + micros}, negated for a negative TIME:
 * <ul>
 * <li>TIMESTAMP(n): 4 bytes of seconds since the epoch, then {@code shift(micros)} in 1,1,2,2,3,3 bytes
 *     (n = 1..6). {@link Instant}; 0 seconds is the zero value ({@link MysqlDateTime}).</li>
 * <li>DATETIME(n): {@code shift(pack_time)} in 6,6,7,7,7,8 bytes. {@link java.time.LocalDateTime} or
 *     {@link MysqlDateTime}.</li>
 * <li>TIME(n): {@code shift(pack_time) + shift((838:59:59 + 1 s) in microseconds)} in 4,4,5,5,5,6 bytes.
 *     {@link Duration}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class MariadbHiresTemporalValues {

    private static final int[] TIMESTAMP_FRACTION_BYTES = {0, 1, 1, 2, 2, 3, 3};
    private static final int[] DATETIME_BYTES = {5, 6, 6, 7, 7, 7, 8};
    private static final int[] TIME_BYTES = {3, 4, 4, 5, 5, 5, 6};
    private static final long TIME_MAX_VALUE_SECONDS = 838 * 3600 + 59 * 60 + 59;
    private static final long[] POWERS10 = {1, 10, 100, 1000, 10000, 100000, 1000000};
    /** {@code pack_time} of 9999-12-31 23:59:59.999999 (month 12 of year 9999 is 9999 * 13 + 12). */
    private static final long MAX_PACKED_DATETIME =
            ((((9999L * 13 + 12) * 32 + 31) * 24 + 23) * 60 + 59) * 60 * 1_000_000L + 59_999_999L;

    private MariadbHiresTemporalValues() {}

    /** The column's precision, checked to be 1..6. */
    private static int dec(ColumnDef def) {
        int dec = def.meta();
        if (dec < 1 || dec > 6) {
            throw new InvalidColumnValueException(def.type(), "fractional-second precision must be 1..6, found " + dec);
        }
        return dec;
    }

    /** Bytes a TIME, DATETIME or TIMESTAMP value of this format takes. */
    static int size(ColumnDef def) {
        int dec = dec(def);
        switch (def.type()) {
            case TIMESTAMP:
                return 4 + TIMESTAMP_FRACTION_BYTES[dec];
            case DATETIME:
                return DATETIME_BYTES[dec];
            default:
                return TIME_BYTES[dec];
        }
    }

    static Object decode(ByteReader in, ColumnDef def) {
        int dec = dec(def);
        long unit = POWERS10[6 - dec];
        switch (def.type()) {
            case TIMESTAMP:
                long seconds = in.readUintBE(4);
                int micros = (int) (in.readUintBE(TIMESTAMP_FRACTION_BYTES[dec]) * unit);
                checkMicros(def.type(), micros);
                if (seconds == 0) {
                    return new MysqlDateTime(false, 0, 0, 0, 0, 0, 0, micros, dec);
                }
                return Instant.ofEpochSecond(seconds, micros * 1000L);
            case DATETIME:
                long shifted = in.readUintBE(DATETIME_BYTES[dec]);
                if (shifted < 0 || shifted > MAX_PACKED_DATETIME / unit) {
                    throw new InvalidColumnValueException(
                            ColumnType.DATETIME, "packed value beyond year 9999 (" + DATETIME_BYTES[dec] + " bytes)");
                }
                return datetime(shifted * unit, dec);
            default:
                long zeroPoint = (TIME_MAX_VALUE_SECONDS + 1) * 1_000_000L / unit;
                return time(Math.multiplyExact(in.readUintBE(TIME_BYTES[dec]) - zeroPoint, unit));
        }
    }

    private static Object datetime(long packed, int dec) {
        int micros = (int) (packed % 1_000_000);
        long p = packed / 1_000_000;
        int second = (int) (p % 60);
        p /= 60;
        int minute = (int) (p % 60);
        p /= 60;
        int hour = (int) (p % 24);
        p /= 24;
        int day = (int) (p % 32);
        p /= 32;
        int month = (int) (p % 13);
        long year = p / 13;
        if (year > 9999) {
            throw new InvalidColumnValueException(ColumnType.DATETIME, "year must be at most 9999");
        }
        return TemporalValues.dateTime(ColumnType.DATETIME, (int) year, month, day, hour, minute, second, micros, dec);
    }

    private static Duration time(long packed) {
        // For a TIME, year, month and day are 0, so pack_time is the signed number of microseconds.
        return Duration.ofSeconds(packed / 1_000_000, (packed % 1_000_000) * 1000);
    }

    private static void checkMicros(ColumnType type, long micros) {
        if (micros > 999_999) {
            throw new InvalidColumnValueException(type, "fractional seconds must be below 1000000 microseconds");
        }
    }
}
