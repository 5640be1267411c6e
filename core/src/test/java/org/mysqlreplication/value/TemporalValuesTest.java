package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.value.Bytes.decodeAll;
import static org.mysqlreplication.value.Bytes.def;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from the layouts in MySQL's "Date and Time Data Type Representation" and the packing
 * in sql-common/my_time.cc (my_*_packed_to_binary), worked out in the comments.
 */
class TemporalValuesTest {

    @Test
    void datetime2WithoutFraction() {
        // 2021-03-04 05:06:07: ym = 2021*13+3 = 26276, ymd = ym<<5|4, hms = 5<<12|6<<6|7,
        // (ymd<<17|hms) + 0x8000000000 = 0x99A9085187
        assertThat(decodeAll("99A9085187", def(ColumnType.DATETIME2, 0)))
                .isEqualTo(LocalDateTime.of(2021, 3, 4, 5, 6, 7));
    }

    @Test
    void datetime2FractionWidthsFollowFsp() {
        // 2017-09-27 10:58:22 -> 0x999DB6AE96
        String base = "999DB6AE96";
        assertThat(decodeAll(base + "0C", def(ColumnType.DATETIME2, 1)))
                .isEqualTo(LocalDateTime.of(2017, 9, 27, 10, 58, 22, 120_000_000));
        assertThat(decodeAll(base + "04D2", def(ColumnType.DATETIME2, 4)))
                .isEqualTo(LocalDateTime.of(2017, 9, 27, 10, 58, 22, 123_400_000));
        assertThat(decodeAll(base + "01E240", def(ColumnType.DATETIME2, 6)))
                .isEqualTo(LocalDateTime.of(2017, 9, 27, 10, 58, 22, 123_456_000));
    }

    @Test
    void zeroAndInvalidDatetimesAreKeptAsStored() {
        Object zero = decodeAll("8000000000", def(ColumnType.DATETIME2, 0));
        assertThat(zero).isEqualTo(MysqlDateTime.zeroDateTime(0));
        assertThat(zero.toString()).isEqualTo("0000-00-00 00:00:00");
        assertThat(decodeAll("8000000000000000", def(ColumnType.DATETIME2, 6)).toString())
                .isEqualTo("0000-00-00 00:00:00.000000");
        // 2020-00-15 00:00:00: month 0 -> 0x99A51E0000
        Object partial = decodeAll("99A51E0000", def(ColumnType.DATETIME2, 0));
        assertThat(partial).isInstanceOf(MysqlDateTime.class);
        assertThat(partial.toString()).isEqualTo("2020-00-15 00:00:00");
    }

    @Test
    void timestamp2IsUtcEpochSecondsAndZeroIsTheZeroValue() {
        // 0x5A0B2C3D = 1510681661 s
        assertThat(decodeAll("5A0B2C3D", def(ColumnType.TIMESTAMP2, 0))).isEqualTo(Instant.ofEpochSecond(1510681661L));
        assertThat(decodeAll("5A0B2C3D 0315", def(ColumnType.TIMESTAMP2, 3)))
                .isEqualTo(Instant.ofEpochSecond(1510681661L, 78_900_000L)); // 0x0315 = 789 -> .078900
        Object zero = decodeAll("00000000 00", def(ColumnType.TIMESTAMP2, 2));
        assertThat(zero.toString()).isEqualTo("0000-00-00 00:00:00.00");
    }

