package org.mysqlreplication.value;

import java.time.Instant;
import org.mysqlreplication.io.ByteReader;

/**
 * DATE (current) and the temporal formats from before MySQL 5.6.4, still found in old binlogs and written by
 * servers that keep pre-5.6.4 columns (all little-endian, no fractional seconds):
 * <ul>
 * <li>DATE and NEWDATE, 3 bytes: {@code day | month << 5 | year << 9}. {@link java.time.LocalDate}, or
 *     {@link MysqlDateTime} for a zero or invalid date.</li>
 * <li>TIME, 3 bytes: a signed integer {@code ±(hh * 10000 + mm * 100 + ss)}. {@link java.time.Duration}.</li>
 * <li>DATETIME, 8 bytes: the unsigned integer {@code YYYYMMDDhhmmss}. {@link java.time.LocalDateTime} or
 *     {@link MysqlDateTime}.</li>
 * <li>TIMESTAMP, 4 bytes: seconds since 1970-01-01 UTC. {@link Instant}; 0 is the zero timestamp and gives
 *     {@link MysqlDateTime#zeroDateTime} with fsp 0.</li>
 * </ul>
 * MariaDB 5.3-10.0's own fractional TIME/DATETIME/TIMESTAMP format (used when
 * {@code mysql56_temporal_format=OFF}) has the same type codes but other sizes that TABLE_MAP does not
 * reveal; it is not supported.
 *
 * <p>Stateless and thread-safe.
 */
final class LegacyTemporalValues {

    private LegacyTemporalValues() {}

    /** Bytes a DATE/NEWDATE (3), TIME (3), DATETIME (8) or TIMESTAMP (4) value of these formats takes. */
    static int size(ColumnType type) {
        switch (type) {
            case DATETIME:
                return 8;
            case TIMESTAMP:
                return 4;
            default:
                return 3;
        }
    }

    static Object decode(ByteReader in, ColumnDef def) {
        switch (def.type()) {
            case DATE:
            case NEWDATE:
                int v = in.readUint24();
                return TemporalValues.date(def.type(), v >> 9, v >> 5 & 15, v & 31);
            case TIME:
                return time(in.readInt24());
            case DATETIME:
                return datetime(in.readInt64());
            default:
                long seconds = in.readUint32();
                return seconds == 0 ? MysqlDateTime.zeroDateTime(0) : Instant.ofEpochSecond(seconds);
        }
    }

    private static Object time(int v) {
        boolean negative = v < 0;
        int abs = Math.abs(v);
        return TemporalValues.time(ColumnType.TIME, negative, abs / 10000, abs / 100 % 100, abs % 100, 0);
    }

    private static Object datetime(long v) {
        if (v < 0 || v > 99_999_999_999_999L) {
            throw new InvalidColumnValueException(
                    ColumnType.DATETIME, "must be at most 14 decimal digits " + "YYYYMMDDhhmmss");
        }
        long date = v / 1_000_000;
        long time = v % 1_000_000;
        return TemporalValues.dateTime(
                ColumnType.DATETIME,
                (int) (date / 10000),
                (int) (date / 100 % 100),
                (int) (date % 100),
                (int) (time / 10000),
                (int) (time / 100 % 100),
                (int) (time % 100),
                0,
                0);
    }
}