    @Test
    void time2HandVectors() {
        assertThat(decodeAll("800000", def(ColumnType.TIME2, 0))).isEqualTo(Duration.ZERO);
        assertThat(decodeAll("7FFFFF", def(ColumnType.TIME2, 0))).isEqualTo(Duration.ofSeconds(-1));
        // 838:59:59 = 0x800000 + (838<<12 | 59<<6 | 59) = 0xB46EFB, more than 24 h
        assertThat(decodeAll("B46EFB", def(ColumnType.TIME2, 0)))
                .isEqualTo(Duration.ofHours(838).plusMinutes(59).plusSeconds(59));
        // -00:00:01.5 with fsp 1: packed = -(1<<24 | 500000); int part (>> 24) = -2 -> 0x7FFFFE,
        // frac (C %) = -500000 / 10000 = -50 -> byte 0xCE
        assertThat(decodeAll("7FFFFE CE", def(ColumnType.TIME2, 1))).isEqualTo(Duration.ofMillis(-1500));
        // same with fsp 4: frac -500000 / 100 = -5000 -> 0xEC78
        assertThat(decodeAll("7FFFFE EC78", def(ColumnType.TIME2, 4))).isEqualTo(Duration.ofMillis(-1500));
        // fsp 6: 6 bytes of packed + 0x800000000000 = 0x7FFFFEF85EE0
        assertThat(decodeAll("7FFFFEF85EE0", def(ColumnType.TIME2, 6))).isEqualTo(Duration.ofMillis(-1500));
    }

    @Test
    void time2RandomValuesRoundTripThroughMysqlsPacking() {
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            int fsp = random.nextInt(7);
            long hour = random.nextInt(839);
            int minute = random.nextInt(60);
            int second = random.nextInt(60);
            long micros = truncateToFsp(random.nextInt(1_000_000), fsp);
            boolean negative = random.nextBoolean();
            long packed = ((hour << 12 | minute << 6 | second) << 24) + micros;
            if (negative) {
                packed = -packed;
            }
            Duration expected = Duration.ofSeconds(hour * 3600 + minute * 60 + second, micros * 1000);
            if (negative) {
                expected = expected.negated();
            }
            assertThat(decodeAll(time2Binary(packed, fsp), def(ColumnType.TIME2, fsp)))
                    .as("fsp %d packed %d", fsp, packed)
                    .isEqualTo(expected);
        }
    }

    /** my_time_packed_to_binary, written from my_time.cc's macros: int part = x >> 24, frac = x % 2^24 (C). */
    private static byte[] time2Binary(long packed, int fsp) {
        ByteBuffer b = ByteBuffer.allocate(3 + (fsp + 1) / 2);
        long intPart = packed >> 24;
        long frac = packed % (1L << 24);
        if (fsp >= 5) {
            long v = packed + 0x800000000000L;
            for (int i = 5; i >= 0; i--) {
                b.put((byte) (v >>> (8 * i)));
            }
            return b.array();
        }
        long v = intPart + 0x800000L;
        b.put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
        if (fsp == 1 || fsp == 2) {
            b.put((byte) (frac / 10000));
        } else if (fsp == 3 || fsp == 4) {
            b.putShort((short) (frac / 100));
        }
        return b.array();
    }

    private static long truncateToFsp(long micros, int fsp) {
        long unit = (long) Math.pow(10, 6 - fsp);
        return micros / unit * unit;
    }

    @Test
    void timeMinuteAbove59IsInvalid() {
        // 0x800000 + (0<<12 | 60<<6 | 0) = 0x800F00
        assertThatThrownBy(() -> decodeAll("800F00", def(ColumnType.TIME2, 0)))
                .isInstanceOf(InvalidColumnValueException.class);
        assertThatThrownBy(() -> decodeAll("8000000000", def(ColumnType.DATETIME2, 7)))
                .isInstanceOf(InvalidColumnValueException.class);
    }

    @Test
    void dateIsThreeBytesDayMonthYear() {
        // 2021-03-04: 2021<<9 | 3<<5 | 4 = 0x0FCA64, little-endian
        assertThat(decodeAll("64CA0F", def(ColumnType.DATE, 0))).isEqualTo(LocalDate.of(2021, 3, 4));
        assertThat(decodeAll("000000", def(ColumnType.DATE, 0)).toString()).isEqualTo("0000-00-00");
        // 2020-00-15: 2020<<9 | 0<<5 | 15 = 0x0FC80F
        assertThat(decodeAll("0FC80F", def(ColumnType.DATE, 0)).toString()).isEqualTo("2020-00-15");
        // 2021-02-31 (invalid day for February): 2021<<9 | 2<<5 | 31 = 0x0FCA5F
        assertThat(decodeAll("5FCA0F", def(ColumnType.DATE, 0)))
                .isEqualTo(new MysqlDateTime(true, 2021, 2, 31, 0, 0, 0, 0, 0));
    }

    @Test
    void legacyFormats() {
        // DATETIME: 20210304050607 as 8-byte little-endian integer
        assertThat(decodeAll("AF65FE9361120000", def(ColumnType.DATETIME, 0)))
                .isEqualTo(LocalDateTime.of(2021, 3, 4, 5, 6, 7));
        assertThat(decodeAll("0000000000000000", def(ColumnType.DATETIME, 0)).toString())
                .isEqualTo("0000-00-00 00:00:00");
        // TIME: 123456 = 12:34:56 -> 0x01E240 LE; -123456 -> 0xFE1DC0 LE
        assertThat(decodeAll("40E201", def(ColumnType.TIME, 0))).isEqualTo(Duration.parse("PT12H34M56S"));
        assertThat(decodeAll("C01DFE", def(ColumnType.TIME, 0))).isEqualTo(Duration.parse("-PT12H34M56S"));
        // TIMESTAMP: 4-byte LE seconds; 0 is the zero value
        assertThat(decodeAll("3D2C0B5A", def(ColumnType.TIMESTAMP, 0))).isEqualTo(Instant.ofEpochSecond(1510681661L));
        assertThat(decodeAll("00000000", def(ColumnType.TIMESTAMP, 0)).toString())
                .isEqualTo("0000-00-00 00:00:00");
    }

    @Test
    void aYearAboveTheLargestAServerStoresIsATypedError() {
        // found by EventDecoderFuzzTest: these ended in the IllegalArgumentException of MysqlDateTime's constructor.
        // DATE, 3 bytes little-endian, year << 9 | month << 5 | day: year 32767 (all 15 bits), month 1, day 1
        assertThatThrownBy(() -> decodeAll("21FEFF", def(ColumnType.DATE, 0)))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("year must be 0..9999, found 32767");
        // DATETIME2: year * 13 + month in 17 bits, all set = 131071 = year 10082 month 5; day 1:
        // ((131071 << 5 | 1) << 17) + 0x8000000000 = 0xFFFFC20000
        assertThatThrownBy(() -> decodeAll("FFFFC20000", def(ColumnType.DATETIME2, 0)))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("year must be 0..9999, found 10082");
    }

    @Test
    void februaryTheTwentyNinthFollowsTheGregorianLeapYears() {
        // DATE year << 9 | month << 5 | day, 3 bytes little-endian. Leap years: divisible by 4, but not by 100 unless
        // by 400; the invalid ones are kept as stored (a MysqlDateTime), now told without an exception per value
        assertThat(decodeAll("5DC80F", def(ColumnType.DATE, 0))).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(decodeAll("5DA00F", def(ColumnType.DATE, 0))).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(decodeAll("5DCA0F", def(ColumnType.DATE, 0)).toString()).isEqualTo("2021-02-29");
        assertThat(decodeAll("5DCA0F", def(ColumnType.DATE, 0))).isInstanceOf(MysqlDateTime.class);
        assertThat(decodeAll("5DD80E", def(ColumnType.DATE, 0))).isInstanceOf(MysqlDateTime.class);
        assertThat(decodeAll("9FCA0F", def(ColumnType.DATE, 0)).toString()).isEqualTo("2021-04-31");
        assertThat(decodeAll("210000", def(ColumnType.DATE, 0))).isEqualTo(LocalDate.of(0, 1, 1));
    }
}
